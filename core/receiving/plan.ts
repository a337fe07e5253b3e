import type { CompiledRuleSet } from '../rules/compile'
import { findingKey, type RawFinding } from '../rules/finding'
import { negated } from '../rules/sentence'
import type { Plan, PlanItem } from '../schema/receiving'
import type { Sentence } from '../text/segment'

/**
 * 计划外督查检查考核: a draft that deploys a 督查/检查/考核/评比/创建/示范 activity which the year's
 * approved plan (年度计划 + 动态备案) does not hold. Only where a plan is kept (plan.year set).
 */
// 创建 and 示范 alone name projects (创建国家卫生城市, 试点示范); only their activity forms count.
const DEPLOY =
  /(?:(?<![党团层会])组织开展|开展|(?<![党团层会])组织(?![部的])|实施|启动|进行)(?:[^，。；：！？\n]{0,16}?)(?<m>(?:专项督查|督查|检查|考核|评比|评选|暗访|巡查|(?:示范)?创建(?:示范)?活动|示范创建|达标创建|评比达标)(?:活动|工作)?)/gdu
/**
 * Not an activity being deployed: 考核 as a criterion (作为考核内容, 纳入考核), personnel appraisal
 * (工作人员…日常考核), a request for approval (申请开展评比), or others' experience described.
 */
const NOT_AN_ACTIVITY = /作为|纳入|列入|工作人员|干部职工|申请/u
const AFTER_NOT_AN_ACTIVITY = /^(?:的)?(?:先进)?(?:经验|做法|内容|指标|结果)/u

/** The activity is on lower levels: it names them. */
const ON_LOWER = /乡镇|街道|村|社区|基层|各地|各区|各县|各市|各单位|各部门|下级|县直/u
/** Not a new activity on lower levels: checking oneself, enterprises, goods or equipment, or one in the past. */
const NOT_DEPLOYED =
  /自查|自检|自评|安全检查|安全生产|执法检查|监督检查|质量检查|特殊检查|健康检查|抽检|设备|隐患排查|体检|企业|已(?:经)?(?:组织)?开展|开展了|此前|去年|上年|除[^，。；]{0,40}外|严格控制|一般不|不再|减少|精简|统筹|\d{4}年实施/u

export function planFindings(c: CompiledRuleSet, body: Sentence[], plan: Plan, issued: string | null, docType: string): RawFinding[] {
  if (plan.year === null) return []
  const rule = c.rules.find((r) => r.rule.kind === 'plan')
  if (!rule || (rule.rule.docTypes?.length && !rule.rule.docTypes.includes(docType))) return []
  const day = issued ?? `${plan.year}-01-01`
  const inForce = plan.items.filter((p) => p.from <= `${day.slice(0, 4)}-12-31` && p.to >= `${day.slice(0, 4)}-01-01`)
  const out: RawFinding[] = []
  for (const s of body) {
    if (c.reported.test(s.text) || NOT_DEPLOYED.test(s.text) || !ON_LOWER.test(s.text)) continue
    for (const m of s.text.matchAll(DEPLOY)) {
      const [at, end] = m.indices!.groups!.m!
      if (NOT_AN_ACTIVITY.test(s.text.slice(Math.max(0, m.index - 8), at)) || AFTER_NOT_AN_ACTIVITY.test(s.text.slice(end, end + 6))) continue
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
