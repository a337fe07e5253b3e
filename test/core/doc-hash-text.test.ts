import { describe, expect, it } from 'vitest'
import { docHashText } from '../../core'

describe('docHashText', () => {
  it('reads a textarea draft and the same document as an HTML page alike', () => {
    const typed = '各乡镇（街道）：\r\n\r\n　　请于每周五前报送进展。\n\n县农业农村局\n2026年5月12日\n'
    const shown = '各乡镇（街道）：\n\u00a0\u00a0请于每周五前报送进展。\n县农业农村局\n\u200b2026年5月12日'
    expect(docHashText(typed)).toBe(docHashText(shown))
    expect(docHashText(typed)).toBe('各乡镇（街道）：请于每周五前报送进展。县农业农村局2026年5月12日')
  })

  it('keeps every word: a changed character is another document', () => {
    expect(docHashText('请于每周五前报送。')).not.toBe(docHashText('请于每周四前报送。'))
  })
})
