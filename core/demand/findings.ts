import type { CompiledRuleSet } from '../rules/compile'
import { findingKey, type RawFinding } from '../rules/finding'
import type { Demand } from '../schema/report'
import type { Sentence } from '../text/segment'
import type { PlacedDemand } from './document'

import { FREQUENCY_LABEL } from './lexicon'

/** Findings of the `demand` and `deadline` rules: marks on the demanded words, never on the whole sentence. */
export function burdenFindings(c: CompiledRuleSet, demands: PlacedDemand[], body: Sentence[], minWorkdays: number): RawFinding[] {
  const sentence = new Map(body.map((s) => [s.index, s]))
  const out: RawFinding[] = []
  const demandRules = c.rules.filter((r) => r.rule.kind === 'demand')
  const deadlineRules = c.rules.filter((r) => r.rule.kind === 'deadline')
  const base = (d: PlacedDemand, rule: (typeof c.rules)[number]['rule'], start: number, end: number, message: string): RawFinding => ({
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    start,
    end,
    message,
    suggestion: rule.suggestion,
    weight: rule.weight,
    origin: 'rule',
    sentence: d.sentence,
    key: findingKey(rule.id, sentence.get(d.sentence)!.text, start - sentence.get(d.sentence)!.start),
    tier: rule.tier,
  })
  const seenDeadline = new Set<number>()
  for (const d of demands) {
    const s = sentence.get(d.sentence)!
    if (d.burden) {
      const rule = demandRules.find(({ rule: r }) => r.kind === 'demand' && r.kinds.includes(d.kind) && (!r.frequencies || (d.frequency !== null && r.frequencies.includes(d.frequency))))?.rule
      if (rule) {
        const words = s.text.slice(d.start, d.end)
        const freq = d.frequency ? `，${FREQUENCY_LABEL[d.frequency]}一次` : ''
        out.push(base(d, rule, d.absStart, d.absEnd, `「${words}」（要求下级${freq}）：${rule.message}`))
      }
    }
    if (d.onOthers && d.workdays !== null && d.workdays < minWorkdays && d.deadline && d.deadlineAt !== null && !seenDeadline.has(s.start + d.deadlineAt)) {
      seenDeadline.add(s.start + d.deadlineAt)
      const rule = deadlineRules[0]?.rule
      if (!rule) continue
      const start = s.start + d.deadlineAt
      const days = d.workdays === 0 ? '当天就要完成' : `只有${d.workdays}个工作日`
      out.push(base(d, rule, start, start + d.deadline.length, `「${d.deadline}」：从成文日期算起${days}，少于${minWorkdays}个工作日。${rule.message}`))
    }
  }
  return out
}

/** The Report's view of a demand on others. */
export function demandOf(d: PlacedDemand): Demand {
  return {
    kind: d.kind,
    actor: d.actor === 'lower' ? 'lower' : 'addressee',
    modality: d.modality === 'require' || d.modality === 'imperative' ? d.modality : 'state',
    frequency: d.frequency,
    deadline: d.deadline,
    deadlineDate: d.deadlineDate,
    workdays: d.workdays,
    burden: d.burden,
    start: d.absStart,
    end: d.absEnd,
  }
}
