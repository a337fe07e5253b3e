import { describe, expect, it } from 'vitest'
import { mapSpan, textEdit } from '../../extension/lib/marks/remap'

/** The text a span covers after the edit, or null when the edit swallowed it. */
function follow(before: string, after: string, word: string): string | null {
  const start = before.indexOf(word)
  const span = mapSpan({ start, end: start + word.length }, textEdit(before, after))
  return span ? after.slice(span.start, span.end) : null
}

describe('marks re-mapped by text offsets', () => {
  const before = '各单位要高度重视，以敢打硬仗的精神推进拆迁。'
  it('keeps spans before an edit and shifts those after it', () => {
    const after = before.replace('推进', '全力推进')
    expect(follow(before, after, '高度重视')).toBe('高度重视')
    expect(follow(before, after, '拆迁')).toBe('拆迁')
    expect(follow(before, after + '新增一句。', '以敢打硬仗的精神')).toBe('以敢打硬仗的精神')
  })

  it('grows a span typed into and shrinks one partly deleted, as a live range would', () => {
    expect(follow(before, before.replace('高度重视', '高度地重视'), '高度重视')).toBe('高度地重视')
    expect(follow(before, before.replace('重视，以', '以'), '高度重视')).toBe('高度')
  })

  it('drops a span the edit removed, and text typed right after a span stays outside it', () => {
    expect(follow(before, before.replace('高度重视', ''), '高度重视')).toBeNull()
    expect(follow(before, before.replace('高度重视', '高度重视工作'), '高度重视')).toBe('高度重视')
  })

  it('finds no edit when the text is the same (a re-render of identical text)', () => {
    expect(textEdit(before, before)).toBeNull()
    expect(follow(before, before, '精神')).toBe('精神')
  })
})
