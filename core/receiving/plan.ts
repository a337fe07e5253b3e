import type { CompiledRuleSet } from '../rules/compile'
import { findingKey, type RawFinding } from '../rules/finding'
import { negated } from '../rules/sentence'
import type { Plan, PlanItem } from '../schema/receiving'
import type { Sentence } from '../text/segment'

/**
 * 计划外督查检查考核: a draft that deploys a 督查/检查/考核/评比/创建/示范 activity which the year's
 * approved plan (年度计划 + 动态备案) does not hold. Only where a plan is kept (plan.year set).
 */
const DEPLOY = /(?:组织开展|开展|组织|实施|启动|进行)(?:[^，。；：！？\n]{0,16}?)(?<m>(?:督查|检查|考核|评比|评选|创建|示范(?:创建|评选)?|暗访|巡查)(?:活动|工作)?)/gdu
/** Not a new activity: checking oneself, enterprises or equipment, or a past one. */
const NOT_DEPLOYED = /自查|自检|自评|安全检查|执法检查|设备|隐患排查|体检|已(?:经)?(?:组织)?开展|开展了|此前|去年|上年/u

export function planFindings(c: CompiledRuleSet, body: Sentence[], plan: Plan, issued: string | null): RawFinding[] {
  if (plan.year === null) return []
  const rule = c.rules.find((r) => r.rule.kind === 'plan')
  if (!rule) return []
  const day = issued ?? `${plan.year}-01-01`
  const inForce = plan.items.filter((p) => p.from <= `${day.slice(0, 4)}-12-31` && p.to >= `${day.slice(0, 4)}-01-01`)
  const out: RawFinding[] = []
  for (const s of body) {
    if (c.reported.test(s.text) || NOT_DEPLOYED.test(s.text)) continue
    for (const m of s.text.matchAll(DEPLOY)) {
      const end = m.indices!.groups!.m![1]
      if (negated(c, rule.negation, s.text, m.index, end)) continue
      if (inForce.some((p) => matches(p, s.text))) continue
      const words = s.text.slice(m.index, end)
      out.push({
        ruleId: rule.rule.id,
        category: rule.rule.category,
        severity: rule.rule.severity,
        start: s.start + m.index,
        end: s.start + end,
        message: `「${words}」：未列入${plan.year}年度督查检查考核计划或备案。${rule.rule.message}`,
        suggestion: rule.rule.suggestion,
        weight: rule.rule.weight,
        origin: 'rule',
        sentence: s.index,
        key: findingKey(rule.rule.id, s.text, m.index),
        tier: rule.rule.tier,
      })
      break
    }
  }
  return out
}

/** A plan item is named in the sentence by one of its keywords, or by its name. */
const matches = (p: PlanItem, sentence: string): boolean => (p.keywords.length ? p.keywords : [p.name]).some((k) => sentence.includes(k))
