import { z } from 'zod'
import { CategorySchema } from './common'
import type { Report } from './report'

/**
 * What the extension tells the service. Scores, counts and rule ids only: never document text.
 * `reason` is the drafter's own override note, not part of the document.
 */
/** `apply` is 采纳 (a rule's fix applied), `dismiss` is 忽略: per rule, how drafters take it. */
export const TelemetryKindSchema = z.enum(['analyzed', 'filed', 'override', 'dismiss', 'false-positive', 'apply'])
export type TelemetryKind = z.infer<typeof TelemetryKindSchema>

export const TelemetryEventSchema = z
  .object({
    /** Client-made id; the service stores each id once, so retries are harmless. */
    id: z.string().min(8).max(64),
    kind: TelemetryKindSchema,
    at: z.string().datetime({ offset: true }),
    unit: z.string().min(1).max(100),
    /** Pseudonymous: the options page sets it, the service never learns a name. */
    user: z.string().min(1).max(100),
    docType: z.string().max(20),
    chars: z.number().int().nonnegative(),
    cap: z.number().int().positive().nullable(),
    score: z.number().min(0).max(100),
    counts: z.record(CategorySchema, z.number().int().nonnegative()),
    ruleIds: z.array(z.string().max(100)).max(500),
    rulesetVersion: z.string().max(50),
    extensionVersion: z.string().max(50),
    /** filed/override: the filing decision and what the drafter did. */
    action: z.enum(['pass', 'warn', 'justify', 'block', 'submitted', 'returned']).optional(),
    reason: z.string().max(2000).optional(),
    /** apply/dismiss/false-positive: the rule concerned. */
    ruleId: z.string().max(100).optional(),
    /** sha-256 of the document text, so a reviewer can match a filed record to a file. */
    docHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    flags: z
      .object({ overCap: z.boolean(), disguisedDirective: z.boolean(), frame: z.boolean(), copiedShare: z.number().min(0).max(1).nullable() })
      .optional(),
  })
  .strict()
export type TelemetryEvent = z.infer<typeof TelemetryEventSchema>

export const TelemetryBatchSchema = z.object({ events: z.array(TelemetryEventSchema).min(1).max(500) }).strict()
export type TelemetryBatch = z.infer<typeof TelemetryBatchSchema>

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
    ruleIds: [...new Set(report.findings.map((f) => f.ruleId))].slice(0, 500),
    rulesetVersion: report.ruleset.version,
    flags: report.flags,
  }
}
