import { z } from 'zod'
import { CategorySchema, RuleIdSchema, SeveritySchema } from './common'
import { DimensionSchema } from './report'

/**
 * A bad example marks the span the rule must report with <m>…</m>; a good example must not fire.
 * `{{fill:N}}` expands to N characters of neutral text so that length rules can carry examples.
 */
export const RuleExampleSchema = z.union([
  z.string().min(1),
  z.object({
    text: z.string().min(1),
    title: z.string().optional(),
    docType: z.string().optional(),
    superior: z.array(z.string()).optional(),
  }),
])
export type RuleExample = z.infer<typeof RuleExampleSchema>

const regexString = z.string().min(1).refine(
  (s) => {
    try {
      new RegExp(s, 'u')
      return true
    } catch {
      return false
    }
  },
  { message: '不是合法的正则表达式' },
)

const GuardsSchema = z
  .object({
    /** Skip a match that a 不得/严禁/取消… earlier in the clause turns into a prohibition. */
    negation: z.boolean().optional(),
    /** Skip a match in a sentence that reports a problem found (有的单位…、发现…). */
    reported: z.boolean().optional(),
    /** Skip a match in a sentence that carries a number, date or deadline. */
    concrete: z.boolean().optional(),
  })
  .strict()

const RuleBase = {
  id: RuleIdSchema,
  category: CategorySchema,
  severity: SeveritySchema,
  /** Short Chinese name shown in cards and the rule editor. */
  title: z.string().min(1),
  /** Why this is a problem, in Chinese. */
  message: z.string().min(1),
  suggestion: z.string().optional(),
  /** The regulation or source the rule rests on. */
  source: z.string().optional(),
  enabled: z.boolean().default(true),
  /** Multiplies the severity points in the score. */
  weight: z.number().min(0).max(10).default(1),
  /** Limit to these 文种; empty = all. */
  docTypes: z.array(z.string()).optional(),
  guards: GuardsSchema.optional(),
  examples: z.object({
    bad: z.array(RuleExampleSchema).min(1, '至少一个反例（bad）'),
    good: z.array(RuleExampleSchema).min(1, '至少一个正例（good）'),
  }),
}

export const PhraseRuleSchema = z.object({ ...RuleBase, kind: z.literal('phrase'), phrases: z.array(z.string().min(2)).min(1) }).strict()
export const RegexRuleSchema = z.object({ ...RuleBase, kind: z.literal('regex'), pattern: regexString }).strict()
/** Formula opening/closing paragraphs, matched in the first/last `window` sentences. */
export const FrameRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('frame'),
    position: z.enum(['opening', 'closing']),
    patterns: z.array(regexString).min(1),
    window: z.number().int().min(1).max(20).default(3),
  })
  .strict()
/** The document's length against the cap of its 文种 (caps live in ruleSet.caps). */
export const LengthCapRuleSchema = z.object({ ...RuleBase, kind: z.literal('length-cap') }).strict()
export const SentenceLengthRuleSchema = z
  .object({ ...RuleBase, kind: z.literal('sentence-length'), maxChars: z.number().int().min(20) })
  .strict()
/** The same sentence twice, or one stock phrase used again and again. */
export const RepetitionRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('repetition'),
    mode: z.enum(['sentence', 'phrase']),
    minCount: z.number().int().min(2).default(3),
    minChars: z.number().int().min(2).default(12),
    phrases: z.array(z.string().min(2)).optional(),
  })
  .strict()
/** An informal 文种 that deploys work like a 通知. */
export const DisguiseRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('disguise'),
    informalTypes: z.array(z.string()).min(1),
    signals: z.array(z.object({ name: z.string(), pattern: regexString })).min(1),
    minSignals: z.number().int().min(1).default(3),
    minKinds: z.number().int().min(1).default(2),
  })
  .strict()
/** Character shingles against superior documents. */
export const CopyRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('copy'),
    /** Report when the copied share is above this (a local rule: >50% overlap is sent back). */
    maxShare: z.number().min(0).max(1),
    minSpanChars: z.number().int().min(4).default(20),
  })
  .strict()

export const RuleSchema = z.discriminatedUnion('kind', [
  PhraseRuleSchema,
  RegexRuleSchema,
  FrameRuleSchema,
  LengthCapRuleSchema,
  SentenceLengthRuleSchema,
  RepetitionRuleSchema,
  DisguiseRuleSchema,
  CopyRuleSchema,
])
export type Rule = z.infer<typeof RuleSchema>
export type RuleInput = z.input<typeof RuleSchema>
export type RuleKind = Rule['kind']

