import { z } from 'zod'
import { CategorySchema, isRealDay, plainText, RuleIdSchema, type Category } from './common'
import type { Report } from './report'
import { FiledBurdenSchema } from './receiving'

/**
 * What the extension tells the service. Scores, counts and rule ids only: never document text.
 * `reason` is the drafter's own override note, not part of the document.
 */
/** `apply` is 采纳 (a rule's fix applied), `dismiss` is 忽略: per rule, how drafters take it. */
export const TelemetryKindSchema = z.enum(['analyzed', 'filed', 'override', 'dismiss', 'false-positive', 'apply'])
export type TelemetryKind = z.infer<typeof TelemetryKindSchema>

/** Bounds the storage enforces, so an event that passes here is never refused by the database. */
export const TELEMETRY_LIMITS = {
  /** Events per batch. */
  batch: 500,
  /** Characters of a document: far above any real 公文, far below PostgreSQL's integer. */
  chars: 10_000_000,
  count: 1_000_000,
  ruleIds: 500,
  /** The drafter's override note, in characters (字). */
  reason: 500,
  /** Event times: from 2000 to before 2100. */
  from: Date.UTC(2000, 0, 1),
  to: Date.UTC(2100, 0, 1),
} as const

const L = TELEMETRY_LIMITS
/** Pseudonymous drafter id: a short code the options page makes (u-1a2b3c4d), never a name. */
export const TelemetryUserSchema = z.string().regex(/^[A-Za-z0-9][\w.:@-]{0,63}$/, '应为不超过 64 个字符的代号（字母、数字和 _ . : @ -），不填姓名')

/** An ISO time with its offset, on a day that exists, between 2000 and 2100. */
const EventTime = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s)
  return isRealDay(s.slice(0, 10)) && t >= L.from && t < L.to
}, '时间应为 2000 至 2099 年间存在的日期')

export const TelemetryEventSchema = z
  .object({
    /** Client-made id; the service stores each id once, so retries are harmless. */
    id: z.string().min(8).max(64).regex(/^[\w.:-]+$/, '应为字母、数字和 _ . : - 组成的编号'),
    kind: TelemetryKindSchema,
    at: EventTime,
    unit: plainText(100, 1),
    user: TelemetryUserSchema,
    docType: plainText(20),
    chars: z.number().int().min(0).max(L.chars),
    cap: z.number().int().positive().max(L.chars).nullable(),
    score: z.number().min(0).max(100),
    // Every category, nothing else: as z.record over the enum, but a plain object validates faster.
    counts: z.object(Object.fromEntries(CategorySchema.options.map((c) => [c, z.number().int().min(0).max(L.count)])) as Record<Category, z.ZodNumber>).strict(),
    ruleIds: z.array(RuleIdSchema).max(L.ruleIds),
    rulesetVersion: plainText(50),
    extensionVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,50}$/, '应为版本号（如 0.1.0）'),
    /** filed/override: the filing decision and what the drafter did. */
    action: z.enum(['pass', 'warn', 'justify', 'block', 'submitted', 'returned']).optional(),
    reason: plainText(L.reason).optional(),
    /** apply/dismiss/false-positive: the rule concerned. */
    ruleId: RuleIdSchema.optional(),
    /** sha-256 of the document text, so a reviewer can match a filed record to a file. */
    docHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** filed: what the document asks of its recipients (counts and 主送 phrases, no text); see docs/receiving.md. */
    burden: FiledBurdenSchema.optional(),
    flags: z
      .object({ overCap: z.boolean(), disguisedDirective: z.boolean(), frame: z.boolean(), copiedShare: z.number().min(0).max(1).nullable() })
      .strict()
      .optional(),
  })
  .strict()
export type TelemetryEvent = z.infer<typeof TelemetryEventSchema>

export const TelemetryBatchSchema = z.object({ events: z.array(TelemetryEventSchema).min(1).max(L.batch) }).strict()
export type TelemetryBatch = z.infer<typeof TelemetryBatchSchema>

/** The batch's outer shape only; each event is checked on its own by `checkTelemetryEvents`. */
export const TelemetryEnvelopeSchema = z.object({ events: z.array(z.unknown()).min(1).max(L.batch) }).strict()

/**
 * Every event checked on its own, so that a client told which indexes are bad can set those
 * aside and send the rest, instead of retrying one poisoned batch forever.
 */
export function checkTelemetryEvents(input: unknown[]): { events: TelemetryEvent[]; bad: Array<{ index: number; error: z.ZodError }> } {
  const events: TelemetryEvent[] = []
  const bad: Array<{ index: number; error: z.ZodError }> = []
  input.forEach((e, index) => {
    const r = TelemetryEventSchema.safeParse(e)
    if (r.success) events.push(r.data)
    else bad.push({ index, error: r.error })
  })
  return { events, bad }
}

/** The report's part of an event: what may leave the machine. */
export function telemetryFromReport(report: Report): Pick<TelemetryEvent, 'docType' | 'chars' | 'cap' | 'score' | 'counts' | 'ruleIds' | 'rulesetVersion' | 'flags'> {
  const counts: Record<string, number> = { tao: 0, burden: 0, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 }
  for (const f of report.findings) counts[f.category] = (counts[f.category] ?? 0) + 1
  return {
    docType: report.docType,
    chars: report.chars,
    cap: report.cap,
    score: report.score,
    counts: counts as TelemetryEvent['counts'],
    ruleIds: [...new Set(report.findings.map((f) => f.ruleId))].slice(0, L.ruleIds),
    rulesetVersion: report.ruleset.version,
    flags: report.flags,
  }
}
