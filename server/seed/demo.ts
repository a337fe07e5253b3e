import { periodOf, resolveRecipients, type DirectReportInput, type Module, type RatingInput, type TelemetryEvent } from '../../core'
import { createPublished } from '../lib/published'
import { receive } from '../lib/receive'
import { todayIn } from '../lib/time'
import type { Store } from '../store'
import type { Actor } from '../store/audit'
import { COORDINATION, demoAliases, demoPlan, demoRegistry } from './demo-county'
import { demoFilings, lastYearCoordination, type DemoFiling } from './demo-filings'
import { DEMO_REPORTS, EXPLANATION, RATING_WORDS } from './demo-words'
import { prng } from './prng'

/**
 * The demo county (青山县) for `npm start`: a registry, a year of filed documents made by the
 * real engine from the demo drafts, ratings, 直报, this year's plan and a quota for the
 * 议事协调机构 — everything through the stores, as the routes would write it. Only an empty
 * database is seeded (no registry, no events), so a second start and a database in use are left alone.
 */

const DEMO: Actor = { id: 'demo-seed', name: '演示数据' }
const TOKEN = 'demo-seed'

export interface DemoSummary {
  seeded: boolean
  units: number
  filed: number
  ratings: number
  reports: number
  planItems: number
  ms: number
}

export async function seedDemo(store: Store, o: { today?: string } = {}): Promise<DemoSummary> {
  const started = performance.now()
  const none = { seeded: false, units: 0, filed: 0, ratings: 0, reports: 0, planItems: 0 }
  if ((await store.org.units()).length > 0 || (await store.telemetry.count()) > 0) return { ...none, ms: performance.now() - started }

  const today = o.today ?? todayIn(store.tz)
  const year = Number(today.slice(0, 4))
  const r = prng(20261203)
  const units = demoRegistry()
  const aliases = demoAliases()
  await store.org.replaceUnits(units, DEMO)
  await store.org.replaceAliases(aliases, DEMO)
  const plan = demoPlan(year)
  await store.plan.replace(year, plan, DEMO)
  await store.issuerQuotas.set(COORDINATION, year, 0.1, DEMO)

  const filings = demoFilings(r, today, { background: 220, current: 50 })
  const windowStart = filings[0]!.event.at.slice(0, 10)
  const coordinationThisYear = filings.filter((f) => f.event.at.startsWith(String(year)) && units.find((u) => u.name === f.event.unit)?.issuerKind === COORDINATION).length
  // Last year slightly under this year's pace: the quota (−10 %) shows as exceeded.
  const earlier = lastYearCoordination(r, today, windowStart, Math.round(coordinationThisYear * 0.95))
  const all = [...earlier, ...filings]

  // Month by month, as the extensions would have sent them: codes are recorded as the year goes
  // and a unit turning red raises its alert in that month.
  const published = createPublished(store, { refreshMs: 60_000, classifier: null })
  const byMonth = new Map<string, TelemetryEvent[]>()
  for (const f of all) {
    const m = f.event.at.slice(0, 7)
    ;(byMonth.get(m) ?? byMonth.set(m, []).get(m)!).push(f.event)
  }
  for (const events of byMonth.values()) {
    await store.telemetry.ingest(events, TOKEN)
    await receive({ store, published }, events)
  }

  const ratings = await rate(store, r, filings, units, aliases)
  const reports = await report(store, r, filings, today)

  // 直报 weigh in this period's index: the codes are recorded once more with them.
  const policy = (await published.rules()).ruleSet.monitor
  await store.monitor.recordCodes(periodOf(policy.period, today), units.filter((u) => u.level !== 'county').map((u) => u.name), policy)

  return { seeded: true, units: units.length, filed: all.length, ratings, reports, planItems: plan.length, ms: performance.now() - started }
}

const HEAVY = new Set(['inspection', 'ranking', 'accompany', 'campaign', 'app-checkin', 'ledger', 'pledge', 'visit', 'study'])

/**
 * 逆向评估 of the ~60 latest documents by some of their recipients. Three heavy ones are rated
 * 差 or 重 by enough recipients to reach the 公开说明 list; the first of them is explained.
 */
async function rate(store: Store, r: ReturnType<typeof prng>, filings: DemoFiling[], units: ReturnType<typeof demoRegistry>, aliases: ReturnType<typeof demoAliases>): Promise<number> {
  const recent = filings.slice(-60).map((f) => ({ f, reached: resolveRecipients(f.event.burden!.recipients, units, aliases, f.event.unit).units }))
  const listed = recent.filter((d) => HEAVY.has(d.f.template) && d.reached.length >= 3).slice(-3).map((d) => d.f)
  let n = 0
  for (const { f, reached } of recent) {
    if (!reached.length) continue
    const onList = listed.includes(f)
    const raters = [...reached].sort(() => r.next() - 0.5).slice(0, Math.min(reached.length, (onList ? 3 : 2) + r.int(5)))
    for (const [i, unit] of raters.entries()) {
      // Below the threshold unless listed: at most explainAt − 1 (2) harsh ratings elsewhere.
      const harsh = onList ? i < Math.max(3, raters.length - 1) : i === 0 && r.next() < 0.4
      const modules = Object.keys(f.event.burden!.modules) as Module[]
      const input: RatingInput = {
        docHash: f.docHash,
        effect: harsh ? (r.next() < 0.6 ? '差' : '一般') : r.pick(RATING_WORDS.effect),
        burden: harsh ? '重' : r.pick(RATING_WORDS.burden),
        mergeable: harsh && r.next() < 0.5,
        unnecessary: harsh && r.next() < 0.3,
        heaviest: modules.length ? { module: r.pick(modules) } : null,
      }
      await store.ratings.rate(unit, input)
      n++
    }
  }
  const explained = listed[0]
  if (explained) await store.ratings.explain(explained.docHash, EXPLANATION, explained.event.unit, TOKEN)
  return n
}

/** 基层直报 over the last two months, some anonymous, some answered and closed. */
async function report(store: Store, r: ReturnType<typeof prng>, filings: DemoFiling[], today: string): Promise<number> {
  const recent = filings.slice(-60)
  for (const [i, d] of DEMO_REPORTS.entries()) {
    const doc = d.aboutDocument ? recent[r.int(recent.length)]! : null
    const daysAgo = Math.floor(((DEMO_REPORTS.length - 1 - i) * 55) / DEMO_REPORTS.length)
    const at = new Date(Math.min(Date.now(), Date.parse(`${today}T09:30:00+08:00`)) - daysAgo * 86_400_000 - r.int(5) * 3_600_000).toISOString()
    const input: DirectReportInput = { module: d.module, docHash: doc?.docHash ?? null, text: d.text, anonymous: d.anonymous }
    const { id } = await store.directReports.create(d.unit, TOKEN, input, { at })
    if (d.answer) await store.directReports.answer(id, d.answer, d.close ?? true, DEMO)
  }
  return DEMO_REPORTS.length
}
