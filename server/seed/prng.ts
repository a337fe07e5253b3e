/** mulberry32: a small seeded generator, so the demo county is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    /** One of `xs`, each as likely as its weight. */
    weighted: <T>(xs: ReadonlyArray<readonly [T, number]>): T => {
      let r = next() * xs.reduce((s, [, w]) => s + w, 0)
      for (const [x, w] of xs) if ((r -= w) < 0) return x
      return xs[xs.length - 1]![0]
    },
  }
}
export type Prng = ReturnType<typeof prng>
