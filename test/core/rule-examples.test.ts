import { describe, expect, it } from 'vitest'
import { defaultRuleSet, runRuleExamples, needsMarkerForTest } from './helpers'

const ruleSet = defaultRuleSet()
const results = runRuleExamples(ruleSet)

describe('default rule set', () => {
  it('has real breadth: at least 300 rules across the categories', () => {
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(300)
    const cats = new Set(ruleSet.rules.map((r) => r.category))
    expect([...cats].sort()).toEqual(['burden', 'copy', 'disguise', 'escalation', 'frame', 'length', 'tao'])
  })

  it('every sentence rule marks the span its bad examples must hit', () => {
    for (const r of ruleSet.rules.filter(needsMarkerForTest))
      for (const ex of r.examples.bad) expect(typeof ex === 'string' ? ex : ex.text, r.id).toMatch(/<m>.+<\/m>/s)
  })
})

describe.each(ruleSet.rules.map((r) => [r.id] as const))('rule %s', (id) => {
  it('fires on its bad examples at the marked span and stays quiet on its good ones', () => {
    const mine = results.filter((r) => r.ruleId === id)
    expect(mine.length).toBeGreaterThanOrEqual(2)
    expect(mine.filter((r) => !r.ok).map((r) => `${r.kind}#${r.index}: ${r.problem} — ${r.text}`)).toEqual([])
  })
})
