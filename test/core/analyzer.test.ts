import { describe, expect, it, vi } from 'vitest'
import { createAnalyzer, decideFiling, DIMENSION_OF, defaultRuleSet, fingerprint, formatZodError, ReportSchema, RuleSetSchema, type SentenceClassifier } from '../../core'

/**
 * These tests exercise the engine's mechanics (guards, scoring, caps), not which rules have
 * earned the default tier on real text: every rule and the model in the default tier here.
 */
const everyRule = (() => {
  const rs = defaultRuleSet()
  return { ...rs, tiers: { ...rs.tiers, model: { tao: 'default', burden: 'default' } }, rules: rs.rules.map((r) => ({ ...r, tier: 'default' })) } as ReturnType<typeof defaultRuleSet>
})()

const CONCISE = [
  '关于调整城区公交线路的通知',
  '各有关单位：',
  '自12月1日起，8路公交车改经人民路，取消东门站，新增体育馆站。',
  '首末班时间不变，票价仍为1元。',
  '联系电话：0000-1234567。',
].join('\n')

const PADDED = [
  '关于进一步做好城区公交服务工作的通知',
  '为深入贯彻落实全市交通工作会议精神，结合我市实际，制定本方案。',
  '一、充分认识做好公交服务工作的重要意义',
  '各单位要高度重视，切实提高政治站位，以钉钉子精神扎实推进各项工作。',
  '要凝心聚力、攻坚克难，确保取得实实在在的成效。',
  '各单位要建立工作台账，每日报送工作进展照片。',
  '以上通知，请认真贯彻执行。',
].join('\n')

describe('analyze', () => {
  const analyzer = createAnalyzer({ ruleSet: everyRule })

  it('returns a report that matches the exported schema', () => {
    const r = analyzer.analyzeSync(PADDED)
    expect(() => ReportSchema.parse(r)).not.toThrow()
    expect(r.docType).toBe('通知')
    expect(r.docTypeSource).toBe('title')
    expect(r.title).toBe('关于进一步做好城区公交服务工作的通知')
  })

  it('maps every finding to an exact span of the input', () => {
    const r = analyzer.analyzeSync(PADDED)
    expect(r.findings.length).toBeGreaterThan(0)
    for (const f of r.findings) {
      expect(f.end).toBeGreaterThan(f.start)
      expect(f.end).toBeLessThanOrEqual(PADDED.length)
      if (f.message.startsWith('「')) expect(f.message.slice(1, f.message.indexOf('」'))).toBe(PADDED.slice(f.start, f.end))
    }
  })

  it('traces every point lost to findings', () => {
    const r = analyzer.analyzeSync(PADDED)
    const lost = r.breakdown.reduce((a, b) => a + b.lost, 0)
    const points = r.findings.reduce((a, f) => a + f.points, 0)
    expect(Math.abs(lost - points)).toBeLessThan(0.05)
    expect(Math.abs(100 - lost - r.score)).toBeLessThan(0.11)
    for (const b of r.breakdown) {
      const mine = r.findings.filter((f) => DIMENSION_OF[f.category] === b.dimension)
      expect(mine.length).toBe(b.findings)
      expect(Math.abs(mine.reduce((a, f) => a + f.points, 0) - b.lost)).toBeLessThan(0.05)
      expect(b.score).toBeCloseTo(b.max - b.lost, 5)
    }
  })

  it('scores a concise, substantive notice above a padded, formulaic one', () => {
    const concise = analyzer.analyzeSync(CONCISE)
    const padded = analyzer.analyzeSync(PADDED)
    expect(concise.score).toBeGreaterThanOrEqual(90)
    expect(padded.score).toBeLessThan(concise.score - 20)
    expect(padded.flags.frame).toBe(true)
  })

  it('handles empty and whitespace-only text', () => {
    for (const t of ['', '  \n\u3000 ']) {
      const r = analyzer.analyzeSync(t)
      expect(r.chars).toBe(0)
      expect(r.findings).toEqual([])
      expect(r.sentences.total).toBe(0)
    }
  })

  it('re-analyses only the edited sentence', () => {
    const a = createAnalyzer({ ruleSet: everyRule })
    a.analyzeSync(PADDED)
    const before = a.stats()
    a.analyzeSync(PADDED.replace('每日报送工作进展照片', '每周报送一次工作进展'))
    const after = a.stats()
    expect(after.sentenceRuns - before.sentenceRuns).toBe(1)
    expect(after.sentenceReuses - before.sentenceReuses).toBeGreaterThanOrEqual(5)
  })

  it('detects the 文种 from options, title and content, and marks 专项 documents', () => {
    expect(analyzer.analyzeSync('同志们：\n今天开会。', {}).docType).toBe('讲话')
    expect(analyzer.analyzeSync('今天开会。', { docType: '纪要' }).docTypeSource).toBe('option')
    const s = analyzer.analyzeSync('关于开展燃气安全专项整治的通知\n各镇要在3月底前完成排查。')
    expect(s.special).toBe(true)
    expect(s.cap).toBe(4000)
  })
})

