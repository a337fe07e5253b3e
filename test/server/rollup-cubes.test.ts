import { afterAll, beforeAll, expect, it } from 'vitest'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { whereOf, type EventFilter } from '../../server/lib/filter'
import { startFolding } from '../../server/maintenance'
import { periodsOf } from '../../server/store/cube-filter'
import { quotaStore } from '../../server/store/quotas'
import { statsStore, type Basis } from '../../server/store/stats'
import { telemetryStore } from '../../server/store/telemetry'
import { counts, eachStore, event, hashOf, setup, type Env } from './helpers'

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32)
}

const SEED = 9
const rnd = random(SEED)
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
const START = Date.UTC(2025, 10, 20)
const END = Date.UTC(2026, 2, 12)
const KINDS = ['analyzed', 'filed', 'filed', 'dismiss', 'false-positive', 'override'] as const
/** Events over four month ends and a year end, many near midnight in Beijing (16:00 UTC). */
const EVENTS = Array.from({ length: 700 }, () => {
  const day = START + Math.floor(rnd() * ((END - START) / 86_400_000)) * 86_400_000
  const at = new Date(day + (rnd() < 0.5 ? 15.5 + rnd() : rnd() * 24) * 3_600_000).toISOString()
  const kind = pick(KINDS)
  return event({
    kind,
    at,
    unit: pick(['办公室', '财政局', '教育局']),
    user: pick(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']),
    docType: pick(['通知', '方案', '']),
    score: Math.floor(rnd() * 101),
    counts: counts({ tao: Math.floor(rnd() * 3), burden: Math.floor(rnd() * 2) }),
    ruleIds: kind === 'analyzed' || kind === 'filed' ? [pick(['tao.a', 'tao.b', 'burden.c'])] : [],
    ruleId: kind === 'dismiss' || kind === 'false-positive' ? pick(['tao.a', 'tao.b', 'burden.c']) : undefined,
    // Filings of a few documents, some filed again (under another 文种, unit or year), some blocked.
    docHash: kind === 'filed' && rnd() < 0.6 ? hashOf(Math.floor(rnd() * 25)) : undefined,
    action: kind === 'filed' ? pick(['pass', 'submitted', 'block', 'returned', 'pass'] as const) : undefined,
    // Without flags (an old client) over_cap is unknown: the over-cap rate leaves the event out.
    flags: rnd() < 0.2 ? undefined : { overCap: rnd() < 0.3, disguisedDirective: rnd() < 0.1, frame: rnd() < 0.1, copiedShare: null },
  })
})

const BASIS: Record<Basis, string> = { filed: `kind = 'filed'`, analyzed: `kind = 'analyzed'`, all: `kind IN ('analyzed', 'filed')` }

/** The answers straight from the events, with the dashboard's formulas: what the cubes must reproduce. */
async function fromEvents(env: Env, tz: string, f: EventFilter, basis: Basis) {
  const w = whereOf(f, tz)
  const on = `${w.sql} AND ${BASIS[basis]}`
  const day = `(at AT TIME ZONE $1)::date`
  const measures = `count(*)::int AS documents, round((sum(score::float8) / nullif(count(*), 0))::numeric, 1)::float8 AS avg_score,
    round(count(*) FILTER (WHERE over_cap)::numeric / nullif(count(over_cap), 0), 4)::float8 AS over_cap_rate,
    count(*) FILTER (WHERE over_cap)::int AS over_cap, count(*) FILTER (WHERE disguised)::int AS disguised, count(*) FILTER (WHERE frame)::int AS frame,
    coalesce(sum(c_tao), 0)::int AS tao, coalesce(sum(c_burden), 0)::int AS burden`
  const q = <T>(sql: string) => env.db.query<T>(sql, w.params)
  const week = `to_char(date_trunc('week', ${day}), 'YYYY-MM-DD')`
  return {
    totals: await q(`SELECT ${measures}, count(DISTINCT unit)::int AS units, count(DISTINCT usr)::int AS users FROM events WHERE ${on}`),
    kinds: await q(`SELECT kind, count(*)::int AS n FROM events WHERE ${w.sql} GROUP BY kind ORDER BY kind`),
    weekly: await q(`SELECT ${week} AS week, ${measures} FROM events WHERE ${on} GROUP BY 1 ORDER BY 1`),
    byUnit: await q(`SELECT unit, ${measures} FROM events WHERE ${on} GROUP BY unit ORDER BY documents DESC, unit`),
    byUnitWeek: await q(`SELECT unit, ${week} AS week, count(*)::int AS documents, round((sum(score::float8) / count(*))::numeric, 1)::float8 AS avg_score
      FROM events WHERE ${on} AND unit IN (SELECT unit FROM events WHERE ${on} GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 6) GROUP BY 1, 2 ORDER BY 2, 1`),
    byDocType: await q(`SELECT doc_type, ${measures} FROM events WHERE ${on} GROUP BY doc_type ORDER BY documents DESC, doc_type`),
    hist: await q<{ b: number; n: number }>(`SELECT least(floor(score / 10), 9)::int AS b, count(*)::int AS n FROM events WHERE ${on} GROUP BY 1 ORDER BY 1`),
    rules: await q(`SELECT rule_id, count(*) FILTER (WHERE ${BASIS[basis]})::int AS hits, count(*) FILTER (WHERE kind = 'dismiss')::int AS dismissals,
        count(*) FILTER (WHERE kind = 'false-positive')::int AS false_positives
      FROM (SELECT kind, r AS rule_id FROM events, jsonb_array_elements_text(rule_ids) r WHERE ${w.sql} AND kind IN ('analyzed', 'filed')
        UNION ALL SELECT kind, rule_id FROM events WHERE ${w.sql} AND kind IN ('dismiss', 'false-positive')) x
      GROUP BY rule_id HAVING count(*) FILTER (WHERE ${BASIS[basis]} OR kind IN ('dismiss', 'false-positive')) > 0 ORDER BY rule_id`),
  }
}

type M = { documents: number; avgScore: number | null; overCapRate: number | null; overCap: number; disguised: number; frame: number; findings: Record<string, number> }
const flat = (m: M) => ({ documents: m.documents, avg_score: m.avgScore, over_cap_rate: m.overCapRate, over_cap: m.overCap, disguised: m.disguised, frame: m.frame, tao: m.findings.tao, burden: m.findings.burden })

async function fromCubes(env: Env, tz: string, f: EventFilter, basis: Basis) {
  const stats = statsStore(env.db, tz)
  const o = await stats.overview(f, basis)
  const rules = await stats.rules(f, basis)
  return {
    totals: o.totals.documents ? [{ ...flat(o.totals), units: o.totals.units, users: o.totals.users }] : [{ ...flat(o.totals), avg_score: null, units: 0, users: o.totals.users }],
    kinds: Object.entries(o.totals.byKind).sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => ({ kind, n })),
    weekly: o.weekly.map((w) => ({ week: w.week, ...flat(w) })),
    byUnit: o.byUnit.map((u) => ({ unit: u.unit, ...flat(u) })),
    byUnitWeek: o.byUnitWeek.map((u) => ({ unit: u.unit, week: u.week, documents: u.documents, avg_score: u.avgScore })),
    byDocType: o.byDocType.map((d) => ({ doc_type: d.docType, ...flat(d) })),
    hist: o.scoreHistogram.filter((b) => b.count > 0).map((b) => ({ b: b.from / 10, n: b.count })),
    rules: rules.map((r) => ({ rule_id: r.ruleId, hits: r.hits, dismissals: r.dismissals, false_positives: r.falsePositives })).sort((a, b) => (a.rule_id < b.rule_id ? -1 : 1)),
  }
}

