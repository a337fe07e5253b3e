// The thread that owns PGlite: its queries run WASM synchronously, so they run here and leave
// the HTTP thread free. Plain JavaScript so that it loads without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

const pg = await PGlite.create(workerData.dataDir)
/** Open transactions by id: their query handle, how to end them, and their end. */
const txs = new Map()

/** What of an error may cross the thread: never the statement's parameters. */
const plain = (e) => ({ message: String(e?.message ?? e), code: typeof e?.code === 'string' ? e.code : undefined, name: e?.name ?? 'Error' })

// A COPY … FROM '/dev/blob' statement takes its data, COPY's text format, as its one parameter:
// PGlite hands a blob to COPY as the file /dev/blob. Callers see one kind of statement, so
// wrappers and scripts pass it along like any other.
const FROM_BLOB = /\bFROM\s+'\/dev\/blob'/i
const run1 = async (q, sql, params) =>
  (FROM_BLOB.test(sql) ? await q.query(sql, [], { blob: new Blob([params?.[0] ?? '']) }) : await q.query(sql, params)).rows

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
      return run1(pg, m.sql, m.params)
    case 'exec':
      return void (await pg.exec(m.sql))
    case 'begin':
      return begin(m.tx)
    case 'txquery':
      return run1(txs.get(m.tx).t, m.sql, m.params)
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
      if (m.steps.length === 1) return [await run1(pg, m.steps[0].sql, m.steps[0].params)]
      return pg.transaction(async (t) => {
        const out = []
        for (const step of m.steps) out.push(await run1(t, step.sql, step.params))
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
