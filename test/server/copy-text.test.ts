import { describe, expect, it } from 'vitest'
import { copyField, copyLine } from '../../server/db/copy-text'

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

  it('一行一条记录：按给定列序取字段，以制表符分隔，换行结尾', () => {
    const fields = ['x', '1', copyField('y\n'), copyField(null)]
    expect(copyLine(fields, [0, 1, 2, 3])).toBe('x\t1\ty\\n\t\\N\n')
    expect(copyLine(fields, [3, 0])).toBe('\\N\tx\n')
    expect(copyLine(fields, [2])).toBe('y\\n\n')
  })
})
