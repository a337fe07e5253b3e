import { describe, expect, it } from 'vitest'
import { copyField, copyText } from '../../server/db/copy-text'

describe('COPY 文本格式', () => {
  it('转义反斜杠、制表符、换行与回车；NULL 为 \\N', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re')
    // The text "\N" is not NULL: its backslash is escaped.
    expect(copyField('\\N')).toBe('\\\\N')
    expect(copyField(null)).toBe('\\N')
    expect(copyField(undefined)).toBe('\\N')
    expect(copyField('公文')).toBe('公文')
  })

  it('数字与布尔照写，数组与对象写成 JSON（其中的特殊字符同样转义）', () => {
    expect(copyField(12.5)).toBe('12.5')
    expect(copyField(false)).toBe('false')
    expect(copyField(['tao.a', 'x\ty'])).toBe('["tao.a","x\\\\ty"]')
  })

  it('每行一条记录，按给定列序，以制表符分隔', () => {
    const rows = [{ b: 1, a: 'x' }, { a: 'y\n', b: null }]
    expect(copyText(rows, ['a', 'b'])).toBe('x\t1\ny\\n\t\\N\n')
    expect(copyText([], ['a'])).toBe('')
  })
})
