import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configFromEnv } from '../../server/config'
import { migrate, migrationFiles } from '../../server/db/migrate'
import { addMonths, ensureMonth, isPartitioned, monthOf, monthPartitions, partitionEvents } from '../../server/db/partitions'
import type { Db } from '../../server/db/types'
import { maintain } from '../../server/maintenance'
import { createStore } from '../../server/store'
import { applyRetention, retentionCutoff } from '../../server/store/retention'
import { counts, eachStore, event, PG_URL, setup, STORES, type Env } from './helpers'

// Months relative to today, so the partition window (24 months back, 1 ahead) holds whatever the date.
const NOW = Date.now()
const THIS = monthOf(NOW)
const at = (monthsBack: number, day = 10) => `${addMonths(THIS, -monthsBack)}-${String(day).padStart(2, '0')}T03:00:00.000Z`

describe('保留期设置', () => {
  it('BANWEN_RETENTION_MONTHS：默认永久保留，整数月，其他值以中文拒绝', () => {
    expect(configFromEnv({}).retentionMonths).toBe(0)
    expect(configFromEnv({ BANWEN_RETENTION_MONTHS: '24' }).retentionMonths).toBe(24)
    expect(configFromEnv({ BANWEN_RETENTION_MONTHS: ' ' }).retentionMonths).toBe(0)
    for (const bad of ['-1', '1.5', '两年', '24m']) expect(() => configFromEnv({ BANWEN_RETENTION_MONTHS: bad })).toThrow(/BANWEN_RETENTION_MONTHS 应为月数/)
  })

  it('截止月：本月之前保留整 N 个月', () => {
    expect(retentionCutoff(0, Date.UTC(2026, 11, 3))).toBeNull()
    expect(retentionCutoff(12, Date.UTC(2026, 11, 3))).toBe('2025-12')
    expect(retentionCutoff(1, Date.UTC(2026, 0, 31, 23))).toBe('2025-12')
  })
})

eachStore('保留期：原始事件删除，看板汇总保留', (open) => {
  let env: Env
  beforeAll(async () => {
    env = await setup(open)
  })
  afterAll(() => env.db.close())

  // 40 months back is outside the partition window (events_other on PostgreSQL); 14 is a partition of its own.
  const old = [
    ...Array.from({ length: 7 }, (_, i) => event({ kind: 'filed', at: at(14, 1 + i), score: 60, counts: counts({ tao: 2 }), ruleIds: ['tao.old'] })),
    event({ kind: 'override', at: at(14, 20), action: 'pass', reason: '领导要求' }),
    ...Array.from({ length: 3 }, (_, i) => event({ kind: 'filed', at: at(40, 2 + i), unit: '财政局', score: 90 })),
    event({ kind: 'dismiss', at: at(40, 9), ruleId: 'tao.old' }),
  ]
  const recent = Array.from({ length: 4 }, (_, i) => event({ kind: 'filed', at: at(1, 1 + i), score: 80, ruleIds: ['tao.new'] }))

  it('删去截止月之前的事件，汇总与规则统计不变', async () => {
    const post = (events: unknown[]) => env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events } })
    expect((await post([...old, ...recent])).status).toBe(200)
    const before = await env.store.stats.overview({}, 'filed')
    const rulesBefore = await env.store.stats.rules({}, 'filed')
    expect(before.totals.documents).toBe(14)

    const r = await applyRetention(env.db, 12, { now: NOW, chunk: 3, pauseMs: 0 })
    expect(r.cutoff).toBe(addMonths(THIS, -12))
    expect(await env.store.telemetry.count()).toBe(recent.length)
    if (env.db.kind === 'postgres') {
      // A whole month dropped; the far older rows deleted in chunks from events_other.
      expect(r.droppedMonths).toContain(addMonths(THIS, -14))
      expect(r.deleted).toBe(4)
      expect(await monthPartitions(env.db)).not.toContain(addMonths(THIS, -14))
    } else expect(r.deleted).toBe(old.length)

    const after = await env.store.stats.overview({}, 'filed')
    expect(after.totals).toEqual(before.totals)
    expect(after.weekly).toEqual(before.weekly)
    expect(after.byUnit).toEqual(before.byUnit)
    expect(await env.store.stats.rules({}, 'filed')).toEqual(rulesBefore)
    // The override list reads raw events: that detail goes with them.
    expect(after.overrides.total).toBe(0)
    // Again: nothing more to drop.
    expect(await applyRetention(env.db, 12, { now: NOW })).toMatchObject({ droppedMonths: [], deleted: 0 })
  })

  it('更改时区重建汇总：截止日之前的历史保留，之后按新时区重算', async () => {
    const before = await env.store.stats.overview({}, 'filed')
    const utc = createStore(env.db, 'UTC')
    expect(await utc.telemetry.ensureRollups()).toBe(true)
    const after = await utc.stats.overview({}, 'filed')
    expect(after.totals.documents).toBe(before.totals.documents)
    expect(after.totals.findings.tao).toBe(before.totals.findings.tao)
    expect((await utc.stats.rules({}, 'filed')).map((r) => [r.ruleId, r.hits]).sort()).toEqual([['tao.new', 4], ['tao.old', 7]])
    // The month 14 back, its events gone: read from its month rows, and from its day rows in two halves.
    const m = addMonths(THIS, -14)
    const last = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10)
    const whole = await utc.stats.overview({ from: `${m}-01`, to: last }, 'filed')
    const halves = await Promise.all([utc.stats.overview({ from: `${m}-01`, to: `${m}-15` }, 'filed'), utc.stats.overview({ from: `${m}-16`, to: last }, 'filed')])
    expect(whole.totals).toMatchObject({ documents: 7, users: 1 })
    expect(halves.map((h) => h.totals.documents).reduce((a, b) => a + b)).toBe(7)
    expect(halves[0].totals.users).toBe(1)
    expect((await utc.stats.rules({ from: `${m}-01`, to: last }, 'filed')).map((r) => [r.ruleId, r.hits])).toEqual([['tao.old', 7]])
  })

  it('每日任务按设置执行；保留期为 0 时什么也不删', async () => {
    await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events: [event({ at: at(20) })] } })
    const n = await env.store.telemetry.count()
    await maintain(createStore(env.db, 'Asia/Shanghai'), NOW)
    expect(await env.store.telemetry.count()).toBe(n)
    await maintain(createStore(env.db, 'Asia/Shanghai', { retentionMonths: 12 }), NOW)
    expect(await env.store.telemetry.count()).toBe(n - 1)
  })
})

