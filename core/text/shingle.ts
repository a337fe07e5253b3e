/**
 * Character shingles for copy detection. The text is reduced to hanzi, digits and letters, and
 * level words (省/市/县/区/镇/乡…) are folded into one symbol, so that a document copied with
 * only 全省 → 全市 changed still matches.
 */

export const DEFAULT_SHINGLE = 8
const LEVEL_CHARS = new Set(['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡', '街', '村'])
const FOLDED = '□'

export interface Normalized {
  chars: string
  /** Original offset of each normalized character. */
  offsets: number[]
}

export function normalizeForShingles(text: string, start = 0, end = text.length): Normalized {
  let chars = ''
  const offsets: number[] = []
  for (let i = start; i < end; i++) {
    const ch = text[i]!
    const c = ch.charCodeAt(0)
    const keep = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
    if (!keep) continue
    chars += LEVEL_CHARS.has(ch) ? FOLDED : ch.toLowerCase()
    offsets.push(i)
  }
  return { chars, offsets }
}

/** FNV-1a, 32 bit: small, fast and identical in every JavaScript runtime. */
export function hashString(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function shingleHashes(chars: string, k: number): number[] {
  const out: number[] = []
  for (let i = 0; i + k <= chars.length; i++) out.push(hashString(chars, i, i + k))
  return out
}
