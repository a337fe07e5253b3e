// The thread that owns PGlite: its queries run WASM synchronously, so they run here and leave
// the HTTP thread free. Plain JavaScript so that it loads without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

const pg = await PGlite.create(workerData.dataDir)
/** Open transactions by id: their query handle, how to end them, and their end. */
const txs = new Map()

/** What of an error may cross the thread: never the statement's parameters. */
const plain = (e) => ({ message: String(e?.message ?? e), code: typeof e?.code === 'string' ? e.code : undefined, name: e?.name ?? 'Error' })

function begin(id) {
  return new Promise((ready, fail) => {
    let started = false
    const done = pg
      .transaction(
        (t) =>
          new Promise((commit, rollback) => {
            started = true
            txs.set(id, { t, commit, rollback, done })
            ready()
          }),
      )
      .catch((e) => {
        if (!started) fail(e)
        throw e
      })
    done.catch(() => {})
  })
}

async function run(m) {
  switch (m.op) {
    case 'query':
      return (await pg.query(m.sql, m.params)).rows
    case 'exec':
      return void (await pg.exec(m.sql))
    case 'begin':
      return begin(m.tx)
    case 'txquery':
      return (await txs.get(m.tx).t.query(m.sql, m.params)).rows
    case 'commit': {
      const tx = txs.get(m.tx)
      txs.delete(m.tx)
      tx.commit()
      return void (await tx.done)
    }
    case 'rollback': {
      const tx = txs.get(m.tx)
      txs.delete(m.tx)
      tx.rollback(new Error('rollback'))
      return void (await tx.done.catch(() => {}))
    }
    case 'script':
      // One statement is a transaction by itself.
      if (m.steps.length === 1) return [(await pg.query(m.steps[0].sql, m.steps[0].params)).rows]
      return pg.transaction(async (t) => {
        const out = []
        for (const step of m.steps) out.push((await t.query(step.sql, step.params)).rows)
        return out
      })
    case 'close':
      return pg.close()
  }
}

parentPort.on('message', (m) => {
  run(m).then(
    (rows) => parentPort.postMessage({ id: m.id, rows }),
    (e) => parentPort.postMessage({ id: m.id, error: plain(e) }),
  )
})
parentPort.postMessage({ ready: true })