describe('length caps', () => {
  it('uses the selected preset and unit overrides', () => {
    const rs = everyRule
    const text = '关于申请拨付防汛经费的请示\n' + '东山镇申请拨付防汛经费30万元。'.repeat(70)
    const national = createAnalyzer({ ruleSet: rs }).analyzeSync(text)
    expect(national.cap).toBe(5000)
    expect(national.flags.overCap).toBe(false)
    const taiyuan = createAnalyzer({ ruleSet: rs, capPreset: 'taiyuan' }).analyzeSync(text)
    expect(taiyuan.cap).toBe(800)
    expect(taiyuan.flags.overCap).toBe(true)
    const f = taiyuan.findings.find((x) => x.ruleId === 'length.cap')!
    expect(f.end).toBe(text.length)
    expect(taiyuan.breakdown.find((b) => b.dimension === 'concise')!.lost).toBeGreaterThanOrEqual(10)
    const unit = createAnalyzer({ ruleSet: { ...rs, caps: { ...rs.caps, overrides: { 请示: 2000 } } } }).analyzeSync(text)
    expect(unit.cap).toBe(2000)
    expect(unit.capSource).toBe('本单位设定')
  })

  it('refuses an unknown preset clearly', () => {
    expect(() => createAnalyzer({ capPreset: 'nowhere' }).analyzeSync('一句话。')).toThrow(/篇幅预设「nowhere」不存在/)
  })
})

describe('copy detection', () => {
  const superior = '各市要在汛期到来之前全面完成病险水库除险加固任务，并组织专家逐座验收。全省各地要建立水库安全责任人名录，向社会公布。'
  it('finds copied spans even when only the level words changed', () => {
    const a = createAnalyzer({ superior: [fingerprint(superior, { id: 'sup-1', title: '省防汛通知' })] })
    const r = a.analyzeSync('关于做好水库安全度汛的通知\n各县要在汛期到来之前全面完成病险水库除险加固任务，并组织专家逐座验收。全市各地要建立水库安全责任人名录，向社会公布。')
    expect(r.flags.copiedShare).toBeGreaterThan(0.8)
    const copy = r.findings.filter((f) => f.category === 'copy')
    expect(copy.some((f) => f.severity === 'error')).toBe(true)
    expect(r.breakdown.find((b) => b.dimension === 'originality')!.lost).toBe(10)
  })

  it('reports no copying for new content', () => {
    const a = createAnalyzer({ superior: [fingerprint(superior, { id: 'sup-1' })] })
    const r = a.analyzeSync('东山水库和青石水库由县水利局负责加固，5月20日前完工。')
    expect(r.flags.copiedShare).toBe(0)
    expect(r.findings.filter((f) => f.category === 'copy')).toEqual([])
  })

  it('reports null when no superior document is loaded', () => {
    expect(createAnalyzer().analyzeSync('一句话。').flags.copiedShare).toBeNull()
  })
})

describe('classifier', () => {
  const fake = (p: (s: string) => { tao: number; burden: number }): SentenceClassifier & { calls: string[][] } => {
    const calls: string[][] = []
    return { id: 'fake', thresholds: { tao: 0.5, burden: 0.5 }, calls, predict: async (s) => (calls.push(s), s.map(p)) }
  }

  it('adds model findings where the rules were silent: 套话 on the sentence, 增负 only on a demand it can name', async () => {
    const c = fake((s) => ({ tao: s.includes('光芒') ? 0.9 : 0.1, burden: s.includes('网格员') || s.includes('群里') ? 0.8 : 0.1 }))
    // Demand rules off, so the rules are silent on the demand and the model speaks for it.
    const ruleSet = { ...everyRule, rules: everyRule.rules.map((r) => (r.kind === 'demand' ? { ...r, enabled: false } : r)) }
    const a = createAnalyzer({ classifier: c, ruleSet })
    const text = '让田野闪耀希望的光芒。\n各网格员每晚将走访记录本交镇综治办。\n去年各村每晚在群里说明当天进度。\n东山桥12月完工。'
    const r = await a.analyze(text)
    expect(r.classifier.used).toBe(true)
    const model = r.findings.filter((f) => f.origin === 'model')
    // The burden mark covers the demanded action and names it; the past practice gets none.
    expect(model.map((f) => [f.category, text.slice(f.start, f.end)])).toEqual([
      ['tao', '让田野闪耀希望的光芒。'],
      ['burden', '每晚将走访记录本'],
    ])
    expect(model[1]!.message).toContain('「每晚将走访记录本」')
    await a.analyze(text + '\n西山桥1月完工。')
    expect(c.calls.map((x) => x.length)).toEqual([4, 1])
  })

  it('asks the model only about sentences whose marks could be shown', async () => {
    // Bundled tiers: the model's 套话 marks are picky, its burden marks default (they need a demand).
    expect(defaultRuleSet().tiers.model).toEqual({ tao: 'picky', burden: 'default' })
    const c = fake(() => ({ tao: 0.1, burden: 0.1 }))
    const a = createAnalyzer({ classifier: c })
    await a.analyze('关于调整公交线路的通知\n8路公交车自12月1日起改经人民路。\n请各单位高度重视。')
    expect(c.calls).toEqual([])
    await a.analyze('关于做好防汛工作的通知\n各乡镇（街道）：\n各村每日报送巡查照片。\n东山桥12月完工。')
    expect(c.calls).toEqual([['各村每日报送巡查照片。']])
    const strict = fake(() => ({ tao: 0.1, burden: 0.1 }))
    await createAnalyzer({ classifier: strict, strict: true }).analyze('8路公交车改经人民路。\n请各单位高度重视。')
    expect(strict.calls.flat()).toHaveLength(2)
  })

  it('falls back to rules when the model fails, and says so', async () => {
    const a = createAnalyzer({ ruleSet: everyRule, classifier: { id: 'broken', thresholds: { tao: 0.5, burden: 0.5 }, predict: vi.fn().mockRejectedValue(new Error('wasm 加载失败')) } })
    const r = await a.analyze('各单位要高度重视。')
    expect(r.classifier.used).toBe(false)
    expect(r.classifier.note).toMatch(/wasm 加载失败/)
  })
})

