import { z } from 'zod'
import { CategorySchema, SeveritySchema } from './common'

export const DimensionSchema = z.enum(['concise', 'substance', 'burden', 'norms', 'originality'])
export type Dimension = z.infer<typeof DimensionSchema>

/**
 * What 采纳 does to a finding's span: delete it, or replace it with the given text. Only rules
 * whose span is exactly the words to change (phrase and regex rules) carry one.
 */
export const FixSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('delete') }).strict(),
  z.object({ op: z.literal('replace'), text: z.string().min(1) }).strict(),
])
export type Fix = z.infer<typeof FixSchema>

export const FindingSchema = z.object({
  /** Stable across edits elsewhere in the document: rule + sentence text + place in the sentence. */
  id: z.string(),
  ruleId: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  /** UTF-16 offsets into the analysed text, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  message: z.string(),
  suggestion: z.string().optional(),
  /** The rule's 采纳 fix for this span. */
  fix: FixSchema.optional(),
  /** 办文指数 points this finding costs; the breakdown is the sum of these. */
  points: z.number().nonnegative(),
  origin: z.enum(['rule', 'model']),
  confidence: z.number().min(0).max(1).optional(),
  /** picky findings are shown only in 严格模式 and cost no points. */
  tier: z.enum(['default', 'picky']).default('default'),
})
export type Finding = z.infer<typeof FindingSchema>

export const BreakdownItemSchema = z.object({
  dimension: DimensionSchema,
  label: z.string(),
  max: z.number(),
  lost: z.number(),
  score: z.number(),
  findings: z.number().int().nonnegative(),
  note: z.string().optional(),
})
export type BreakdownItem = z.infer<typeof BreakdownItemSchema>

export const CharCountsSchema = z.object({
  hanzi: z.number().int().nonnegative(),
  punct: z.number().int().nonnegative(),
  digits: z.number().int().nonnegative(),
  latin: z.number().int().nonnegative(),
  /** Runs of digits/Latin letters; each run counts as one 字, as Word's 字数 does. */
  alnumRuns: z.number().int().nonnegative(),
})
export type CharCounts = z.infer<typeof CharCountsSchema>

export const GradeSchema = z.enum(['优', '良', '中', '差'])
export type Grade = z.infer<typeof GradeSchema>

/**
 * A demand the document puts on others (lower levels or its addressees), read from one clause.
 * The receiving side adds these to each recipient's load. Documented in docs/demands.md.
 */
export const DemandSchema = z.object({
  kind: z.enum(['report', 'ledger', 'proof', 'checkin', 'form', 'pledge', 'veto', 'accompany', 'meeting', 'inspection', 'app', 'material']),
  actor: z.enum(['lower', 'addressee']),
  modality: z.enum(['require', 'imperative', 'state']),
  frequency: z.enum(['daily', 'weekly', 'tenday', 'halfmonth', 'monthly', 'quarterly', 'halfyear', 'yearly', 'periodic', 'realtime']).nullable(),
  /** The deadline as written, its date when it can be named, and working days from the 成文日期. */
  deadline: z.string().nullable(),
  deadlineDate: z.string().nullable(),
  workdays: z.number().int().nonnegative().nullable(),
  /** The policy of the rule set counts it as a burden (留痕、固定频次报送、过短时限…). */
  burden: z.boolean(),
  /** UTF-16 offsets of the demanded action (报送工作台账), end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type Demand = z.infer<typeof DemandSchema>

/** Who the document is sent to, from its 主送 line (docs/receiving.md). */
export const RecipientSchema = z.object({
  text: z.string(),
  group: z.enum(['township', 'village', 'department', 'unit']),
  all: z.boolean(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type RecipientEntry = z.infer<typeof RecipientSchema>

/** Monitoring modules of a 基层负担监测 system. */
export const ModuleSchema = z.enum(['会议文件', '督查检查', '考核评比', '报表材料', '留痕', '政务APP'])
export type Module = z.infer<typeof ModuleSchema>
const ModuleCountSchema = z.object({ demands: z.number().int().nonnegative(), burdens: z.number().int().nonnegative(), recurring: z.number().int().nonnegative() })

export const RecurringFrequencySchema = z.enum(['daily', 'weekly', 'tenday', 'halfmonth', 'monthly', 'quarterly', 'halfyear', 'yearly', 'periodic'])
export type RecurringFrequency = z.infer<typeof RecurringFrequencySchema>

/** What the document adds to each recipient's load, by monitoring module (no text). */
export const BurdenProfileSchema = z.object({
  modules: z.record(ModuleSchema, ModuleCountSchema),
  recurring: z.array(
    z.object({
      kind: DemandSchema.shape.kind,
      module: ModuleSchema,
      frequency: RecurringFrequencySchema,
      until: z.string().nullable(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    }),
  ),
  deadlines: z.array(z.object({ workdays: z.number().int().nonnegative(), date: z.string().nullable(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })),
  meetings: z.number().int().nonnegative(),
  inspections: z.number().int().nonnegative(),
})
export type BurdenProfileReport = z.infer<typeof BurdenProfileSchema>

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  engineVersion: z.string(),
  ruleset: z.object({ id: z.string(), version: z.string() }),
  docType: z.string(),
  docTypeSource: z.enum(['option', 'title', 'content', 'default']),
  special: z.boolean(),
  title: z.string().optional(),
  chars: z.number().int().nonnegative(),
  counts: CharCountsSchema,
  cap: z.number().int().positive().nullable(),
  capSource: z.string(),
  score: z.number().min(0).max(100),
  grade: GradeSchema,
  breakdown: z.array(BreakdownItemSchema),
  findings: z.array(FindingSchema),
  demands: z.array(DemandSchema),
  recipients: z.array(RecipientSchema),
  burden: BurdenProfileSchema,
  /** The 成文日期 read from the text, or the date the caller gave (today, in the editor). */
  issued: z.string().nullable(),
  flags: z.object({
    overCap: z.boolean(),
    disguisedDirective: z.boolean(),
    frame: z.boolean(),
    /** Share of the text found in superior documents, null when none were given. */
    copiedShare: z.number().min(0).max(1).nullable(),
  }),
  sentences: z.object({
    total: z.number().int().nonnegative(),
    tao: z.number().int().nonnegative(),
    burden: z.number().int().nonnegative(),
  }),
  classifier: z.object({
    used: z.boolean(),
    id: z.string().optional(),
    note: z.string(),
  }),
})
export type Report = z.infer<typeof ReportSchema>
