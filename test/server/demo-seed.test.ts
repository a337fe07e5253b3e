/**
 * The demo county `npm start` seeds: every receiving page's route answers with real numbers,
 * and a second seed (a second start) changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayIn } from '../../server/lib/time'
import { seedDemo, type DemoSummary } from '../../server/seed/demo'
import { setup, STORES, type Env } from './helpers'

describe('the demo seed', () => {
  let env: Env
  let first: DemoSummary
  const get = async <T = any>(path: string): Promise<T> => {
    const r = await env.call('GET', path)
    expect(r.status, path).toBe(200)
    return r.json() as Promise<T>
  }

  beforeAll(async () => {
    env = await setup(STORES[0].open)
    first = await seedDemo(env.store)
  }, 60_000)
  afterAll(() => env.db.close())

  it('fills the registry, a year of filings, ratings, 直报 and the plan', async () => {
    expect(first.seeded).toBe(true)
    const { units } = await get<{ units: Array<{ level: string; issuerKind: string | null }> }>('/api/org/units')
    expect(units.filter((u) => u.level === 'township').length).toBeGreaterThanOrEqual(10)
    expect(units.filter((u) => u.level === 'village').length).toBeGreaterThanOrEqual(50)
    expect(new Set(units.filter((u) => u.level === 'department').map((u) => u.issuerKind))).toEqual(new Set(['政府部门', '党委部门', '议事协调机构']))
    expect((await get<{ aliases: unknown[] }>('/api/org/aliases')).aliases.length).toBeGreaterThan(0)
    expect(first.filed).toBeGreaterThanOrEqual(250)
  })

  it('shows red, yellow and green units this month, with issuers, a trend and alerts', async () => {
    const m = await get<{ counts: { red: number; yellow: number; green: number }; units: Array<{ unit: string; level: string; code: string; index: number; topIssuers: unknown[] }> }>('/api/monitor')
    expect(m.counts.red).toBeGreaterThan(0)
    expect(m.counts.yellow).toBeGreaterThan(0)
    // Most units are green: the demo is a county with hot spots, not one on fire.
    expect(m.counts.green).toBeGreaterThan(m.counts.red + m.counts.yellow)
    const red = m.units.filter((u) => u.code === 'red')
    expect(red.every((u) => u.topIssuers.length > 0)).toBe(true)
    const trend = await get<{ points: Array<{ index: number }> }>(`/api/monitor/trend?unit=${encodeURIComponent(red[0]!.unit)}&count=12`)
    expect(trend.points).toHaveLength(12)
    expect(trend.points.filter((p) => p.index > 0).length).toBeGreaterThan(6)
    expect((await get<{ alerts: unknown[] }>('/api/monitor/alerts')).alerts.length).toBeGreaterThan(2)
    // Every 主送 of the demo drafts maps to registered units.
    const unresolved = await env.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM filed_docs WHERE jsonb_array_length(unresolved) > 0`)
    expect(unresolved[0]!.n).toBe(0)
  })

  it('has ratings with 公开说明 entries, one explained', async () => {
    const docs = await get<{ documents: Array<{ ratings: number; listed: boolean }> }>('/api/ratings/documents')
    expect(docs.documents.length).toBeGreaterThanOrEqual(30)
    const ex = await get<{ explainAt: number; documents: Array<{ poorOrHeavy: number; explanation: unknown }> }>('/api/explanations')
    expect(ex.documents.length).toBeGreaterThanOrEqual(2)
    expect(ex.documents.every((d) => d.poorOrHeavy >= ex.explainAt)).toBe(true)
    expect(ex.documents.filter((d) => d.explanation).length).toBe(1)
    expect((await get<{ issuers: unknown[] }>('/api/ratings/issuers')).issuers.length).toBeGreaterThan(3)
  })

  it('has 直报, some anonymous, some answered and closed', async () => {
    const { reports } = await get<{ reports: Array<{ anonymous: boolean; unit: string | null; status: string; answer: string | null; text: string }> }>('/api/direct-reports')
    expect(reports.length).toBe(15)
    expect(reports.filter((r) => r.anonymous).every((r) => r.unit === null)).toBe(true)
    expect(reports.some((r) => r.anonymous)).toBe(true)
    expect(reports.some((r) => r.status === 'closed' && r.answer)).toBe(true)
    expect(reports.some((r) => r.status === 'open')).toBe(true)
    expect(reports.every((r) => [...r.text].length <= 300)).toBe(true)
    const { summary } = await get<{ summary: Array<{ n: number }> }>('/api/direct-reports/summary')
    expect(summary.reduce((s, x) => s + x.n, 0)).toBe(15)
  })

  it('keeps this year’s plan and a 议事协调机构 quota with last year to compare', async () => {
    const year = Number(todayIn('Asia/Shanghai').slice(0, 4))
    const plan = await get<{ kept: boolean; items: unknown[] }>(`/api/plan?year=${year}`)
    expect(plan.kept).toBe(true)
    expect(plan.items.length).toBe(8)
    const q = await get<{ kinds: Array<{ kind: string; cut: number | null; lastYear: number; count: number; target: number | null }> }>(`/api/issuer-quotas?year=${year}`)
    const coordination = q.kinds.find((k) => k.kind === '议事协调机构')!
    expect(coordination.cut).toBe(0.1)
    expect(coordination.lastYear).toBeGreaterThan(0)
    expect(coordination.count).toBeGreaterThan(0)
    expect(coordination.target).toBe(Math.floor(coordination.lastYear * 0.9))
  })

  it('seeds nothing the second time', async () => {
    const tables = ['org_units', 'recipient_aliases', 'events', 'filed_docs', 'ratings', 'direct_reports', 'plan_items', 'burden_alerts', 'explanations']
    const count = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await env.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n])))
    const before = await count()
    expect((await seedDemo(env.store)).seeded).toBe(false)
    expect(await count()).toEqual(before)
  })
})
