import { describe, expect, it } from 'vitest'
import { segment } from '../../core'

const texts = (t: string) => segment(t).sentences.map((s) => s.text)

describe('segment', () => {
  it('keeps exact offsets into the original string', () => {
    const t = '  一、总体要求\r\n各村要在6月底前完成改厕。各户补助800元！\n\n　　（一）工作目标。全年新建公厕12座；改造旧厕30座？'
    for (const s of segment(t).sentences) expect(t.slice(s.start, s.end)).toBe(s.text)
    expect(texts(t)).toEqual(['一、总体要求', '各村要在6月底前完成改厕。', '各户补助800元！', '（一）工作目标。', '全年新建公厕12座；', '改造旧厕30座？'])
  })

  it('marks headings, standalone and run-in', () => {
    const s = segment('二、保障措施\n（三）强化督导。县纪委每季度抽查一次。\n1.资金保障\n第二条 本办法自印发之日起施行。').sentences
    expect(s.filter((x) => x.heading).map((x) => x.text)).toEqual(['二、保障措施', '（三）强化督导。', '1.资金保障', '第二条 本办法自印发之日起施行。'])
  })

  it('splits enumerations 一是……二是……', () => {
    expect(texts('主要做法有：一是建立周调度机制，二是设立专班，三是每月通报进度。')).toEqual([
      '主要做法有：',
      '一是建立周调度机制，',
      '二是设立专班，',
      '三是每月通报进度。',
    ])
  })

  it('keeps closing quotes and ellipses with their sentence', () => {
    expect(texts('他强调：“要马上就办。”随后散会……下一项议程是预算。')).toEqual(['他强调：“要马上就办。”', '随后散会……', '下一项议程是预算。'])
  })

  it('handles half-width punctuation, stray spaces and empty input', () => {
    expect(texts('Step one done!  Next step?  ok')).toEqual(['Step one done!', 'Next step?', 'ok'])
    expect(segment('').sentences).toEqual([])
    expect(segment(' \n\u3000\n ').sentences).toEqual([])
    expect(texts('。。。\n，，')).toEqual([])
  })

  it('numbers paragraphs', () => {
    const s = segment('甲。乙。\n丙。').sentences
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1])
  })
})
