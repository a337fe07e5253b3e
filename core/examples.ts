import type { Finding } from './schema/report'
import type { Rule, RuleExample, RuleSet } from './schema/ruleset'
import { createAnalyzer } from './analyzer'
import { fingerprint } from './copy/fingerprint'
import { applyFix } from './fix'
import { charTotal, countChars } from './text/count'

/** One rule example, run: what was expected and what the engine did. */
export interface ExampleResult {
  ruleId: string
  kind: 'bad' | 'good'
  index: number
  text: string
  ok: boolean
  problem?: string
}

const MARK = /<m>([\s\S]*?)<\/m>/u
const FILL = /\{\{fill:(\d+)\}\}/gu

/** Neutral, concrete and non-repeating filler so length rules can carry examples. */
export function filler(chars: number): string {
  const parts: string[] = []
  let n = 0
  for (let i = 1; n < chars; i++) {
    const s = `第${i}段：东山镇第${i}村新修村道${(i % 9) + 1}公里，投入${i * 3}万元。\n`
    parts.push(s)
    n += charTotal(countChars(s))
  }
  return parts.join('')
}

export function expandExample(ex: RuleExample): { text: string; span: [number, number] | null; title?: string; docType?: string; superior?: string[]; fixed?: string; plan?: string[] } {
  const o = typeof ex === 'string' ? { text: ex } : ex
  const fill = (s: string) => s.replace(FILL, (_, n: string) => filler(Number(n)))
  const expanded = fill(o.text)
  const m = MARK.exec(expanded)
  const text = expanded.replace(MARK, '$1')
  const span: [number, number] | null = m ? [m.index, m.index + m[1]!.length] : null
  return {
    text,
    span,
    title: 'title' in o ? o.title : undefined,
    docType: 'docType' in o ? o.docType : undefined,
    superior: 'superior' in o ? o.superior : undefined,
    fixed: 'fixed' in o && o.fixed !== undefined ? fill(o.fixed) : undefined,
    plan: 'plan' in o ? o.plan : undefined,
  }
}

/** A rule with a fix shows, on a bad example, the text after 采纳; that text no longer trips the rule there. */
function fixProblem(rule: Rule, hit: Finding | undefined, fixed: string, analyze: (t: string) => Finding[], text: string): string | undefined {
  if (!('fix' in rule) || !rule.fix) return '规则没有 fix，反例却写了 fixed'
  if (!hit?.fix) return '结果未带规则的 fix'
  const got = applyFix(text, hit)
  if (got !== fixed) return `采纳后应为「${fixed}」，实际为「${got}」`
  const before = analyze(text).filter((f) => f.ruleId === rule.id).length
  if (analyze(got).filter((f) => f.ruleId === rule.id).length >= before) return '采纳后规则仍在原处触发'
  return undefined
}

/** The rule set with a kept plan of these item names, for the whole year of the examples. */
function withPlan(ruleSet: RuleSet, names: string[]): RuleSet {
  const items = names.map((name) => ({ name, kind: '督查' as const, lead: '示例单位', targets: '', from: '2026-01-01', to: '2026-12-31', approval: '示例', keywords: [] }))
  return { ...ruleSet, plan: { year: 2026, items } }
}

/** Sentence-level rules must mark their span; document-level ones may fire anywhere. */
export const needsMarker = (r: Rule) => r.kind === 'phrase' || r.kind === 'regex' || r.kind === 'frame' || r.kind === 'plan'

/**
 * Runs every example of every rule against the whole rule set. A bad example passes when the
 * rule reports exactly the marked span (or anywhere, for unmarked document-level examples);
 * a good example passes when the rule reports nothing.
 */
export function runRuleExamples(ruleSet: RuleSet, only?: (r: Rule) => boolean): ExampleResult[] {
  const results: ExampleResult[] = []
  const plain = createAnalyzer({ ruleSet, overlaps: 'all', strict: true })
  for (const rule of ruleSet.rules) {
    if (!rule.enabled || (only && !only(rule))) continue
    for (const kind of ['bad', 'good'] as const) {
      rule.examples[kind].forEach((ex, index) => {
        const { text, span, title, docType, superior, fixed, plan } = expandExample(ex)
        const analyzer =
          superior || plan
            ? createAnalyzer({
                ruleSet: plan ? withPlan(ruleSet, plan) : ruleSet,
                overlaps: 'all',
                strict: true,
                superior: superior?.map((s, i) => fingerprint(s, { id: `example-${i}` })),
              })
            : plain
        const report = analyzer.analyzeSync(text, { title, docType })
        const hits = report.findings.filter((f) => f.ruleId === rule.id)
        const short = text.length > 80 ? `${text.slice(0, 80)}…` : text
        let problem: string | undefined
        if (kind === 'good') {
          if (hits.length) problem = `不应触发，却标出「${text.slice(hits[0]!.start, hits[0]!.end)}」`
        } else if (span) {
          if (!hits.some((f) => f.start === span[0] && f.end === span[1]))
            problem = hits.length
              ? `应标出「${text.slice(span[0], span[1])}」，实际标出「${hits.map((f) => text.slice(f.start, f.end)).join('」「')}」`
              : `应标出「${text.slice(span[0], span[1])}」，实际未触发`
        } else if (needsMarker(rule)) problem = '反例缺少 <m>…</m> 标记'
        else if (!hits.length) problem = '应触发，实际未触发'
        if (!problem && kind === 'bad' && fixed !== undefined) {
          const hit = span ? hits.find((f) => f.start === span[0] && f.end === span[1]) : hits[0]
          problem = fixProblem(rule, hit, fixed, (t) => analyzer.analyzeSync(t, { title, docType }).findings, text)
        }
        if (!problem && kind === 'bad' && index === rule.examples.bad.length - 1 && 'fix' in rule && rule.fix && !rule.examples.bad.some((e) => typeof e !== 'string' && e.fixed !== undefined))
          problem = '有 fix 的规则至少要有一个写明 fixed（采纳后全文）的反例'
        results.push({ ruleId: rule.id, kind, index, text: short, ok: !problem, ...(problem ? { problem } : {}) })
      })
    }
  }
  return results
}
