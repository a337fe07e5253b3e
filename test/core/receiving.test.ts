import { describe, expect, it } from 'vitest'
import { createAnalyzer, filedBurden } from '../../core'

const notice = [
  '关于开展秸秆禁烧工作的通知',
  '各乡镇（街道）、县直各单位、东山镇人民政府：',
  '各乡镇要建立巡查台账，至6月30日每周五报送进展情况，每月召开一次调度会。',
  '县农业农村局将对各乡镇开展督查。',
  '请于5月20日前报送工作方案。',
  '县农业农村局',
  '2026年5月12日',
].join('\n')

describe('what a document adds to its recipients', () => {
  const r = createAnalyzer().analyzeSync(notice)

  it('parses the 主送 line into recipients, brackets kept', () => {
    expect(r.recipients.map(({ text, group, all }) => ({ text, group, all }))).toEqual([
      { text: '各乡镇（街道）', group: 'township', all: true },
      { text: '县直各单位', group: 'department', all: true },
      { text: '东山镇人民政府', group: 'township', all: false },
    ])
    for (const x of r.recipients) expect(notice.slice(x.start, x.end)).toBe(x.text)
  })

  it('profiles the demands by module, with recurring ones and their period', () => {
    expect(r.burden.modules['留痕']).toEqual({ demands: 1, burdens: 1, recurring: 0 })
    expect(r.burden.modules['报表材料']).toMatchObject({ demands: 2, recurring: 1 })
    expect(r.burden.modules['会议文件']).toMatchObject({ demands: 1, recurring: 1 })
    expect(r.burden.recurring.map(({ module, frequency, until }) => ({ module, frequency, until }))).toEqual([
      { module: '报表材料', frequency: 'weekly', until: '2026-06-30' },
      { module: '会议文件', frequency: 'monthly', until: null },
    ])
    expect(r.burden.meetings).toBe(1)
    expect(r.burden.deadlines).toEqual([expect.objectContaining({ workdays: 6, date: '2026-05-20' })])
  })

  it('has no recipients and an empty profile for a text without a 主送 line or demands', () => {
    const plain = createAnalyzer().analyzeSync('东山桥12月完工。')
    expect(plain.recipients).toEqual([])
    expect(plain.burden.recurring).toEqual([])
    expect(Object.values(plain.burden.modules).every((m) => m.demands === 0)).toBe(true)
  })
})

describe('a draft of each monitoring module', () => {
  const a = createAnalyzer()
  const head = '各乡镇（街道）：\n'
  const cases: Array<[string, string, { recurring?: string }]> = [
    ['会议文件', '各乡镇分管负责同志每月参加一次全县防汛调度会。', { recurring: 'monthly' }],
    ['督查检查', '县应急局将于7月对各乡镇防汛物资储备开展专项督查，各乡镇要安排专人陪同检查。', {}],
    ['考核评比', '各乡镇防汛工作情况纳入年度考核，实行排名通报，并签订防汛责任书。', {}],
    ['报表材料', '各乡镇每周五前报送防汛物资储备统计表。', { recurring: 'weekly' }],
    ['留痕', '各村要建立巡堤查险工作台账，每次巡查拍照留存。', {}],
    ['政务APP', '各村网格员每日登录防汛APP打卡签到。', { recurring: 'daily' }],
  ]
  it.each(cases)('%s', (module, sentence, o) => {
    const r = a.analyzeSync(head + sentence, { title: '关于做好防汛工作的通知', today: '2026-06-01' })
    const b = filedBurden(r)
    expect(Object.keys(b.modules)).toEqual([module])
    expect(b.modules[module as keyof typeof b.modules]!.burdens).toBeGreaterThan(0)
    if (o.recurring) expect(b.recurring).toEqual([expect.objectContaining({ module, frequency: o.recurring })])
    expect(b.recipients).toEqual([{ text: '各乡镇（街道）', group: 'township', all: true }])
    // What leaves the machine: no word of the sentence beyond the 主送 phrase.
    expect(JSON.stringify(b)).not.toContain(sentence.slice(2, 8))
  })
})