/** Ranges on and off month and year edges, inside one month, empty, open at either end. */
const RANGES: Array<Pick<EventFilter, 'from' | 'to'>> = [
  {},
  { from: '2025-12-01', to: '2026-01-31' },
  { from: '2025-11-30', to: '2026-02-01' },
  { from: '2025-12-31', to: '2026-01-01' },
  { from: '2026-01-05', to: '2026-01-20' },
  { from: '2025-12-15' },
  { to: '2026-01-15' },
  { from: '2026-02-01' },
  { to: '2025-12-31' },
  { from: '2026-02-10', to: '2026-01-10' },
]
const SCOPES: Array<Pick<EventFilter, 'unit' | 'docType'>> = [{}, { unit: '财政局' }, { docType: '方案' }, { unit: '办公室', docType: '通知' }]

eachStore('汇总立方：整月与边缘日的答案等于逐条事件的答案', (open) => {
  let env: Env
  beforeAll(async () => {
    env = await setup(open)
    // Two batches, one event repeated: duplicates add nothing. Folded in between, so documents
    // filed again in the second meet their first filing in the rollups.
    await env.store.telemetry.ingest(EVENTS.slice(0, 400), 'test')
    await env.store.telemetry.fold({ wait: true })
    await env.store.telemetry.ingest(EVENTS.slice(390), 'test')
  })
  afterAll(() => env.db.close())

  /** Documents filed per unit in 2026 and 2025, counted straight from the events, against the quota counts. */
  const compareQuotas = async (tz: string) => {
    const direct = await env.db.query<{ unit: string; y: number; n: number }>(
      `SELECT unit, extract(year FROM at AT TIME ZONE $1)::int AS y, count(DISTINCT coalesce(doc_hash, id))::int AS n FROM events
       WHERE kind = 'filed' AND coalesce(action, '') NOT IN ('block', 'returned') GROUP BY 1, 2`,
      [tz],
    )
    const byType = await env.db.query<{ unit: string; doc_type: string; n: number }>(
      `SELECT unit, doc_type, count(DISTINCT coalesce(doc_hash, id))::int AS n FROM events
       WHERE kind = 'filed' AND coalesce(action, '') NOT IN ('block', 'returned') AND extract(year FROM at AT TIME ZONE $1) = 2026 GROUP BY 1, 2`,
      [tz],
    )
    const n = (unit: string, y: number) => direct.find((r) => r.unit === unit && r.y === y)?.n ?? 0
    const status = await quotaStore(env.db, tz).statusAll(2026)
    expect(status.map((s) => [s.unit, s.filed, s.lastYear])).toEqual(status.map((s) => [s.unit, n(s.unit, 2026), n(s.unit, 2025)]))
    expect(status.length).toBe(3)
    for (const s of status)
      expect(Object.fromEntries(Object.entries(s.byDocType).map(([t, d]) => [t, d.filed]))).toEqual(Object.fromEntries(byType.filter((r) => r.unit === s.unit).map((r) => [r.doc_type, r.n])))
  }

  /** Every range and scope; after a rebuild (`some`), every range unscoped and every scope over two ranges. */
  const compareAll = async (tz: string, some = false) => {
    await compareQuotas(tz)
    for (const range of RANGES)
      for (const scope of some && ![RANGES[0], RANGES[2]].includes(range) ? [SCOPES[0]!] : SCOPES)
        for (const basis of ['filed', 'analyzed', 'all'] as const) {
          const f = { ...range, ...scope }
          expect(await fromCubes(env, tz, f, basis), JSON.stringify({ f, basis, tz, seed: SEED })).toEqual(await fromEvents(env, tz, f, basis))
        }
  }

  it('北京时间：各种日期范围、单位与文种筛选、三种口径', () => compareAll('Asia/Shanghai'))

  it('改时区重建后（UTC），再改回：仍然相等', async () => {
    expect(await telemetryStore(env.db, 'UTC').ensureRollups()).toBe(true)
    await compareAll('UTC', true)
    expect(await telemetryStore(env.db, 'Asia/Shanghai').ensureRollups()).toBe(true)
    await compareAll('Asia/Shanghai', true)
  })
})

