/**
 * The receiving side's answers as docs/receiving.md ("The service side") describes them, and the
 * labels and helpers the 基层减负 pages share. Type-only imports from core: nothing of the
 * service reaches the bundle.
 */
import type { Module } from '../../../core/schema/report'
import type { DocumentRatings, MonitorPolicy, OrgUnit, PlanItem, PressureCode, RecipientAlias, UnitLevel } from '../../../core/schema/receiving'

export type { Module, MonitorPolicy, OrgUnit, PlanItem, PressureCode, RecipientAlias, UnitLevel }

/** Kept here rather than imported as values, so the bundle does not pull zod schemas it does not use. */
export const MODULE_LIST: Module[] = ['会议文件', '督查检查', '考核评比', '报表材料', '留痕', '政务APP']
export const LEVELS: UnitLevel[] = ['county', 'township', 'village', 'department']
export const LEVEL_LABEL: Record<UnitLevel, string> = { county: '县（区）', township: '乡镇（街道）', village: '村（社区）', department: '县直部门' }
export const CODE_LABEL: Record<PressureCode, string> = { green: '绿码', yellow: '黄码', red: '红码' }
export const CODE_TONE: Record<PressureCode, 'ok' | 'warn' | 'over'> = { green: 'ok', yellow: 'warn', red: 'over' }

export type PeriodKind = 'week' | 'month'
export interface PeriodRange {
  kind: PeriodKind
  from: string
  /** Exclusive. */
  to: string
}

/** GET /api/monitor: one row of the heat table. */
export interface MonitorUnit {
  unit: string
  level: UnitLevel
  parent: string | null
  index: number
  code: PressureCode
  prev: { index: number; code: PressureCode } | null
  modules: Partial<Record<Module, { fresh: number; inForce: number }>>
  reports: number
  topIssuers: Array<{ issuer: string; points: number }>
}
export interface MonitorAnswer {
  period: PeriodRange
  policy: MonitorPolicy
  counts: Record<PressureCode, number>
  units: MonitorUnit[]
}
export interface TrendAnswer {
  unit: string
  points: Array<{ from: string; to: string; index: number; code: PressureCode }>
}
export interface MonitorAlert {
  id: string
  unit: string
  period: PeriodRange
  at: string
  index: number
  topIssuers: Array<{ issuer: string; points: number }>
}

/** GET /api/direct-reports: `unit` is null for an anonymous report. */
export interface DirectReport {
  id: string
  at: string
  unit: string | null
  module: Module
  docHash: string | null
  text: string
  anonymous: boolean
  status: 'open' | 'closed'
  answer: string | null
  answeredAt: string | null
}

export type { DocumentRatings }
/** GET /api/explanations: the 公开说明 list. */
export type ExplainedDocument = Pick<DocumentRatings, 'docHash' | 'issuer' | 'docType' | 'filedAt' | 'ratings' | 'poorOrHeavy' | 'explanation'>

/** GET /api/ratings/issuers. */
export interface IssuerRatings {
  issuer: string
  documents: number
  ratings: number
  /** Ratings of 差 and of 重, and their shares of all ratings. */
  poor: number
  heavy: number
  poorShare: number
  heavyShare: number
  /** Documents on the 公开说明 list. */
  listed: number
}

/** GET /api/issuer-quotas. */
export interface IssuerQuotaKind {
  kind: string
  cut: number | null
  lastYear: number
  count: number
  target: number | null
  over: boolean
  units: Array<{ unit: string; count: number; lastYear: number }>
}

export const shortHash = (h: string | null | undefined) => (h ? h.slice(0, 10) : '—')

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** 2026-03-02 → 2026-03-08 for a week, 2026年3月 for a month (the range's `to` is exclusive). */
export function periodLabel(p: PeriodRange): string {
  if (p.kind === 'month') return `${p.from.slice(0, 4)}年${Number(p.from.slice(5, 7))}月`
  const last = new Date(`${p.to}T00:00:00Z`)
  last.setUTCDate(last.getUTCDate() - 1)
  return `${p.from} 至 ${last.toISOString().slice(0, 10)}`
}

/** GET /api/direct-reports/summary: counts by module and status only, no text and no units. */
export interface DirectSummary {
  summary: Array<{ module: Module; status: 'open' | 'closed'; n: number }>
}
