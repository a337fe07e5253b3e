import { ReportSchema, type Report } from './schema/report'
import { RuleSetSchema, type RuleSet, type RuleSetInput } from './schema/ruleset'
import { compileRuleSet, type CompiledRuleSet } from './rules/compile'
import { analyzeSentence, type SentenceAnalysis, type SentenceHit } from './rules/sentence'
import { runDocumentRules } from './rules/document'
import { findingKey, type RawFinding } from './rules/finding'
import { segment, type Sentence } from './text/segment'
import { charTotal, countChars } from './text/count'
import { referenceMatter } from './text/lists'
import { indexFingerprints, type Coverage, type Fingerprint, type FingerprintIndex } from './copy/fingerprint'
import { detectDocType } from './doctype'
import { capFor } from './caps'
import { score, toFinding } from './score'
import { LruMap } from './lru'
import type { SentenceClassifier, SentenceScores } from './classifier'
import { ENGINE_VERSION } from './version'
import { defaultRuleSet } from './ruleset/default'
import { placeDemands, type PlacedDemand } from './demand/document'
import { findIssueDate } from './demand/deadline'
import { nobodyAsked, type DemandReading, type DemandState } from './demand/read'
import { burdenFindings, demandOf } from './demand/findings'
import { planFindings } from './receiving/plan'
import { onePerSpan } from './rules/overlap'
import { parseRecipients } from './receiving/recipients'
import { burdenProfile } from './receiving/profile'

/**
 * A phrase rule's message may quote its first phrase (“高度重视”不说明……); on a sibling match
 * (十分重视) it quotes what was actually written, so the card never names words that are not there.
 */
function messageFor(rule: RuleSet['rules'][number], matched: string): string {
  if (rule.kind !== 'phrase') return rule.message
  let m = rule.message
  for (const p of rule.phrases) if (p !== matched) m = m.split(`“${p}”`).join(`“${matched}”`).split(`「${p}」`).join(`「${matched}」`)
  return m
}

/** A reading in the hit's clause that says nobody below is asked to do this. */
function contradicted(readings: PlacedDemand[], h: { start: number; end: number }, sentence: string): boolean {
  const here = readings.filter((d) => d.clauseStart <= h.end && h.start <= d.clauseEnd)
  if (here.length === 0) return nobodyAsked(sentence, h.start, h.end)
  return here.some((d) => d.modality === 'forbid' || d.modality === 'permit' || d.tense === 'done' || d.actor === 'issuer' || d.actor === 'equipment' || d.actor === 'regulated')
}

export interface AnalyzerOptions {
  ruleSet?: RuleSet | RuleSetInput
  classifier?: SentenceClassifier | null
  superior?: Fingerprint[]
  /** Name of a caps preset in the rule set (e.g. jiangsu-2019) instead of its default. */
  capPreset?: string
  /** Sentences remembered between calls; bounds memory in a long editing session. */
  cacheSize?: number
  /**
   * 'one' (the product): one finding per span and category. 'all': every rule's own hits, for
   * running each rule's examples on their own.
   */
  overlaps?: 'one' | 'all'
  /** 严格模式: also report the picky tier (rules that have not earned a place by default); never scored. */
  strict?: boolean
}

export interface DocumentOptions {
  /** 文种; detected from the title or the first line when absent. */
  docType?: string
  /** Title from a form field; otherwise the first line is taken when it looks like one. */
  title?: string
  /** A 专项工作/具体任务 document (lower cap); detected from the title when absent. */
  special?: boolean
  /** YYYY-MM-DD: the date deadlines are counted from when the text has no 成文日期 (today, in the editor). */
  today?: string
}

const MODEL_RULE = { tao: 'model.tao', burden: 'model.burden' } as const
const MODEL_TEXT = {
  tao: { message: '整句空泛：读完无人、无事、无时限、无数量可查（模型判断）。', suggestion: '删去，或写明由谁、做什么、何时完成、达到什么数量。' },
  burden: { message: '要求下级做的是留痕、报表或陪同，而不是结果（模型判断）。', suggestion: '改为看结果的要求；能从系统取的数据不再要求基层报送。' },
} as const

