import type { Db } from './types'

/** `Db.script` as one `tx` that runs the steps in turn (PostgreSQL, and tests that watch each statement). */
export const scriptVia =
  (tx: Db['tx']): Db['script'] =>
  (steps) =>
    tx(async (q) => {
      const out = []
      for (const step of steps) out.push(await q.query(step.sql, step.params))
      return out
    })
