import { MODEL_SPEC } from './spec'

const { buckets: B, p1, p2, triOffset } = MODEL_SPEC

/**
 * Hashed bigram and trigram buckets of a token id sequence. Reduced modulo B after every step
 * so that no intermediate exceeds 2^53 here or int64 in the ONNX graph, which repeats this
 * arithmetic node for node (export-onnx.ts).
 */
export const bigramBucket = (a: number, b: number) => (((a * p1 + b) % B) * p2) % B
export const trigramBucket = (a: number, b: number, c: number) => (((((((a * p1 + b) % B) * p1 + c + triOffset) % B) * p2) % B))

export interface Features {
  uni: Int32Array
  ngrams: Int32Array
}

export function features(ids: number[]): Features {
  const n = ids.length
  const ngrams = new Int32Array(Math.max(0, n - 1) + Math.max(0, n - 2))
  let k = 0
  for (let i = 0; i + 1 < n; i++) ngrams[k++] = bigramBucket(ids[i]!, ids[i + 1]!)
  for (let i = 0; i + 2 < n; i++) ngrams[k++] = trigramBucket(ids[i]!, ids[i + 1]!, ids[i + 2]!)
  return { uni: Int32Array.from(ids), ngrams }
}
