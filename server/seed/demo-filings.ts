import { createHash } from 'node:crypto'
import { addDays, createAnalyzer, docHashText, filedBurden, periodOf, telemetryFromReport, type TelemetryEvent } from '../../core'
import { COORDINATION, DEPARTMENTS, TOWNSHIPS, VILLAGES } from './demo-county'
import { TEMPLATES, type DraftTemplate } from './demo-drafts'
import type { Prng } from './prng'

/**
 * A year of filings in the demo county, up to `today`. The story: 东山镇, 石门镇 and 城关街道
 * (and their villages) receive the most, 西河镇, 清溪镇 and 白沙镇 somewhat more than the rest,
 * and the last two months are heavier than the year before them. Days are counted from the start
 * of the current month, so the picture is the same whatever day of the month the seed runs.
 */

const HOT = ['东山镇', '石门镇', '城关街道']
const WARM = ['西河镇', '清溪镇', '白沙镇']
const townWeight = (t: string) => (HOT.includes(t) ? 4 : WARM.includes(t) ? 2 : 1)
const WITH_VILLAGES = Object.keys(VILLAGES)
const ISSUERS = DEPARTMENTS.map(([name]) => name)
const COORDINATORS = DEPARTMENTS.filter(([, kind]) => kind === COORDINATION).map(([name]) => name)

export interface DemoFiling {
  event: TelemetryEvent
  /** The text's docHash, for the ratings of the received document. */
  docHash: string
  template: string
  to: string
}

interface Plan {
  day: string
  /** The current month's cluster leans harder on the hot units. */
  current: boolean
}

/** Who a document goes to, and who sends it. */
function audience(r: Prng, current: boolean): { to: string; issuer: string } {
  const department = () => r.pick(ISSUERS)
  const towns = TOWNSHIPS.map((t) => [t, current ? townWeight(t) ** 2 + (WARM.includes(t) ? 4 : 0) : townWeight(t)] as const)
  const kind = r.weighted<string>(
    current
      ? [['named', 6], ['villages', 7], ['village', 5], ['all', 1], ['departments', 1]]
      : [['all', 1], ['departments', 2], ['both', 0.5], ['named', 4], ['villages', 5], ['alias', 1]],
  )
  switch (kind) {
    case 'all':
      return { to: '各乡镇（街道）', issuer: department() }
    case 'departments':
      return { to: '县直各单位', issuer: r.pick(['县政府办公室', '县委办公室', '县统计局', '县委组织部', ...COORDINATORS]) }
    case 'both':
      return { to: '各乡镇（街道）、县直各单位', issuer: r.pick(['县政府办公室', '县委办公室', ...COORDINATORS]) }
    case 'named': {
      const first = r.weighted(towns)
      const second = r.next() < 0.5 ? r.weighted(towns.filter(([t]) => t !== first)) : null
      return { to: [first, second].filter(Boolean).map((t) => `${t}${t!.endsWith('街道') ? '办事处' : '人民政府'}`).join('、'), issuer: department() }
    }
    case 'villages': {
      const town = r.weighted(WITH_VILLAGES.map((t) => [t, current ? townWeight(t) ** 2 : townWeight(t)] as const))
      // A township's own notice to its villages, or a department's reaching them directly.
      return { to: `${town}各村（社区）`, issuer: r.next() < 0.6 ? town : department() }
    }
    case 'village': {
      const town = r.weighted(HOT.map((t) => [t, 1] as const))
      const village = r.pick(VILLAGES[town]!)
      return { to: `${village}${village.endsWith('社区') ? '居民委员会' : '村民委员会'}`, issuer: r.next() < 0.5 ? town : department() }
    }
    default:
      return r.pick([
        { to: '各乡镇人民政府、各街道办事处', issuer: department() },
        { to: '城区各社区', issuer: r.pick(['城关街道', '县民政局', '县住房和城乡建设局']) },
        { to: '县安委会各成员单位', issuer: '县安全生产委员会办公室' },
      ])
  }
}

