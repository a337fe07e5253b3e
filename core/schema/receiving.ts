import { z } from 'zod'
import { plainText } from './common'
import { ModuleSchema, RecurringFrequencySchema, RecipientSchema, type Module, type Report } from './report'

/**
 * The receiving side's shapes (docs/receiving.md): what a filed document adds to its recipients,
 * the unit registry, the monitor's policy and answers, 直报, 逆向评估 and the 督查检查考核 plan.
 * Counts, kinds, dates and unit names only: never document text.
 */

export const MODULES = ModuleSchema.options
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期形如 2026-10-01')
const count = z.number().int().min(0).max(10_000)
export const DocHashSchema = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制指纹（sha-256）')

/** The burden profile as it travels in a `filed` event: the 主送 phrases, counts and periods. */
export const FiledBurdenSchema = z
  .object({
    /** 成文日期; recurring demands are in force from here (or the filing day when null). */
    issued: isoDate.nullable(),
    /** The 主送 line's phrases (各乡镇（街道）, 东山镇人民政府): addressing, not content. */
    recipients: z.array(z.object({ text: plainText(60, 1), group: RecipientSchema.shape.group, all: z.boolean() }).strict()).max(30),
    modules: z.partialRecord(ModuleSchema, z.object({ demands: count, burdens: count, recurring: count }).strict()),
    recurring: z.array(z.object({ module: ModuleSchema, frequency: RecurringFrequencySchema, until: isoDate.nullable() }).strict()).max(100),
    /** Deadlines set for the recipients, in working days. */
    deadlines: z.array(z.number().int().min(0).max(400)).max(100),
    meetings: count,
    inspections: count,
  })
  .strict()
export type FiledBurden = z.infer<typeof FiledBurdenSchema>

/** The report's receiving part, ready to leave the machine: no offsets, no words. */
export function filedBurden(report: Pick<Report, 'issued' | 'recipients' | 'burden'>): FiledBurden {
  const b = report.burden
  const modules: FiledBurden['modules'] = {}
  for (const m of MODULES) if (b.modules[m]?.demands) modules[m] = { ...b.modules[m]! }
  return {
    issued: report.issued && /^\d{4}-\d{2}-\d{2}$/.test(report.issued) ? report.issued : null,
    recipients: report.recipients.slice(0, 30).map((r) => ({ text: r.text.slice(0, 60), group: r.group, all: r.all })),
    modules,
    recurring: b.recurring.slice(0, 100).map((r) => ({ module: r.module, frequency: r.frequency, until: r.until })),
    deadlines: b.deadlines.slice(0, 100).map((d) => Math.min(d.workdays, 400)),
    meetings: Math.min(b.meetings, 10_000),
    inspections: Math.min(b.inspections, 10_000),
  }
}

// ── the unit registry ───────────────────────────────────────────────────────

export const UnitLevelSchema = z.enum(['county', 'township', 'village', 'department'])
export type UnitLevel = z.infer<typeof UnitLevelSchema>
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = { county: '县（区）', township: '乡镇（街道）', village: '村（社区）', department: '县直部门' }

export const OrgUnitSchema = z
  .object({
    name: plainText(60, 1),
    level: UnitLevelSchema,
    /** 东山镇 for a village of 东山镇; the county for townships and departments; null at the top. */
    parent: plainText(60, 1).nullable().default(null),
    /** Kind of issuer for quotas: 议事协调机构, 党委部门, 政府部门… */
    issuerKind: plainText(30, 1).nullable().default(null),
  })
  .strict()
export type OrgUnit = z.infer<typeof OrgUnitSchema>

/** An admin's mapping of a 主送 phrase to units: named units, and/or every unit of a level (under a parent). */
export const RecipientAliasSchema = z
  .object({
    phrase: plainText(60, 1),
    units: z.array(plainText(60, 1)).max(2000).default([]),
    level: UnitLevelSchema.nullable().default(null),
    parent: plainText(60, 1).nullable().default(null),
  })
  .strict()
export type RecipientAlias = z.infer<typeof RecipientAliasSchema>

// ── the monitor's policy (in the rule set) ──────────────────────────────────

export const PressureCodeSchema = z.enum(['green', 'yellow', 'red'])
export type PressureCode = z.infer<typeof PressureCodeSchema>
export const PRESSURE_CODE_LABELS: Record<PressureCode, string> = { green: '绿码', yellow: '黄码', red: '红码' }

const Thresholds = z
  .object({ yellow: z.number().min(0), red: z.number().min(0) })
  .strict()
  .refine((t) => t.red >= t.yellow, { message: '红码阈值不能低于黄码阈值' })

