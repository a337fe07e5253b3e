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
