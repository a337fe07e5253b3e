import type { CharCounts } from '../schema/report'

/**
 * How banwen counts 字 (documented in docs/counting.md):
 * - every 汉字 counts 1;
 * - every full-width punctuation mark (，。、；：？！“”‘’（）《》【】…—·) counts 1;
 * - a run of digits and Latin letters (2024, GDP, 5G) counts 1, as Word's 字数 does;
 * - spaces, line breaks and half-width punctuation count 0.
 */
export function countChars(text: string, start = 0, end = text.length): CharCounts {
  let hanzi = 0
  let punct = 0
  let digits = 0
  let latin = 0
  let alnumRuns = 0
  let inRun = false
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i)
    // Surrogate pair: CJK extension B+ hanzi.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      hanzi++
      i++
      inRun = false
      continue
    }
    // Full-width digits and letters count like half-width ones.
    if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0
    const isDigit = c >= 0x30 && c <= 0x39
    const isLatin = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
    if (isDigit || isLatin) {
      if (isDigit) digits++
      else latin++
      if (!inRun) alnumRuns++
      inRun = true
      continue
    }
    // A decimal point or percent sign inside a number keeps the run going.
    if (inRun && (c === 0x2e || c === 0x25) ) continue
    inRun = false
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007) hanzi++
    else if (isFullWidthPunct(c)) punct++
  }
  return { hanzi, punct, digits, latin, alnumRuns }
}

function isFullWidthPunct(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x303f && c !== 0x3007) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2010 && c <= 0x2027) ||
    c === 0x00b7
  )
}

/** The 字数 a cap is compared with. */
export const charTotal = (c: CharCounts) => c.hanzi + c.punct + c.alnumRuns

/** Offset at which the running 字数 first exceeds `limit`, or -1. */
export function offsetBeyond(text: string, limit: number): number {
  let lo = 0
  let hi = text.length
  if (charTotal(countChars(text)) <= limit) return -1
  // Binary search on prefix counts: counting is monotone in the prefix length.
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (charTotal(countChars(text, 0, mid)) > limit) hi = mid
    else lo = mid + 1
  }
  return Math.max(0, lo - 1)
}
