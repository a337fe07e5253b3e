import type { Queryable } from '../db/types'
import { safeError } from './log'
import { rateLimiter } from './ratelimit'

const UPSERT = `INSERT INTO rate_windows (key, minute, n)
  SELECT key, $2, n FROM json_to_recordset($1::json) AS x(key text, n integer) ORDER BY key
  ON CONFLICT (key, minute) DO UPDATE SET n = rate_windows.n + excluded.n
  RETURNING key, n`

/**
 * Requests per token and minute counted across every instance on one database, without a
 * database round trip per request: each instance counts locally and adds its counts every
 * `syncMs`, learning the others' total in the same statement. A token may overshoot by what
 * the instances let through within one sync. Bursts are still smoothed per instance.
 */
export function sharedRateLimiter(db: Queryable, o: { perMinute: number; burst: number; syncMs?: number }, now = () => Date.now()) {
  const local = rateLimiter(o, now)
  let minute = Math.floor(now() / 60000)
  /** Per key: what this instance let through since the last sync, and the total all instances had then. */
  let seen = new Map<string, { pending: number; total: number }>()
  let syncing: Promise<void> | null = null

  function roll() {
    const m = Math.floor(now() / 60000)
    if (m !== minute) {
      minute = m
      seen = new Map()
    }
  }

  async function flush(): Promise<void> {
    roll()
    const at = minute
    const batch = [...seen].map(([key, s]) => ({ key, n: s.pending }))
    if (!batch.length) return
    for (const { key } of batch) seen.get(key)!.pending = 0
    try {
      const rows = await db.query<{ key: string; n: number }>(UPSERT, [JSON.stringify(batch), at])
      if (at !== minute) return
      for (const r of rows) {
        const s = seen.get(r.key)
        if (s) s.total = r.n
      }
      if (Math.random() < 0.01) await db.query('DELETE FROM rate_windows WHERE minute < $1', [at - 2])
    } catch (e) {
      // The counts are lost for this minute; requests go on under the local limit.
      console.error(`[banwen] 同步限流计数失败：${safeError(e)}`)
    }
  }

  const timer = setInterval(() => void sync(), o.syncMs ?? 1000)
  timer.unref()

  /** Adds this instance's counts and learns the shared totals now (the timer does it every `syncMs`). */
  function sync(): Promise<void> {
    syncing ??= flush().finally(() => (syncing = null))
    return syncing
  }

  return {
    /** 0 when allowed; otherwise the seconds to wait. */
    take(key: string): number {
      if (!Number.isFinite(o.perMinute)) return 0
      roll()
      const s = seen.get(key) ?? { pending: 0, total: 0 }
      seen.set(key, s)
      if (s.total + s.pending >= o.perMinute) return Math.max(1, Math.ceil(60 - (now() / 1000) % 60))
      const wait = local.take(key)
      if (!wait) s.pending++
      return wait
    },
    sync,
    stop: () => clearInterval(timer),
  }
}
