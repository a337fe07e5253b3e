import { afterAll, beforeAll, expect, it } from 'vitest'
import { migrate } from '../../server/db/migrate'
import type { Db } from '../../server/db/types'
import { sharedRateLimiter } from '../../server/lib/shared-ratelimit'
import { eachStore } from './helpers'

eachStore('多实例共享限流', (open) => {
  let db: Db
  beforeAll(async () => {
    db = await open()
    await migrate(db)
  })
  afterAll(() => db.close())

  it('两个实例合计不超过每分钟上限；下一分钟重新计数', async () => {
    let t = Date.UTC(2026, 2, 10, 8, 0, 5)
    const clock = () => t
    const o = { perMinute: 10, burst: 100, syncMs: 3_600_000 }
    const a = sharedRateLimiter(db, o, clock)
    const b = sharedRateLimiter(db, o, clock)
    const allowed = (l: typeof a, n: number) => Array.from({ length: n }, () => l.take('tk_shared')).filter((w) => w === 0).length
    expect(allowed(a, 6)).toBe(6)
    await a.sync()
    // B learns A's six with its first sync; until then it counts only its own.
    expect(allowed(b, 1)).toBe(1)
    await b.sync()
    expect(allowed(b, 5)).toBe(3)
    await b.sync()
    await a.sync()
    expect(a.take('tk_shared')).toBe(55)
    expect(allowed(a, 3)).toBe(0)
    // Another token has its own count.
    expect(a.take('tk_other')).toBe(0)
    t += 60_000
    expect(allowed(a, 4)).toBe(4)
    await a.sync()
    const [row] = await db.query<{ n: number }>(`SELECT n FROM rate_windows WHERE key = 'tk_shared' AND minute = $1`, [Math.floor(t / 60000)])
    expect(row!.n).toBe(4)
    a.stop()
    b.stop()
  })
})
