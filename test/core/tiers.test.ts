import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAnalyzer, defaultRuleSet, defaultRuleSetInput, proposeDemotion, RuleSetSchema } from '../../core'
import { SHARED_DIR } from '../../models/train/data'
import { corpusFindings } from '../../models/audit/findings'
import { loadJudgments } from '../../models/audit/judgments'
import { auditRules, wilson } from '../../models/audit/precision'

describe('the bundled rule set', () => {
  it('is exactly what the schema makes of it, so no parse is needed at run time', () => {
    expect(defaultRuleSet()).toEqual(RuleSetSchema.parse(defaultRuleSetInput))
  })

  it('accepts a rule set published before demand reading and tiers, with the bundled policy', () => {
    const { demand: _d, calendar: _c, tiers: _t, ...old } = structuredClone(defaultRuleSetInput) as Record<string, unknown>
    const rs = RuleSetSchema.parse(old)
    expect(rs.demand).toEqual(defaultRuleSet().demand)
    expect(rs.tiers.minPrecision).toBe(0.9)
    expect(createAnalyzer({ ruleSet: old as never }).analyzeSync('各乡镇要每周报送工作台账。').demands.length).toBeGreaterThan(0)
  })

  it('is compiled once and shared by every analyzer made from it', () => {
    expect(createAnalyzer().ruleSet).toBe(createAnalyzer().ruleSet)
    const input = structuredClone(defaultRuleSetInput)
    expect(createAnalyzer({ ruleSet: input }).ruleSet).toBe(createAnalyzer({ ruleSet: input }).ruleSet)
  })
})

describe('tiers come from judged precision on real documents', () => {
  it('computes Wilson intervals that hold the point estimate', () => {
    const [lo, hi] = wilson(9, 10)
    expect(lo).toBeLessThan(0.9)
    expect(hi).toBeGreaterThan(0.9)
    expect(wilson(0, 0)).toEqual([0, 1])
  })

  it('proposes a demotion only for a default-tier rule the field keeps calling 误报', () => {
    const policy = defaultRuleSet().tiers // > 30% 误报 over ≥ 20 shown marks
    expect(proposeDemotion({ tier: 'default', hits: 40, falsePositives: 13 }, policy)).toBe(true)
    expect(proposeDemotion({ tier: 'default', hits: 40, falsePositives: 12 }, policy)).toBe(false)
    expect(proposeDemotion({ tier: 'default', hits: 10, falsePositives: 9 }, policy)).toBe(false)
    expect(proposeDemotion({ tier: 'picky', hits: 40, falsePositives: 30 }, policy)).toBe(false)
  })

  it('hides picky findings unless 严格模式 is on, and never scores them', () => {
    const rs = defaultRuleSet()
    const picky = rs.rules.find((r) => r.tier === 'picky' && r.kind === 'phrase')!
    expect(picky).toBeDefined()
    const phrase = (picky as { phrases: string[] }).phrases[0]!
    const text = `各单位要${phrase}。`
    const normal = createAnalyzer().analyzeSync(text)
    const strict = createAnalyzer({ strict: true }).analyzeSync(text)
    expect(normal.findings.some((f) => f.ruleId === picky.id)).toBe(false)
    const shown = strict.findings.filter((f) => f.ruleId === picky.id)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.every((f) => f.tier === 'picky' && f.points === 0)).toBe(true)
    expect(strict.score).toBe(normal.score)
  })

  it.skipIf(!existsSync(SHARED_DIR))('matches what the committed judgments earn on the corpus (npm run audit -- --write)', () => {
    const rs = defaultRuleSet()
    const { findings } = corpusFindings(rs)
    const audits = auditRules(rs, findings, loadJudgments())
    const drift = audits.filter((a) => a.earned !== a.tier).map((a) => `${a.ruleId}: 标为 ${a.tier}，应为 ${a.earned}`)
    expect(drift).toEqual([])
    for (const a of audits) if (a.tier === 'default' && a.fires > 0) expect(a.judged).toBeGreaterThanOrEqual(rs.tiers.minJudged)
  }, 120_000)
})
