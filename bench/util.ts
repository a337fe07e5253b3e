import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const SHARED = resolve(import.meta.dirname, '..', '..', 'shared')

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** The q-quantile of xs (0.99 for p99): the value at that rank, no interpolation. */
export const percentile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN

export function time(fn: () => void, runs: number): number[] {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    out.push(performance.now() - t0)
  }
  return out
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`)

/** Every .txt document of the shared corpus (read at run time, never copied). */
export function corpusFiles(): string[] {
  const root = join(SHARED, 'corpus')
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.endsWith('.txt')).map((f) => join(root, d.name, f)))
    .sort()
}

export const readText = (p: string) => readFileSync(p, 'utf8')