export const CapPresetSchema = z
  .object({
    label: z.string(),
    source: z.string().optional(),
    /** Cap for every 文种 without its own entry. */
    default: z.number().int().positive(),
    /** Cap for 专项工作/具体任务 documents. */
    special: z.number().int().positive().optional(),
    byType: z.record(z.string(), z.number().int().positive()).default({}),
  })
  .strict()
export type CapPreset = z.infer<typeof CapPresetSchema>

export const ScoringSchema = z
  .object({
    dimensions: z.record(
      DimensionSchema,
      z
        .object({
          label: z.string(),
          max: z.number().min(0),
          saturation: z.number().positive().optional(),
          /** Density is measured against at least this many 字, so one stock phrase does not sink a short notice. */
          floorChars: z.number().int().nonnegative().optional(),
        })
        .strict(),
    ),
    severityPoints: z.object({ info: z.number().min(0), warning: z.number().min(0), error: z.number().min(0) }).strict(),
    grades: z.array(z.object({ grade: z.enum(['优', '良', '中', '差']), min: z.number() }).strict()).min(1),
  })
  .strict()
export type Scoring = z.infer<typeof ScoringSchema>

export const FilingPolicySchema = z
  .object({
    /** Below these scores: show a warning / require a written reason / refuse to file. */
    warnBelow: z.number().min(0).max(100),
    justifyBelow: z.number().min(0).max(100),
    blockBelow: z.number().min(0).max(100),
    /** Flags that raise the action regardless of score. */
    justifyOn: z.array(z.enum(['overCap', 'disguisedDirective', 'frame', 'copied'])).default([]),
    blockOn: z.array(z.enum(['overCap', 'disguisedDirective', 'frame', 'copied'])).default([]),
  })
  .strict()
export type FilingPolicy = z.infer<typeof FilingPolicySchema>

export const SiteProfileSchema = z
  .object({
    name: z.string(),
    /** A URL match pattern such as https://oa.example.gov.cn/* */
    match: z.string(),
    editor: z.string().optional(),
    title: z.string().optional(),
    docType: z.string().optional(),
    submit: z.array(z.string()).default([]),
  })
  .strict()
export type SiteProfile = z.infer<typeof SiteProfileSchema>

export const RuleSetSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    name: z.string(),
    description: z.string().optional(),
    /** Phrase lists the guards read; shared by all rules. */
    guards: z
      .object({
        /** Cues before a match (same clause) that turn it into a prohibition. */
        negation: z.array(z.string()).min(1),
        /** Cues right after a match: 台账不再作为考核依据. */
        negationAfter: z.array(z.string()).default([]),
        /** The narrower cues that negate a 套话 match: 严禁以“高度重视”代替措施 criticises the phrase. */
        prohibition: z.array(z.string()).default([]),
        /** Cues that mark a sentence as describing a problem found, not a demand. */
        reported: z.array(z.string()).min(1),
        /** A number, date or deadline: the sentence says something checkable. */
        concrete: regexString,
      })
      .strict(),
    docTypes: z
      .array(
        z.object({ name: z.string(), titlePatterns: z.array(regexString), informal: z.boolean().default(false) }).strict(),
      )
      .min(1),
    /** Title words marking a 专项工作/具体任务 document (lower cap). */
    specialPattern: regexString,
    caps: z
      .object({
        preset: z.string(),
        presets: z.record(z.string(), CapPresetSchema),
        /** A unit's own caps, applied over the preset. */
        overrides: z.record(z.string(), z.number().int().positive()).default({}),
      })
      .strict()
      .refine((c) => c.preset in c.presets, { message: '所选篇幅预设不存在', path: ['preset'] }),
    scoring: ScoringSchema,
    filing: FilingPolicySchema,
    siteProfiles: z.array(SiteProfileSchema).default([]),
    rules: z.array(RuleSchema).min(1),
  })
  .strict()
  .superRefine((rs, ctx) => {
    const seen = new Set<string>()
    rs.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `规则 id 重复：${r.id}`, path: ['rules', i, 'id'] })
      seen.add(r.id)
    })
  })
export type RuleSet = z.infer<typeof RuleSetSchema>
export type RuleSetInput = z.input<typeof RuleSetSchema>
