import { addDays, toIso } from '../demand/calendar'
import { FREQUENCY_LABEL } from '../demand/lexicon'
import type { Module } from '../schema/report'
import { MODULES, PRESSURE_CODE_LABELS, UNIT_LEVEL_LABELS, type FiledBurden, type Impact, type MonitorPolicy, type PressureCode, type RecipientImpact } from '../schema/receiving'

/** What weighs on one unit in one period, by module. */
export interface UnitLoad {
  /** Demands of documents filed in the period. */
  fresh: Partial<Record<Module, number>>
  /** Recurring demands in force during the period. */
  inForce: Partial<Record<Module, number>>
  /** 直报 received in the period. */
  reports: number
}

export type PeriodKind = 'week' | 'month'
export interface Period {
  kind: PeriodKind
  /** First day, inclusive. */
  from: string
  /** Day after the last, exclusive. */
  to: string
}

/** The week (Monday first) or month holding a day. */
export function periodOf(kind: PeriodKind, day: string): Period {
  if (kind === 'month') {
    const y = Number(day.slice(0, 4))
    const m = Number(day.slice(5, 7))
    return { kind, from: toIso(y, m, 1), to: m === 12 ? toIso(y + 1, 1, 1) : toIso(y, m + 1, 1) }
  }
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7
  const from = addDays(day, -weekday)
  return { kind, from, to: addDays(from, 7) }
}

/** The period before this one. */
export const previousPeriod = (p: Period): Period => periodOf(p.kind, addDays(p.from, -1))

/** Σ module weight × (new demands + recurringFactor × recurring in force) + reportWeight × 直报, to one decimal. */
export function pressureIndex(load: UnitLoad, policy: MonitorPolicy): number {
  let sum = load.reports * policy.reportWeight
  for (const m of MODULES) sum += (policy.weights[m] ?? 1) * ((load.fresh[m] ?? 0) + policy.recurringFactor * (load.inForce[m] ?? 0))
  return Math.round(sum * 10) / 10
}

export function pressureCode(index: number, policy: MonitorPolicy, kind: PeriodKind): PressureCode {
  const t = policy.thresholds[kind]
  return index >= t.red ? 'red' : index >= t.yellow ? 'yellow' : 'green'
}

/** What a filed document adds to each of its recipients in a period. */
export function loadOf(b: FiledBurden, period: Period, filedOn: string): UnitLoad {
  const fresh: UnitLoad['fresh'] = {}
  if (filedOn >= period.from && filedOn < period.to) for (const m of MODULES) if (b.modules[m]) fresh[m] = b.modules[m]!.demands - b.modules[m]!.recurring
  const inForce: UnitLoad['inForce'] = {}
  const start = b.issued ?? filedOn
  for (const r of b.recurring) if (inForceDuring(start, r.until, period)) inForce[r.module] = (inForce[r.module] ?? 0) + 1
  return { fresh, inForce, reports: 0 }
}

/** A recurring demand from `start` to `until` (inclusive; null = until revoked) overlaps the period. */
export const inForceDuring = (start: string, until: string | null, p: Period): boolean => start < p.to && (until === null || until >= p.from)

export function addLoads(a: UnitLoad, b: UnitLoad): UnitLoad {
  const sum = (x: UnitLoad['fresh'], y: UnitLoad['fresh']) => {
    const out = { ...x }
    for (const [m, n] of Object.entries(y) as Array<[Module, number]>) out[m] = (out[m] ?? 0) + n
    return out
  }
  return { fresh: sum(a.fresh, b.fresh), inForce: sum(a.inForce, b.inForce), reports: a.reports + b.reports }
}

const MODULE_VERB: Record<Module, string> = { 会议文件: '开会', 督查检查: '迎检', 考核评比: '考核', 报表材料: '报送', 留痕: '留痕', 政务APP: '登录APP' }

/** 每周报送 → how many such recurring demands the draft adds. */
export function recurringAdded(b: FiledBurden): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of b.recurring) {
    const label = `${FREQUENCY_LABEL[r.frequency] ?? ''}${MODULE_VERB[r.module]}`
    out[label] = (out[label] ?? 0) + 1
  }
  return out
}

/** 发出后：3 个乡镇（街道）转为红码（每周报送 +2）— the line the filing check shows. */
export function impactLine(recipients: RecipientImpact[], added: Record<string, number>, unresolved: string[]): string {
  const turned: string[] = []
  for (const code of ['red', 'yellow'] as const) {
    const byLevel = new Map<string, number>()
    for (const r of recipients) if (r.after.code === code && r.before.code !== code) byLevel.set(r.level, (byLevel.get(r.level) ?? 0) + 1)
    for (const [level, n] of byLevel) turned.push(`${n} 个${UNIT_LEVEL_LABELS[level as keyof typeof UNIT_LEVEL_LABELS]}转为${PRESSURE_CODE_LABELS[code]}`)
  }
  const red = recipients.filter((r) => r.before.code === 'red').length
  const head = recipients.length === 0 ? '未能对应到登记的收文单位' : turned.length ? turned.join('，') : `${recipients.length} 个收文单位码色不变${red ? `（其中 ${red} 个已是红码）` : ''}`
  const extra = Object.entries(added).map(([k, n]) => `${k} +${n}`)
  const tail = unresolved.length ? `；未识别的主送：${unresolved.slice(0, 3).join('、')}${unresolved.length > 3 ? '等' : ''}` : ''
  return `发出后：${head}${extra.length ? `（${extra.join('，')}）` : ''}${tail}`
}

export type { Impact }