describe('rule sets', () => {
  it('rejects a malformed set with the path of every error', () => {
    const bad = structuredClone(defaultRuleSet()) as any
    bad.rules[0].pattern = '(unclosed'
    bad.rules[0].kind = 'regex'
    delete bad.rules[1].examples
    bad.scoring.severityPoints.info = -1
    const res = RuleSetSchema.safeParse(bad)
    expect(res.success).toBe(false)
    const lines = formatZodError(res.error!)
    expect(lines.some((l) => l.startsWith('scoring.severityPoints.info'))).toBe(true)
    expect(lines.some((l) => l.startsWith('rules.1'))).toBe(true)
  })

  it('rejects duplicate rule ids', () => {
    const rs = defaultRuleSet()
    const res = RuleSetSchema.safeParse({ ...rs, rules: [rs.rules[0], rs.rules[0]] })
    expect(res.success).toBe(false)
    expect(formatZodError(res.error!).join('\n')).toMatch(/规则 id 重复/)
  })
})

describe('filing policy', () => {
  const rs = everyRule
  const a = createAnalyzer({ ruleSet: rs })
  it('passes a clean document and asks for a reason for a disguised directive', () => {
    expect(decideFiling(a.analyzeSync(CONCISE), rs.filing).action).toBe('pass')
    const disguised = a.analyzeSync('关于做好秋收秸秆禁烧的工作提示\n各乡镇要立即组织网格员开展巡查。\n各村要在11月5日前完成秸秆清运。\n请于每周五前将巡查记录报送县禁烧办。')
    expect(disguised.flags.disguisedDirective).toBe(true)
    const d = decideFiling(disguised, rs.filing)
    expect(d.action).toBe('justify')
    expect(d.reasons.join()).toMatch(/隐形变异/)
  })
  it('blocks below the block threshold', () => {
    const r = { ...a.analyzeSync(CONCISE), score: 10 }
    expect(decideFiling(r, rs.filing).action).toBe('block')
  })
})

describe('guards', () => {
  const a = createAnalyzer({ ruleSet: everyRule })
  const cats = (t: string) => a.analyzeSync(t, { docType: '其他' }).findings.map((f) => `${f.category}:${t.slice(f.start, f.end)}`)

  it('does not take ordinary words for numbers', () => {
    expect(cats('各部门要高度重视，一起抓好落实。').some((c) => c.startsWith('tao:'))).toBe(true)
    expect(cats('各部门要高度重视，三项任务6月底前完成。').some((c) => c.startsWith('tao:'))).toBe(false)
  })

  it('reads prohibitions in the same clause, straddling the match, or opening the sentence', () => {
    expect(cats('各村不另行报送纸质材料。').some((c) => c.startsWith('burden:'))).toBe(false)
    expect(cats('不得以检查为名，要求基层每日报送工作台账。').some((c) => c.startsWith('burden:'))).toBe(false)
    expect(cats('各村不得虚报数据，每日报送拆除进度。').some((c) => c.startsWith('burden:'))).toBe(true)
  })

  it('takes a criticised stock phrase as criticism', () => {
    expect(cats('严禁以高度重视代替具体措施。').some((c) => c.startsWith('tao:'))).toBe(false)
  })

  it('treats problem reports as reports, but a demand about problems as a demand', () => {
    expect(cats('调研发现，有的村每日报送工作台账。').some((c) => c.startsWith('burden:'))).toBe(false)
    expect(cats('对存在隐患的企业，各乡镇每日报送整改进度。').some((c) => c.startsWith('burden:'))).toBe(true)
  })

  it('measures 实在 density against a floor, so one phrase does not sink a short notice', () => {
    const r = a.analyzeSync('关于转发安全生产文件的通知\n现将文件转发给你们，请认真贯彻落实。')
    expect(r.breakdown.find((b) => b.dimension === 'substance')!.lost).toBeLessThan(15)
  })
})
