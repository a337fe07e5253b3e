import { z } from 'zod'
import { CategorySchema, RuleIdSchema, SeveritySchema } from './common'
import { DimensionSchema, FixSchema } from './report'
import bundled from '../ruleset/default/base.json'
import { MonitorPolicySchema, PlanSchema, type MonitorPolicy } from './receiving'

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
    /** For rules with a fix: the whole text after 采纳 on the marked span. */
    fixed: z.string().optional(),
    /** For plan rules: the names of the approved items in force (a plan is kept). */
    plan: z.array(z.string()).optional(),
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
  /**
   * default: shown and scored. picky: shown only in 严格模式 and never scored. Set from the judged
   * precision on real documents (npm run audit), not by hand.
   */
  tier: z.enum(['default', 'picky']).default('default'),
  /** What the audit measured on real documents: judged findings and the share that were right. */
  judged: z.object({ n: z.number().int().nonnegative(), precision: z.number().min(0).max(1).nullable() }).strict().optional(),
  examples: z.object({
    bad: z.array(RuleExampleSchema).min(1, '至少一个反例（bad）'),
    good: z.array(RuleExampleSchema).min(1, '至少一个正例（good）'),
  }),
}

/** Rules whose span is exactly the words at fault may say how 采纳 rewrites it. */
const fix = FixSchema.optional()
export const PhraseRuleSchema = z.object({ ...RuleBase, kind: z.literal('phrase'), phrases: z.array(z.string().min(2)).min(1), fix }).strict()
export const RegexRuleSchema = z.object({ ...RuleBase, kind: z.literal('regex'), pattern: regexString, fix }).strict()
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
    /** phrase mode: also at least this many uses per 1,000 字, so long documents are judged by density. */
    perThousand: z.number().positive().optional(),
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

const DemandKindSchema = z.enum(['report', 'ledger', 'proof', 'checkin', 'form', 'pledge', 'veto', 'accompany', 'meeting', 'inspection', 'app', 'material'])
const FrequencySchema = z.enum(['daily', 'weekly', 'tenday', 'halfmonth', 'monthly', 'quarterly', 'halfyear', 'yearly', 'periodic', 'realtime'])

/** Fires on demand readings (core/demand) that the rule set's policy counts as a burden. */
export const DemandRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('demand'),
    kinds: z.array(DemandKindSchema).min(1),
    /** Only demands with one of these frequencies; absent = any. */
    frequencies: z.array(FrequencySchema).optional(),
  })
  .strict()
/** A deadline for lower levels shorter than the policy's minimum, counted from the 成文日期. */
export const DeadlineRuleSchema = z.object({ ...RuleBase, kind: z.literal('deadline') }).strict()

/** A 督查/检查/考核/评比/创建/示范 activity that the year's plan (ruleSet.plan) does not hold. */
export const PlanRuleSchema = z.object({ ...RuleBase, kind: z.literal('plan') }).strict()

export const RuleSchema = z.discriminatedUnion('kind', [
  DemandRuleSchema,
  PlanRuleSchema,
  DeadlineRuleSchema,
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
    /** 文种 that are not 发文 and have no cap here (政府工作报告, 决议). */
    uncapped: z.array(z.string()).default([]),
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
          /** linear: the whole dimension is lost at `saturation`; smooth: lost = 1 − e^(−share/saturation), never all. */
          curve: z.enum(['linear', 'smooth']).optional(),
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
    /** draft: a page where documents are written; inbox: a 收文 page, where recipients rate what they got. */
    role: z.enum(['draft', 'inbox']).default('draft'),
  })
  .strict()
export type SiteProfile = z.infer<typeof SiteProfileSchema>

export const DemandPolicySchema = z
  .object({
    /** Demands on others that are a burden whatever their frequency (台账, 照片, 打卡, 责任书…). */
    alwaysKinds: z.array(DemandKindSchema),
    /** Demands that are a burden when they recur at one of `frequencies` (每周报送, 每月调度会). */
    frequencyKinds: z.array(DemandKindSchema),
    frequencies: z.array(FrequencySchema),
    /** Frequencies too vague to weigh unless a lower unit is named as the one reporting (定期). */
    weakFrequencies: z.array(FrequencySchema).default([]),
    /** Deadlines for lower levels shorter than this many working days are flagged. */
    minDeadlineWorkdays: z.number().int().min(0).max(30),
    /** 文种 in which a subjectless imperative line (每周五前报送进展) addresses the recipients. */
    directiveTypes: z.array(z.string()),
  })
  .strict()
export type DemandPolicy = z.infer<typeof DemandPolicySchema>

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期形如 2026-10-01')
/** Statutory holidays and adjusted working days (调休), by year. */
export const CalendarSchema = z
  .object({
    source: z.string().optional(),
    years: z.array(z.number().int().min(1990).max(2100)),
    holidays: z.array(isoDate),
    workdays: z.array(isoDate),
  })
  .strict()
export type Calendar = z.infer<typeof CalendarSchema>

/** When a rule earns the default tier, and when field 误报 reports propose its demotion. */
export const TierPolicySchema = z
  .object({
    minPrecision: z.number().min(0).max(1),
    minJudged: z.number().int().min(1),
    /** Propose a demotion when 误报 marks exceed this share of a rule's shown findings… */
    demoteFalsePositiveShare: z.number().min(0).max(1),
    /** …over at least this many findings reported back from the field. */
    demoteMinShown: z.number().int().min(1),
    /** The classifier's marks earn their tier like rules do. */
    model: z.object({ tao: z.enum(['default', 'picky']), burden: z.enum(['default', 'picky']) }).strict(),
  })
  .strict()
export type TierPolicy = z.infer<typeof TierPolicySchema>

/** A fresh copy of bundled JSON (structuredClone is not in every runtime's types). */
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

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
        /**
         * Fixed names of policies and programmes (全面深化改革, 乡村全面振兴, 积极性): a 套话 phrase
         * inside one of them is part of a name, not an intensifier.
         */
        terms: z.array(z.string().min(2)).default([]),
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
        /** 文种 judged by another preset: a 讲话 is not a 发文 and takes the speech caps. */
        typePresets: z.record(z.string(), z.string()).default({}),
      })
      .strict()
      .refine((c) => c.preset in c.presets, { message: '所选篇幅预设不存在', path: ['preset'] })
      .refine((c) => Object.values(c.typePresets).every((p) => p in c.presets), { message: '文种所用的篇幅预设不存在', path: ['typePresets'] }),
    scoring: ScoringSchema,
    filing: FilingPolicySchema,
    siteProfiles: z.array(SiteProfileSchema).default([]),
    // Absent in rule sets published before demand reading and tiers existed: the bundled values.
    demand: DemandPolicySchema.default(() => copy(bundled.demand) as DemandPolicy),
    calendar: CalendarSchema.default(() => copy(bundled.calendar)),
    tiers: TierPolicySchema.default(() => copy(bundled.tiers) as TierPolicy),
    /** 基层负担监测: module weights and 绿/黄/红 thresholds (docs/receiving.md). */
    monitor: MonitorPolicySchema.default(() => copy(bundled.monitor) as MonitorPolicy),
    /** The year's approved 督查检查考核 items; the service fills it in when it serves the rule set. */
    plan: PlanSchema.default(() => ({ year: null, items: [] })),
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