eachStore('汇总队列：写入与汇总同时进行，每个事件恰好计入一次', (open) => {
  let env: Env
  beforeAll(async () => (env = await setup(open)))
  afterAll(() => env.db.close())

  it('十批并发写入，期间八次并发汇总（等待与跳过两种）；看板读数等于逐条事件', async () => {
    const batches = Array.from({ length: 10 }, (_, i) => EVENTS.slice(i * 70, i * 70 + 75))
    const folded = await Promise.all([
      ...batches.map((b) => env.store.telemetry.ingest(b, 'test').then(() => 0)),
      ...Array.from({ length: 8 }, (_, i) => env.store.telemetry.fold({ wait: i % 2 === 0 })),
    ])
    const [left] = await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rollup_queue')
    const [stored] = await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')
    // Every stored event is folded or still queued, never both, never twice.
    expect(folded.reduce((a, n) => a + n, 0) + left!.n).toBe(stored!.n)
    for (const f of [{}, { unit: '财政局' }, { from: '2025-12-15', to: '2026-01-20' }])
      expect(await fromCubes(env, 'Asia/Shanghai', f, 'all')).toEqual(await fromEvents(env, 'Asia/Shanghai', f, 'all'))
    expect((await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rollup_queue'))[0]!.n).toBe(0)
  })

  it('服务的定时并入：没有人读看板，队列也会清空', async () => {
    await env.store.telemetry.ingest(EVENTS.slice(0, 50).map((e, i) => ({ ...e, id: `timer-${i}` })), 'test')
    const queued = async () => (await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rollup_queue'))[0]!.n
    expect(await queued()).toBe(50)
    const folding = startFolding(env.store, 20)
    try {
      await expect.poll(queued, { timeout: 10_000, interval: 50 }).toBe(0)
    } finally {
      folding.stop()
    }
  })
})

it('PGlite 没有自动清理：每次并入后队列文件清空，不随历史事件增长', async () => {
  const env = await setup(openPgliteThread)
  try {
    const size = async () => (await env.db.query<{ n: number }>(`SELECT pg_relation_size('rollup_queue')::int AS n`))[0]!.n
    for (let round = 0; round < 4; round++) {
      await env.store.telemetry.ingest(EVENTS.map((e) => ({ ...e, id: `vac-${round}-${e.id}` })), 'test')
      expect(await size()).toBeGreaterThan(0)
      expect(await env.store.telemetry.fold()).toBe(EVENTS.length)
      // Deleted rows would stay in the file (about 100 kB a round here): PGlite has no autovacuum.
      expect(await size()).toBe(0)
    }
    expect(await fromCubes(env, 'Asia/Shanghai', {}, 'all')).toEqual(await fromEvents(env, 'Asia/Shanghai', {}, 'all'))
  } finally {
    await env.db.close()
  }
})

it('日期范围拆成整月与边缘日', () => {
  expect(periodsOf({})).toEqual({ months: ['-infinity', 'infinity'], days: [] })
  expect(periodsOf({ from: '2026-01-01', to: '2026-02-28' })).toEqual({ months: ['2026-01-01', '2026-03-01'], days: [] })
  expect(periodsOf({ from: '2026-01-02', to: '2026-02-27' })).toEqual({ months: null, days: [['2026-01-02', '2026-02-27']] })
  expect(periodsOf({ from: '2026-01-02', to: '2026-03-30' })).toEqual({ months: ['2026-02-01', '2026-03-01'], days: [['2026-01-02', '2026-01-31'], ['2026-03-01', '2026-03-30']] })
  expect(periodsOf({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ months: ['2024-02-01', '2024-03-01'], days: [] })
  expect(periodsOf({ from: '2026-01-10' })).toEqual({ months: ['2026-02-01', 'infinity'], days: [['2026-01-10', '2026-01-31']] })
  expect(periodsOf({ to: '2026-01-10' })).toEqual({ months: ['-infinity', '2026-01-01'], days: [['2026-01-01', '2026-01-10']] })
  expect(periodsOf({ from: '2026-01-20', to: '2026-01-10' })).toEqual({ months: null, days: [] })
})