/** Filing days: `background` over the eleven months before this one, `current` in this month so far. */
function filingDays(r: Prng, today: string, background: number, current: number): Plan[] {
  const monthStart = periodOf('month', today).from
  const days: Plan[] = []
  for (let i = 0; i < background; i++) {
    // Denser towards the present: the last two months carry about a quarter of the year.
    const back = r.next() < 0.15 ? 1 + r.int(61) : 1 + r.int(335)
    days.push({ day: addDays(monthStart, -back), current: false })
  }
  const span = Number(today.slice(8, 10))
  for (let i = 0; i < current; i++) days.push({ day: addDays(monthStart, Math.floor((i * span) / current)), current: true })
  return days.sort((a, b) => a.day.localeCompare(b.day))
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** A filed event as the extension sends it: the engine's report of the draft, and its burden profile. */
export function demoFilings(r: Prng, today: string, o: { background: number; current: number }): DemoFiling[] {
  const analyzer = createAnalyzer()
  const out: DemoFiling[] = []
  const seen = new Set<string>()
  filingDays(r, today, o.background, o.current).forEach((plan, n) => {
    const template: DraftTemplate = r.pick(TEMPLATES)
    const { to, issuer } = audience(r, plan.current)
    const issued = addDays(plan.day, -r.int(3))
    const ctx = { to, issuer, issued, topic: r.pick(template.topics) }
    const title = template.title(ctx)
    const text = template.body(ctx).join('\n')
    const docHash = sha256(docHashText(text))
    if (seen.has(docHash)) return
    seen.add(docHash)
    const report = analyzer.analyzeSync(text, { title, docType: template.docType, today: issued })
    const hour = 8 + r.int(9)
    const event: TelemetryEvent = {
      id: `demo-filed-${String(n).padStart(4, '0')}`,
      kind: 'filed',
      at: `${plan.day}T${String(hour).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}:00+08:00`,
      unit: issuer,
      user: `u-demo${String(1 + r.int(40)).padStart(4, '0')}`,
      ...telemetryFromReport(report),
      extensionVersion: '0.1.0',
      // A drafter who was warned and filed anyway submits; most drafts pass.
      action: report.score < 80 ? 'submitted' : 'pass',
      docHash,
      burden: filedBurden(report),
    }
    out.push({ event, docHash, template: template.key, to })
  })
  return out
}

/** Last year's documents of the 议事协调机构 before the window: the quota's base. */
export function lastYearCoordination(r: Prng, today: string, before: string, count: number): DemoFiling[] {
  const from = `${Number(today.slice(0, 4)) - 1}-01-01`
  const span = Math.max(0, (Date.parse(before) - Date.parse(from)) / 86_400_000)
  if (span < 1) return []
  const analyzer = createAnalyzer()
  const out: DemoFiling[] = []
  for (let n = 0; n < count; n++) {
    const day = addDays(from, Math.floor((n * span) / count))
    const template = r.pick(TEMPLATES)
    const ctx = { to: '各乡镇（街道）', issuer: r.pick(COORDINATORS), issued: day, topic: r.pick(template.topics) }
    const text = template.body(ctx).join('\n')
    const report = analyzer.analyzeSync(text, { title: template.title(ctx), docType: template.docType, today: day })
    const docHash = sha256(docHashText(text))
    out.push({
      event: {
        id: `demo-lastyear-${String(n).padStart(4, '0')}`,
        kind: 'filed',
        at: `${day}T10:00:00+08:00`,
        unit: ctx.issuer,
        user: 'u-demo0001',
        ...telemetryFromReport(report),
        extensionVersion: '0.1.0',
        action: 'pass',
        docHash,
        burden: filedBurden(report),
      },
      docHash,
      template: template.key,
      to: ctx.to,
    })
  }
  return out
}
