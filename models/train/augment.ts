import type { Example } from './data'

const END = /[。！？；!?]+$/u
const HEADINGISH = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/u

/**
 * Long sentences made by joining 2–3 short ones, labelled by the rules of labels.md: the whole
 * is 套话 only if every part is (one concrete part saves it), and a burden if any part is.
 * Real documents run to long compound sentences; the hand-written data mostly does not.
 */
export function joinAugment(data: Example[], count: number, next: () => number): Example[] {
  const pool = data.filter((e) => e.text.length >= 8 && !HEADINGISH.test(e.text))
  const out: Example[] = []
  for (let i = 0; i < count && pool.length > 1; i++) {
    const n = 2 + (next() < 0.35 ? 1 : 0)
    const parts = Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]!)
    const sep = next() < 0.7 ? '，' : '；'
    const text = parts.map((p, k) => (k < n - 1 ? p.text.replace(END, '') : p.text)).join(sep)
    out.push({ text, y: [parts.every((p) => p.y[0]) ? 1 : 0, parts.some((p) => p.y[1]) ? 1 : 0] })
  }
  return out
}

/** Drops features at random during training, so no single n-gram carries a decision alone. */
export function dropout<T extends { uni: Int32Array; ngrams: Int32Array }>(f: T, rate: number, next: () => number): T {
  if (rate <= 0) return f
  const keep = (xs: Int32Array, min: number) => {
    const kept = xs.filter(() => next() >= rate)
    return kept.length >= min ? kept : xs
  }
  return { ...f, uni: keep(f.uni, 2), ngrams: keep(f.ngrams, 1) }
}
