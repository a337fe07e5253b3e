import { describe, expect, it } from 'vitest'
import { charTotal, countChars } from '../../core'

describe('countChars', () => {
  it('counts hanzi, full-width punctuation and alphanumeric runs as Word does', () => {
    const c = countChars('全县5G基站达1200个，增长12.5%。GDP 同比增长。')
    expect(c.hanzi).toBe(12)
    expect(c.punct).toBe(3)
    expect(c.alnumRuns).toBe(4) // 5G, 1200, 12.5%, GDP
    expect(charTotal(c)).toBe(19)
  })

  it('ignores spaces and line breaks, counts full-width digits', () => {
    const c = countChars('二〇二六年　１２月\n 3 日')
    expect(c.hanzi).toBe(7) // 〇 is a hanzi
    expect(c.digits).toBe(3)
    expect(c.alnumRuns).toBe(2)
    expect(c.punct).toBe(0)
  })

  it('counts rare hanzi outside the basic plane once', () => {
    expect(countChars('𠀀字').hanzi).toBe(2)
  })
})
