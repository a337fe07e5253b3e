import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startService, type ServiceProcess } from '../../scripts/service-process'
import { event, PG_URL } from './helpers'

/** Two service processes on one PostgreSQL schema, as N instances behind a load balancer. */
describe.skipIf(!PG_URL)('两个服务实例共用一个 PostgreSQL', () => {
  const schema = `bw_scale_${randomBytes(5).toString('hex')}`
  const admin = `scale-admin-${randomBytes(12).toString('hex')}`
  let db: pg.Client
  let a: ServiceProcess
  let b: ServiceProcess
  let drafter: string

  beforeAll(async () => {
    db = new pg.Client({ connectionString: PG_URL })
    await db.connect()
    await db.query(`CREATE SCHEMA "${schema}"`)
    await db.query(`SET search_path = "${schema}"`)
    const url = new URL(PG_URL!)
    url.searchParams.set('options', `-c search_path=${schema}`)
    // Both start at once, as a deployment would: migrations, seeding and the admin token must not collide.
    const start = () => startService({ DATABASE_URL: url.toString(), BANWEN_ADMIN_TOKEN: admin, BANWEN_RATE_LIMIT: '0' })
    ;[a, b] = await Promise.all([start(), start()])
    const res = await fetch(`${a.url}/api/tokens`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'drafter', name: '扩容测试' }) })
    drafter = (await res.json()).token
  }, 60_000)
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await db?.end()
  })

  const post = (base: string, events: unknown[]) =>
    fetch(`${base}/api/telemetry`, { method: 'POST', headers: { authorization: `Bearer ${drafter}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) })
  /** Events stored, distinct ids, and what the rollups count or hold queued: all three equal when nothing is lost or doubled. */
  const count = async () => {
    const row = (await db.query<{ n: number; ids: number; rolled: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids, (SELECT coalesce(sum(n), 0)::int FROM event_cube WHERE grouped = 0 AND span = 'day') + (SELECT count(*)::int FROM rollup_queue) AS rolled FROM events`,
    )).rows[0]!
    expect(row.rolled).toBe(row.n)
    return { n: row.n, ids: row.ids }
  }

  it('同一批事件以不同顺序同时发往两个实例：不死锁，每个事件只存一次', async () => {
    const before = (await count()).n
    const batch = Array.from({ length: 300 }, () => event())
    const shuffled = (i: number) => [...batch].sort((x, y) => ((x.id + i).localeCompare(y.id + i) * (i % 2 ? -1 : 1)))
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i % 2 ? a.url : b.url, i % 3 ? shuffled(i) : [...batch].reverse())))
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200))
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<{ accepted: number; duplicates: number }>))
    expect(bodies.reduce((s, r) => s + r.accepted, 0)).toBe(300)
    expect(bodies.reduce((s, r) => s + r.duplicates, 0)).toBe(11 * 300)
    expect(await count()).toEqual({ n: before + 300, ids: before + 300 })
    for (const s of [a, b]) expect(s.stderr()).not.toMatch(/40P01|deadlock/)
  }, 60_000)

  it('写入中途 kill -9 一个实例：已确认的事件一条不丢，重试不重复', async () => {
    const before = (await count()).n
    const batches = Array.from({ length: 60 }, () => Array.from({ length: 100 }, () => event()))
    const acked = new Set<number>()
    let killed = false
    // Four clients, each sending its batches to A and B in turn; a failed send goes to the other instance until acknowledged.
    const client = async (k: number) => {
      for (let i = k; i < batches.length; i += 4) {
        for (let attempt = 0; ; attempt++) {
          const target = (i + attempt) % 2 ? a : b
          try {
            const res = await post(target.url, batches[i]!)
            if (res.status === 200) {
              const r = (await res.json()) as { accepted: number; duplicates: number }
              expect(r.accepted + r.duplicates).toBe(100)
              acked.add(i)
              break
            }
          } catch {}
          expect(attempt).toBeLessThan(10)
        }
        if (!killed && acked.size >= 20) {
          killed = true
          a.child.kill('SIGKILL')
        }
      }
    }
    await Promise.all([0, 1, 2, 3].map(client))
    expect(killed).toBe(true)
    expect(a.child.signalCode).toBe('SIGKILL')
    expect(acked.size).toBe(60)
    expect(await count()).toEqual({ n: before + 6000, ids: before + 6000 })
    const ids = batches.flat().map((e) => e.id)
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id = ANY($1::text[])', [ids])
    expect(rows[0]!.n).toBe(6000)
  }, 120_000)
})
