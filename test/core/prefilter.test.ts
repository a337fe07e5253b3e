import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultRuleSet, expandExample, segment } from '../../core'
import { requiredLiterals } from '../../core/rules/prefilter'

describe('requiredLiterals', () => {
  it.each([
    ['每日(?<m>报送|上报)', ['每日']],
    ['(?:每|逐)(?<m>报送|上报)', ['报送', '上报']],
    ['(?:加强|强化)[^，]{1,6}，\\k<v>', ['加强', '强化']],
    ['逢\\p{Script=Han}{1,4}?必', ['逢']],
    ['台账?管理', ['管理']],
    ['(?<!不)打卡', ['打卡']],
    ['[每逐](日|天)', ['日', '天']],
    ['[每逐]\\d', null],
    ['a|\\d+', null],
  ])('%s → %j', (source, expected) => {
    const got = requiredLiterals(source)
    if (expected === null) expect(got).toBeNull()
    else expect([...got!].sort()).toEqual([...expected].sort())
  })
})

describe('prefilter soundness', () => {
  it('never skips a sentence that a rule regex matches (examples and the shared corpus)', () => {
    const rules = defaultRuleSet().rules.filter((r) => r.kind === 'regex')
    const texts: string[] = []
    for (const r of defaultRuleSet().rules) for (const ex of [...r.examples.bad, ...r.examples.good]) texts.push(...segment(expandExample(ex).text).sentences.map((s) => s.text))
    const corpus = resolve(import.meta.dirname, '../../../shared/corpus')
    if (existsSync(corpus))
      for (const d of readdirSync(corpus)) if (existsSync(join(corpus, d)) && !d.includes('.')) for (const f of readdirSync(join(corpus, d)).filter((x) => x.endsWith('.txt')).slice(0, 6)) texts.push(...segment(readFileSync(join(corpus, d, f), 'utf8')).sentences.map((s) => s.text))
    expect(texts.length).toBeGreaterThan(2000)
    const unsound: string[] = []
    let skipped = 0
    for (const r of rules) {
      if (r.kind !== 'regex') continue
      const lits = requiredLiterals(r.pattern)
      const re = new RegExp(r.pattern, 'u')
      for (const t of texts) {
        const pass = !lits || lits.some((l) => t.includes(l))
        if (!pass) skipped++
        if (!pass && re.test(t)) unsound.push(`${r.id}: ${t}`)
      }
    }
    expect(unsound).toEqual([])
    expect(skipped).toBeGreaterThan(texts.length * rules.length * 0.5) // it does prune most work
  })
})
