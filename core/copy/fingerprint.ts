import { z } from 'zod'
import { DEFAULT_SHINGLE, normalizeForShingles, shingleHashes } from '../text/shingle'

/** What the service keeps of a superior document and sends to extensions: hashes, never text. */
export const FingerprintSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  k: z.number().int().min(4).max(32),
  chars: z.number().int().nonnegative(),
  hashes: z.array(z.number().int().nonnegative()),
})
export type Fingerprint = z.infer<typeof FingerprintSchema>

export function fingerprint(text: string, meta: { id: string; title?: string; k?: number }): Fingerprint {
  const k = meta.k ?? DEFAULT_SHINGLE
  const { chars } = normalizeForShingles(text)
  const hashes = [...new Set(shingleHashes(chars, k))].sort((a, b) => a - b)
  return { id: meta.id, title: meta.title, k, chars: chars.length, hashes }
}

/** Superior documents merged into one lookup, one per shingle size. */
export interface FingerprintIndex {
  k: number
  hashes: Set<number>
  sources: string[]
}

export function indexFingerprints(fps: Fingerprint[]): FingerprintIndex | null {
  if (fps.length === 0) return null
  const k = fps[0]!.k
  const mismatched = fps.find((f) => f.k !== k)
  if (mismatched) throw new Error(`上级文件指纹的分片长度不一致：${mismatched.id} 为 ${mismatched.k}，应为 ${k}`)
  const hashes = new Set<number>()
  for (const f of fps) for (const h of f.hashes) hashes.add(h)
  return { k, hashes, sources: fps.map((f) => f.title ?? f.id) }
}

/** Covered [start,end) runs (original offsets) of one sentence, and its normalized size. */
export interface Coverage {
  /** Normalized characters in the span. */
  total: number
  covered: number
  /** Copied runs: original offsets and normalized size. */
  runs: Array<{ start: number; end: number; size: number }>
}

export function coverage(text: string, start: number, end: number, index: FingerprintIndex): Coverage {
  const norm = normalizeForShingles(text, start, end)
  const n = norm.chars.length
  const hit = new Uint8Array(n)
  const hashes = shingleHashes(norm.chars, index.k)
  for (let i = 0; i < hashes.length; i++) if (index.hashes.has(hashes[i]!)) hit.fill(1, i, i + index.k)
  let covered = 0
  const runs: Coverage['runs'] = []
  let runStart = -1
  for (let i = 0; i <= n; i++) {
    if (i < n && hit[i]) {
      covered++
      if (runStart < 0) runStart = i
    } else if (runStart >= 0) {
      runs.push({ start: norm.offsets[runStart]!, end: norm.offsets[i - 1]! + 1, size: i - runStart })
      runStart = -1
    }
  }
  return { total: n, covered, runs }
}