export const MonitorPolicySchema = z
  .object({
    /** The heat table's default period. */
    period: z.enum(['week', 'month']),
    /** Points per demand, by module. */
    weights: z.record(ModuleSchema, z.number().min(0).max(100)),
    /** A recurring demand in force weighs this many times a one-off demand, per period. */
    recurringFactor: z.number().min(0).max(100),
    /** Points per 直报 received in the period. */
    reportWeight: z.number().min(0).max(100),
    thresholds: z.object({ week: Thresholds, month: Thresholds }).strict(),
    /** A document rated 差 or 重 by at least this many recipients goes on the 公开说明 list. */
    explainAt: z.number().int().min(1).max(1000),
    /** Issuing units named in a red alert. */
    topIssuers: z.number().int().min(1).max(10),
  })
  .strict()
export type MonitorPolicy = z.infer<typeof MonitorPolicySchema>

// ── the 督查检查考核 plan (年度计划 + 动态备案) ─────────────────────────────

export const PlanKindSchema = z.enum(['督查', '检查', '考核', '评比', '创建', '示范'])
export const PlanItemSchema = z
  .object({
    name: plainText(80, 2),
    kind: PlanKindSchema,
    lead: plainText(60, 1),
    targets: plainText(200).default(''),
    from: isoDate,
    to: isoDate,
    /** 审批 or 备案 number. */
    approval: plainText(60, 1),
    /** Words that name this item in a draft; absent: its name. */
    keywords: z.array(plainText(30, 2)).max(20).default([]),
  })
  .strict()
  .refine((p) => p.from <= p.to, { message: '起始日期不能晚于结束日期', path: ['to'] })
export type PlanItem = z.infer<typeof PlanItemSchema>

/** The plan as the engine reads it (in the served rule set): year null = no plan kept, no 计划外 findings. */
export const PlanSchema = z
  .object({ year: z.number().int().min(2000).max(2100).nullable(), items: z.array(PlanItemSchema).max(2000) })
  .strict()
export type Plan = z.infer<typeof PlanSchema>

// ── 直报 and 逆向评估 ──────────────────────────────────────────────────────

export const DirectReportInputSchema = z
  .object({
    module: ModuleSchema,
    /** The received document's fingerprint, when the report is about one. */
    docHash: DocHashSchema.nullable().default(null),
    /** The reporter's own words. */
    text: plainText(300, 1),
    /** Hidden from every list, document view and export; it still counts in the unit's monitor. */
    anonymous: z.boolean().default(false),
  })
  .strict()
export type DirectReportInput = z.infer<typeof DirectReportInputSchema>

export const RatingInputSchema = z
  .object({
    docHash: DocHashSchema,
    effect: z.enum(['好', '一般', '差']),
    burden: z.enum(['轻', '适中', '重']),
    mergeable: z.boolean().default(false),
    unnecessary: z.boolean().default(false),
    /** Which of its demands weighed most: module and kind, never words. */
    heaviest: z.object({ module: ModuleSchema, kind: plainText(20, 1).optional() }).strict().nullable().default(null),
  })
  .strict()
export type RatingInput = z.infer<typeof RatingInputSchema>

// ── the pre-filing impact ──────────────────────────────────────────────────

export interface UnitPressure {
  index: number
  code: PressureCode
}
export interface RecipientImpact {
  unit: string
  level: UnitLevel
  before: UnitPressure
  after: UnitPressure
}
export interface Impact {
  period: { kind: 'week' | 'month'; from: string; to: string }
  recipients: RecipientImpact[]
  /** 主送 phrases no unit matched. */
  unresolved: string[]
  /** Recurring demands added to every recipient, by frequency label (每周报送 → 2). */
  added: Record<string, number>
  line: string
}

export type ModuleCounts = Record<Module, number>

/** GET /api/ratings/documents(/:docHash): a document's 逆向评估, aggregated. */
export interface DocumentRatings {
  docHash: string
  issuer: string | null
  docType: string | null
  filedAt: string | null
  /** How many units the filing reached; null when the service has no filing of it. */
  recipients: number | null
  ratings: number
  effect: Record<'好' | '一般' | '差', number>
  burden: Record<'轻' | '适中' | '重', number>
  mergeable: number
  unnecessary: number
  heaviest: Partial<Record<Module, number>>
  /** Recipients that rated it 差 or 重. */
  poorOrHeavy: number
  /** Rated 差 or 重 by at least `monitor.explainAt` recipients: on the 公开说明 list. */
  listed: boolean
  explanation: { text: string; at: string } | null
}