/** Parsed and compiled rule sets, by identity: analyze() and new analyzers reuse them. */
const compiledCache = new WeakMap<object, CompiledRuleSet>()
function compiledFor(input: RuleSet | RuleSetInput | undefined): CompiledRuleSet {
  const key = input ?? defaultRuleSet()
  let c = compiledCache.get(key)
  if (!c) {
    c = compileRuleSet(input ? RuleSetSchema.parse(input) : defaultRuleSet())
    compiledCache.set(key, c)
  }
  return c
}

export interface Analyzer {
  readonly ruleSet: RuleSet
  /** Rules, plus model scores already known for these sentences. Synchronous: safe on each keystroke. */
  analyzeSync(text: string, doc?: DocumentOptions): Report
  /** Rules and the classifier (sentences it has not seen yet are sent in one batch). */
  analyze(text: string, doc?: DocumentOptions): Promise<Report>
  setSuperior(fps: Fingerprint[]): void
  setClassifier(c: SentenceClassifier | null): void
  /** Sentences analysed by the rules vs. taken from the cache, since creation. */
  stats(): { sentenceRuns: number; sentenceReuses: number }
}

/** Parses a rule set, reporting every problem with its path. */
export function parseRuleSet(input: unknown): RuleSet {
  return RuleSetSchema.parse(input)
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const compiled: CompiledRuleSet = compiledFor(options.ruleSet)
  const ruleSet = compiled.ruleSet
  // An unknown preset is refused here, before any text is read.
  if (options.capPreset !== undefined) capFor(ruleSet, '其他', false, options.capPreset)
  const strict = options.strict ?? false
  /** Rules that read demands in general yield to a hand-written rule on the same words. */
  const generic = new Set(ruleSet.rules.filter((r) => r.kind === 'demand').map((r) => r.id))
  const size = options.cacheSize ?? 20000
  const sentenceCache = new LruMap<string, SentenceAnalysis>(size)
  const demandCache = new LruMap<string, { readings: DemandReading[]; state: DemandState }>(size)
  const scoreCache = new LruMap<string, SentenceScores>(size)
  let copyCache = new Map<string, Coverage>()
  let superior: FingerprintIndex | null = indexFingerprints(options.superior ?? [])
  let classifier = options.classifier ?? null
  let classifierError: string | null = null

  const counters = { sentenceRuns: 0, sentenceReuses: 0 }
  const sentenceHits = (s: Sentence) => {
    let a = sentenceCache.get(s.text)
    if (a) counters.sentenceReuses++
    else {
      counters.sentenceRuns++
      a = analyzeSentence(compiled, s.text)
      sentenceCache.set(s.text, a)
    }
    return a
  }

  /**
   * A hit hides another only where they say the same thing: the same rule over a wider span
   * (高度重视 inside 高度重视并切实加强), or two rules of one category on the very same span.
   * Different rules on overlapping spans both stand: each names its own problem.
   */
  const swallows = (o: SentenceHit, h: SentenceHit) => {
    if (o.start > h.start || o.end < h.end) return false
    const wider = o.end - o.start > h.end - h.start
    if (o.rule === h.rule) return wider || o.start < h.start
    const same = compiled.rules[o.rule]!.rule.category === compiled.rules[h.rule]!.rule.category
    return same && !wider && o.rule < h.rule
  }

  function build(text: string, doc: DocumentOptions, sentences: Sentence[] = segment(text).sentences): Report {
    const info = detectDocType(compiled, sentences, doc)
    const body = info.titleSentence === null ? sentences : sentences.filter((s) => s.index !== info.titleSentence)
    const counts = countChars(text)
    const chars = charTotal(counts)
    const { cap, label: capLabel } = capFor(ruleSet, info.docType, info.special, options.capPreset)
    const findings: RawFinding[] = []

    const issued = findIssueDate(body) ?? doc.today ?? null
    const demands = placeDemands(body, {
      policy: ruleSet.demand,
      calendar: ruleSet.calendar,
      directive: ruleSet.demand.directiveTypes.includes(info.docType),
      issued,
      cache: demandCache,
    })
    const demandsBySentence = new Map<number, PlacedDemand[]>()
    for (const d of demands) {
      const list = demandsBySentence.get(d.sentence)
      if (list) list.push(d)
      else demandsBySentence.set(d.sentence, [d])
    }

    for (const s of body) {
      const { hits } = sentenceHits(s)
      const kept = hits.filter((h) => !hits.some((o) => o !== h && swallows(o, h)))
      const readingsHere = demandsBySentence.get(s.index) ?? []
      for (const h of kept) {
        const rule = compiled.rules[h.rule]!.rule
        if (rule.docTypes?.length && !rule.docTypes.includes(info.docType)) continue
        // A burden mark stands only where the demand reading does not contradict it: not the
        // issuer's own work, not a past result, not equipment or enterprises, not a measure that
        // forbids, reduces or criticises the burden.
        if (rule.category === 'burden' && contradicted(readingsHere, h, s.text)) continue
        const matched = s.text.slice(h.start, h.end)
        findings.push({
          ruleId: rule.id,
          category: rule.category,
          severity: rule.severity,
          start: s.start + h.start,
          end: s.start + h.end,
          message: `「${matched}」：${messageFor(rule, matched)}`,
          suggestion: rule.suggestion,
          ...('fix' in rule && rule.fix ? { fix: rule.fix } : {}),
          weight: rule.weight,
          origin: 'rule',
          sentence: s.index,
          key: findingKey(rule.id, s.text, h.start),
          tier: rule.tier,
        })
      }
    }
    findings.push(...burdenFindings(compiled, demands, body, ruleSet.demand.minDeadlineWorkdays))
    findings.push(...planFindings(compiled, body, ruleSet.plan, issued, info.docType))

    const sentenceChars = sentences.map((s) => charTotal(countChars(s.text)))
    const bodyChars = body.reduce((a, s) => a + sentenceChars[s.index]!, 0)
    const reference = referenceMatter(body)
    const countable = chars - [...reference].reduce((a, i) => a + sentenceChars[i]!, 0)
    const docResult = runDocumentRules(compiled, {
      text,
      sentences,
      body,
      doc: info,
      chars,
      countable,
      cap,
      capLabel,
      superior,
      copyCache,
    })
    // Not push(...): a long document has more findings than the stack has room for arguments.
    for (const f of docResult.findings) findings.push(f)

    // The model speaks for whole sentences the rules did not already mark for the same label.
    let modelUsed = false
    const modelTier = ruleSet.tiers.model
    if (classifier) {
      const marked = new Set(findings.map((f) => `${f.sentence}:${f.category}`))
      for (const s of body) {
        const p = scoreCache.get(s.text)
        if (!p) continue
        modelUsed = true
        for (const label of ['tao', 'burden'] as const) {
          if (p[label] < classifier.thresholds[label]) continue
          if (marked.has(`${s.index}:${label}`)) continue
          // The model's burden mark rests on a demand read in the sentence, and marks its words.
          const demand = label === 'burden' ? demandsBySentence.get(s.index)?.find((d) => d.burden) : undefined
          if (label === 'burden' && !demand) continue
          const [start, end] = demand ? [demand.absStart, demand.absEnd] : [s.start, s.end]
          findings.push({
            ruleId: MODEL_RULE[label],
            category: label,
            severity: label === 'burden' ? 'warning' : 'info',
            start,
            end,
            message: demand ? `「${text.slice(start, end)}」：${MODEL_TEXT.burden.message}` : MODEL_TEXT[label].message,
            suggestion: MODEL_TEXT[label].suggestion,
            weight: 1,
            origin: 'model',
            confidence: p[label],
            sentence: s.index,
            key: findingKey(MODEL_RULE[label], s.text, demand ? demand.start : 0),
            tier: modelTier[label],
          })
        }
      }
    }

    const visible = findings.filter((f) => strict || f.tier !== 'picky')
    const shown = options.overlaps === 'all' ? visible : onePerSpan(visible, generic)
    shown.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId))
    const scoredFindings = shown.filter((f) => f.tier !== 'picky')
    const scored = score({ findings: scoredFindings, sentenceChars, bodyChars, copiedShare: docResult.copiedShare }, ruleSet.scoring)
    const pointsOf = new Map(scoredFindings.map((f, i) => [f, scored.points[i]!]))
    const sentencesWith = (cat: 'tao' | 'burden') => new Set(scoredFindings.filter((f) => f.category === cat && f.sentence >= 0).map((f) => f.sentence)).size

    const reportDemands = demands.filter((d) => d.onOthers).map(demandOf)
    const report: Report = {
      schemaVersion: 1,
      engineVersion: ENGINE_VERSION,
      ruleset: { id: ruleSet.id, version: ruleSet.version },
      docType: info.docType,
      docTypeSource: info.source,
      special: info.special,
      ...(info.title ? { title: info.title } : {}),
      chars,
      counts,
      cap,
      capSource: capLabel,
      score: scored.score,
      grade: scored.grade,
      breakdown: scored.breakdown,
      findings: shown.map((f) => toFinding(f, pointsOf.get(f) ?? 0)),
      demands: reportDemands,
      recipients: parseRecipients(body),
      burden: burdenProfile(reportDemands, text, issued),
      issued,
      flags: {
        overCap: docResult.overCap,
        disguisedDirective: docResult.disguised,
        frame: docResult.frame,
        copiedShare: docResult.copiedShare === null ? null : Math.round(docResult.copiedShare * 1000) / 1000,
      },
      sentences: { total: body.length, tao: sentencesWith('tao'), burden: sentencesWith('burden') },
      classifier: classifierNote(modelUsed),
    }
    return report
  }

  function classifierNote(used: boolean): Report['classifier'] {
    if (!classifier) return { used: false, note: '未加载模型，仅按规则判断' }
    if (classifierError) return { used: false, id: classifier.id, note: `模型运行失败（${classifierError}），仅按规则判断` }
    return used ? { used: true, id: classifier.id, note: '规则与模型共同判断' } : { used: false, id: classifier.id, note: '模型未给出结果（或本文没有需要模型判断的句子），按规则判断' }
  }

  async function fillScores(sentences: Sentence[]) {
    if (!classifier) return
    const missing = [...new Set(sentences.map((s) => s.text).filter((t) => !scoreCache.has(t)))]
    if (missing.length === 0) return
    try {
      const scores = await classifier.predict(missing)
      if (scores.length !== missing.length) throw new Error(`模型返回 ${scores.length} 个结果，应为 ${missing.length} 个`)
      missing.forEach((t, i) => scoreCache.set(t, scores[i]!))
      classifierError = null
    } catch (e) {
      classifierError = e instanceof Error ? e.message : String(e)
    }
  }

  return {
    ruleSet,
    analyzeSync: (text, doc = {}) => build(text, doc),
    analyze: async (text, doc = {}) => {
      const { sentences } = segment(text)
      if (!classifier) return build(text, doc, sentences)
      // Ask the model only about sentences whose marks could be shown: all of them when its 套话
      // marks are shown, else only those with a burden demand (its burden mark needs one).
      const tiers = ruleSet.tiers.model
      if (strict || tiers.tao === 'default') {
        await fillScores(sentences)
        return build(text, doc, sentences)
      }
      const first = build(text, doc, sentences)
      if (tiers.burden !== 'default') return first
      const needed = first.demands.filter((d) => d.burden).map((d) => sentences.find((s) => s.start <= d.start && d.start < s.end)!)
      if (needed.every((s) => !s || scoreCache.has(s.text))) return first
      await fillScores(needed.filter(Boolean))
      return build(text, doc, sentences)
    },
    setSuperior(fps) {
      superior = indexFingerprints(fps)
      copyCache = new Map()
    },
    setClassifier(c) {
      classifier = c
      classifierError = null
      scoreCache.clear()
    },
    stats: () => ({ ...counters }),
  }
}

/** One-shot analysis. For repeated analysis of a changing text, keep an analyzer. */
export async function analyze(text: string, options: AnalyzerOptions & DocumentOptions = {}): Promise<Report> {
  const { docType, title, special, ...rest } = options
  return createAnalyzer(rest).analyze(text, { docType, title, special })
}

/** Checks a report from elsewhere (the service, the extension's storage) against the contract. */
export const validateReport = (x: unknown): Report => ReportSchema.parse(x)
