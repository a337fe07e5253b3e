import { describe, expect, it } from 'vitest'
import { createAnalyzer, type Report } from '../../core'
import { readDemands } from '../../core/demand/read'
import { resolveDeadline, findIssueDate, readNumber } from '../../core/demand/deadline'
import { workdaysBetween } from '../../core/demand/calendar'
import { defaultRuleSet } from '../../core'

// Sentences written for these tests; each class is one the precision issue named.
const strict = createAnalyzer({ strict: true })
const burden = (r: Report) => r.findings.filter((f) => f.category === 'burden')
const words = (text: string, r: Report) => r.demands.map((d) => text.slice(d.start, d.end))

describe('demand reading: who is asked, and whether it is a demand at all', () => {
  it('reads a demand on lower levels with its kind, actor, modality and frequency', () => {
    const text = '各乡镇要建立走访台账，每周五前报送进展情况。'
    const r = strict.analyzeSync(text)
    expect(r.demands.map(({ kind, actor, modality, frequency, burden }) => ({ kind, actor, modality, frequency, burden }))).toEqual([
      { kind: 'ledger', actor: 'lower', modality: 'require', frequency: null, burden: true },
      { kind: 'report', actor: 'lower', modality: 'require', frequency: 'weekly', burden: true },
    ])
    expect(words(text, r)).toEqual(['建立走访台账', '每周五前报送'])
    expect(burden(r).length).toBeGreaterThan(0)
  })

  it.each([
    ['the issuer describing its own work', '本局每周对辖区重点企业开展一次安全巡查。'],
    ['a past achievement', '去年已将涉企审批时限压缩一半，各乡镇每月报送的报表减少了三成。'],
    ['equipment, not people', '重点排污单位安装24小时在线监测设备，数据自动上传。'],
    ['a measure that reduces the burden', '推行一次采集、多方共享，减少基层填表报数。'],
    ['a prohibition that governs the next clause', '不得以督查为名，要求基层每周报送工作台账。'],
    ['regulated enterprises', '各供水企业要每月将水质检测报告报送区水务局。'],
    ['an encouragement', '鼓励各村使用便民服务APP登记需求。'],
    ['a problem found, narrated', '督查发现，有的乡镇要求村干部每天在群里打卡。'],
  ])('puts no burden on others for %s', (_, text) => {
    const r = strict.analyzeSync(text)
    expect(r.demands.filter((d) => d.burden)).toEqual([])
    expect(burden(r)).toEqual([])
  })

  it('carries the actor into items split at ；', () => {
    const text = '各街道要做好以下工作：\n（一）建立困难群众走访台账；\n（二）每月5日前报送走访情况。'
    const r = strict.analyzeSync(text)
    expect(r.demands.filter((d) => d.burden).map((d) => d.actor)).toEqual(['lower', 'lower'])
  })

  it('reads the upkeep of a table with no 台账 word', () => {
    const { readings } = readDemands('各村要按月更新《困难群众走访情况统计表》。')
    expect(readings.map((r) => [r.kind, r.frequency])).toEqual([['form', 'monthly']])
  })

  it('reads a subjectless task line as a demand on the addressees only in a directive 文种', () => {
    const notice = createAnalyzer({ strict: true }).analyzeSync('每周五前报送防汛物资清单。', { docType: '通知' })
    const report = createAnalyzer({ strict: true }).analyzeSync('每周五前报送防汛物资清单。', { docType: '政府工作报告' })
    expect(notice.demands.map((d) => [d.actor, d.modality, d.burden])).toEqual([['addressee', 'imperative', true]])
    expect(report.demands).toEqual([])
  })

  it('names the demanded words in the message, never the whole sentence', () => {
    const text = '各村（社区）每周一上午将上周巡查照片上传至镇平台。'
    const f = burden(strict.analyzeSync(text))
    expect(f.length).toBe(1)
    expect(text.slice(f[0]!.start, f[0]!.end)).not.toBe(text)
    expect(f[0]!.message).toContain(`「${text.slice(f[0]!.start, f[0]!.end)}」`)
  })
})

describe('deadlines against the 成文日期', () => {
  const cal = defaultRuleSet().calendar
  it('reads Chinese numbers', () => {
    expect([readNumber('十'), readNumber('二十三'), readNumber('三十一'), readNumber('两'), readNumber('12')]).toEqual([10, 23, 31, 2, 12])
  })

  it('counts working days over weekends, holidays and 调休 working Saturdays', () => {
    expect(workdaysBetween('2026-09-30', '2026-10-08', cal)).toBe(1) // 国庆 10月1日—7日
    expect(workdaysBetween('2026-10-09', '2026-10-10', cal)).toBe(1) // 10月10日（周六）调休上班
    expect(workdaysBetween('2026-05-15', '2026-05-18', cal)).toBe(1) // 周五 → 周一
  })

  it.each([
    ['次日', '2026-03-02', 1],
    ['当天', '2026-03-02', 0],
    ['3个工作日内', '2026-03-02', 3],
    ['48小时内', '2026-03-06', 0],
    ['5月20日前', '2026-05-19', 1],
    ['1月10日前', '2026-12-28', 8],
  ])('resolves %s issued %s to %i working days', (phrase, issued, days) => {
    expect(resolveDeadline(phrase, issued, cal)?.workdays).toBe(days)
  })

  const notice = (body: string, date: string) => `关于报送防汛物资储备情况的通知\n各乡镇：\n${body}\n县应急管理局\n${date}`
  it('flags a deadline one working day after the 成文日期, and not a reasonable one', () => {
    const short = strict.analyzeSync(notice('请于5月20日前报送防汛物资储备清单。', '2026年5月19日'))
    const fair = strict.analyzeSync(notice('请于5月29日前报送防汛物资储备清单。', '2026年5月19日'))
    expect(short.issued).toBe('2026-05-19')
    expect(short.findings.filter((f) => f.ruleId === 'burden.deadline.short').length).toBe(1)
    expect(short.demands[0]).toMatchObject({ deadline: '5月20日前', deadlineDate: '2026-05-20', workdays: 1, burden: true })
    expect(fair.findings.filter((f) => f.ruleId === 'burden.deadline.short')).toEqual([])
    expect(fair.demands[0]).toMatchObject({ workdays: 8, burden: false })
  })

  it('takes today from the editor when the draft has no 成文日期 yet', () => {
    const a = createAnalyzer({ strict: true })
    const text = '各乡镇：\n请于次日中午前报送统计数据。'
    const r = a.analyzeSync(text, { today: '2026-03-04' })
    expect(r.issued).toBe('2026-03-04')
    expect(r.demands[0]).toMatchObject({ deadline: '次日', workdays: 1, burden: true })
    // One mark on the deadline (a hand-written deadline rule may hold it instead of the generic one).
    expect(r.findings.filter((f) => f.category === 'burden' && text.slice(f.start, f.end).includes('次日')).length).toBe(1)
  })

  it('reads the 成文日期 in Chinese numerals', () => {
    const r = strict.analyzeSync(notice('请于三月六日前报送。', '二〇二六年三月五日'))
    expect(r.issued).toBe('2026-03-05')
  })

  it('finds no issue date in a body without one', () => {
    expect(findIssueDate([])).toBeNull()
  })
})