describe.skipIf(!PG_URL)('PostgreSQL 按月分区', () => {
  const open = STORES[1].open
  let db: Db
  let env: Env
  beforeAll(async () => {
    env = await setup(open)
    db = env.db
  })
  afterAll(() => db.close())

  it('新库的事件表按月分区，本月与下月已建好，主键含时间', async () => {
    expect(await isPartitioned(db)).toBe(true)
    expect(await monthPartitions(db)).toEqual(expect.arrayContaining([THIS, addMonths(THIS, 1)]))
    const [pk] = await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'p'`)
    expect(pk!.def).toBe('PRIMARY KEY (id, at)')
  })

  it('窗口内的迟到事件按需建分区；远期事件先进 events_other，建月分区时移入', async () => {
    const late = event({ at: at(5) })
    const ahead = event({ at: `${addMonths(THIS, 3)}-02T00:00:00.000Z` })
    const post = (events: unknown[]) => env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events } })
    expect(await (await post([late, ahead])).json()).toEqual({ accepted: 2, duplicates: 0 })
    expect(await monthPartitions(db)).toContain(addMonths(THIS, -5))
    expect(await monthPartitions(db)).not.toContain(addMonths(THIS, 3))
    const where = async (id: string) => (await db.query<{ t: string }>(`SELECT tableoid::regclass::text AS t FROM events WHERE id = $1`, [id]))[0]?.t
    expect(await where(ahead.id)).toBe('events_other')
    await ensureMonth(db, addMonths(THIS, 3))
    expect(await where(ahead.id)).toBe(`events_${addMonths(THIS, 3).replace('-', '_')}`)
    // Still stored once: a retry is a duplicate.
    expect(await (await post([late, ahead])).json()).toEqual({ accepted: 0, duplicates: 2 })
  })

  it('已有事件的旧表：启动时保留原样，维护命令转换且数据与索引不变', async () => {
    const other = await open()
    try {
      // Every migration, but from a copy of the folder: the plain table of an install before partitions.
      const dir = mkdtempSync(join(tmpdir(), 'banwen-part-'))
      const src = new URL('../../server/migrations/', import.meta.url).pathname
      for (const f of migrationFiles()) copyFileSync(join(src, f.name), join(dir, f.name))
      await migrate(other, dir + '/')
      const store = createStore(other)
      const events = [event({ at: at(2) }), event({ at: at(30) }), event({ at: at(0) })]
      await store.telemetry.ingest(events, 'tok')
      expect(await partitionEvents(other)).toBe('kept')
      expect(await isPartitioned(other)).toBe(false)
      const indexes = async () => (await other.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'events' ORDER BY 1`)).map((r) => r.name)
      const plainIndexes = await indexes()
      expect(await partitionEvents(other, { evenWithEvents: true })).toBe('partitioned')
      expect(await isPartitioned(other)).toBe(true)
      expect(await indexes()).toEqual(plainIndexes)
      expect(await monthPartitions(other)).toEqual(expect.arrayContaining([addMonths(THIS, -30), addMonths(THIS, -2), THIS, addMonths(THIS, 1)]))
      expect(await createStore(other).telemetry.ingest(events, 'tok')).toEqual({ accepted: 0, duplicates: 3 })
      expect(await store.telemetry.count()).toBe(3)
    } finally {
      await other.close()
    }
  })
})
