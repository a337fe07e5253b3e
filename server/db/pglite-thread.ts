import { Worker } from 'node:worker_threads'
import type { Db } from './types'

type Reply = { id: number; rows?: unknown[]; error?: { message: string; code?: string; name: string } } | { ready: true }

/**
 * PGlite in its own thread (pglite-worker.mjs). The WASM database runs each statement
 * synchronously; on the HTTP thread one 300 ms aggregate would stall every other request.
 */
export async function openPgliteThread(dataDir?: string): Promise<Db> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } })
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let seq = 0
  let failed: Error | null = null

  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject)
    worker.on('message', (m: Reply) => {
      if ('ready' in m) return resolve()
      const p = pending.get(m.id)
      pending.delete(m.id)
      if (m.error) p?.reject(Object.assign(new Error(m.error.message), { name: m.error.name, code: m.error.code }))
      else p?.resolve(m.rows)
    })
  })
  // The thread died (out of memory, a WASM abort): every waiting and later call fails instead of hanging.
  const die = (e: Error) => {
    failed = e
    for (const p of pending.values()) p.reject(e)
    pending.clear()
  }
  worker.on('error', die)
  worker.on('exit', (code) => die(new Error(`数据库线程已退出（${code}）`)))

  const call = <T>(msg: Record<string, unknown>): Promise<T> => {
    if (failed) return Promise.reject(failed)
    const id = ++seq
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      worker.postMessage({ ...msg, id })
    })
  }

  return {
    kind: 'pglite',
    query: (sql, params) => call({ op: 'query', sql, params }),
    exec: (sql) => call({ op: 'exec', sql }),
    async tx(fn) {
      const tx = ++seq
      await call({ op: 'begin', tx })
      try {
        const out = await fn({ query: (sql, params) => call({ op: 'txquery', tx, sql, params }) })
        await call({ op: 'commit', tx })
        return out
      } catch (e) {
        await call({ op: 'rollback', tx }).catch(() => {})
        throw e
      }
    },
    script: (steps) => call({ op: 'script', steps }),
    async close() {
      await call({ op: 'close' }).catch(() => {})
      await worker.terminate()
    },
  }
}
