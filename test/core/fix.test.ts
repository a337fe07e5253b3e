import { describe, expect, it } from 'vitest'
import { applyFix, createAnalyzer, defaultRuleSet, RuleSetSchema, runRuleExamples, type RuleSetInput } from '../../core'

const base = defaultRuleSet()

/** The default set with one extra rule (an id no default rule uses). */
function withRule(rule: Record<string, unknown>) {
  return RuleSetSchema.parse({ ...base, rules: [...base.rules, { id: 'tao.test.fix', kind: 'phrase', category: 'tao', severity: 'info', title: '测试', message: '测试用规则。', phrases: ['务必要求'], ...rule }] } as RuleSetInput)
}
const problems = (rs: ReturnType<typeof withRule>) => runRuleExamples(rs, (r) => r.id === 'tao.test.fix').filter((r) => !r.ok).map((r) => r.problem)

describe('采纳 fixes in the rule set', () => {
  it('the finding carries the rule fix, and applying it rewrites exactly the span', () => {
    const text = '各校要切实加强校车接送管理。'
    const f = createAnalyzer({ ruleSet: base, strict: true }).analyzeSync(text).findings.find((x) => x.ruleId === 'tao.stock.qieshi-jiaqiang')!
    expect(f.fix).toEqual({ op: 'replace', text: '加强' })
    expect(applyFix(text, f)).toBe('各校要加强校车接送管理。')
    const g = createAnalyzer({ ruleSet: base, strict: true }).analyzeSync('各施工队要以只争朝夕的精神抢修水毁道路。').findings.find((x) => x.ruleId === 'tao.zhengzhi.yi-jingshen')!
    expect(g.fix).toEqual({ op: 'delete' })
    // Findings without a fix are left alone.
    expect(applyFix('甲乙', { start: 0, end: 1 })).toBe('甲乙')
  })

  it('some default rules carry a fix, each shown by an example', () => {
    const withFix = base.rules.filter((r) => 'fix' in r && r.fix)
    expect(withFix.length).toBeGreaterThanOrEqual(4)
    for (const r of withFix) expect(r.examples.bad.some((e) => typeof e !== 'string' && e.fixed), r.id).toBe(true)
  })

  it('checks a fixed example: wrong text, a fix that leaves the rule firing, no fix, no example', () => {
    const good = ['各校每月抽查一次校车。']
    const ok = withRule({ fix: { op: 'delete' }, examples: { bad: [{ text: '各校<m>务必要求</m>安装定位器。', fixed: '各校安装定位器。' }], good } })
    expect(problems(ok)).toEqual([])
    const wrong = withRule({ fix: { op: 'delete' }, examples: { bad: [{ text: '各校<m>务必要求</m>安装定位器。', fixed: '各校要安装定位器。' }], good } })
    expect(problems(wrong)[0]).toMatch(/采纳后应为/)
    const same = withRule({ fix: { op: 'replace', text: '务必要求' }, examples: { bad: [{ text: '各校<m>务必要求</m>安装定位器。', fixed: '各校务必要求安装定位器。' }], good } })
    expect(problems(same)[0]).toMatch(/仍在原处触发/)
    const noFix = withRule({ examples: { bad: [{ text: '各校<m>务必要求</m>安装定位器。', fixed: '各校安装定位器。' }], good } })
    expect(problems(noFix)[0]).toMatch(/没有 fix/)
    const noExample = withRule({ fix: { op: 'delete' }, examples: { bad: ['各校<m>务必要求</m>安装定位器。'], good } })
    expect(problems(noExample)[0]).toMatch(/至少要有一个/)
  })

  it('rejects a fix on a rule whose span is not the words at fault, and an empty replacement', () => {
    const cap = base.rules.find((r) => r.kind === 'length-cap')!
    const res = RuleSetSchema.safeParse({ ...base, rules: base.rules.map((r) => (r === cap ? { ...r, fix: { op: 'delete' } } : r)) })
    expect(res.success).toBe(false)
    expect(() => withRule({ fix: { op: 'replace', text: '' }, examples: { bad: ['<m>务必要求</m>'], good: ['无'] } })).toThrow()
  })
})
