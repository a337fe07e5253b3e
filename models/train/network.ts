import { MODEL_SPEC } from './spec'
import type { Features } from './features'

/**
 * fastText-style network over unigram and hashed bi/trigram embeddings, pooled two ways: the
 * mean (what the sentence is mostly about) and the max (one telling n-gram, such as 每日报送,
 * must not drown in a long sentence). Then one ReLU layer and two sigmoid outputs (tao,
 * burden). Float32 storage, as the ONNX export keeps it.
 */
export interface Weights {
  vocab: number
  uni: Float32Array // vocab × dim
  ngram: Float32Array // buckets × dim
  w1: Float32Array // 2·dim × hidden (row-major, MatMul([mean, max], W1))
  b1: Float32Array
  w2: Float32Array // hidden × 2
  b2: Float32Array
}

const { dim: D, hidden: H, buckets: NB } = MODEL_SPEC
const OUT = 2
/** Pooled width: mean and max, side by side. */
const P = 2 * D

export function initWeights(vocab: number, next: () => number): Weights {
  const uniform = (n: number, scale: number) => Float32Array.from({ length: n }, () => (next() * 2 - 1) * scale)
  return {
    vocab,
    uni: uniform(vocab * D, 0.1),
    ngram: uniform(NB * D, 0.1),
    w1: uniform(P * H, Math.sqrt(6 / (P + H))),
    b1: new Float32Array(H),
    w2: uniform(H * OUT, Math.sqrt(6 / (H + OUT))),
    b2: new Float32Array(OUT),
  }
}

export interface Forward {
  h: Float64Array
  /** Which embedding row won the max in each dimension: [table (0 uni, 1 ngram), row]. */
  argmax: Int32Array
  z: Float64Array
  logits: [number, number]
}

export function forward(w: Weights, f: Features): Forward {
  const h = new Float64Array(P)
  const argmax = new Int32Array(2 * D)
  for (let d = 0; d < D; d++) h[D + d] = -Infinity
  const count = f.uni.length + f.ngrams.length
  const visit = (table: Float32Array, t: number, row: number) => {
    for (let d = 0; d < D; d++) {
      const v = table[row * D + d]!
      h[d]! += v
      if (v > h[D + d]!) {
        h[D + d] = v
        argmax[2 * d] = t
        argmax[2 * d + 1] = row
      }
    }
  }
  for (const id of f.uni) visit(w.uni, 0, id)
  for (const b of f.ngrams) visit(w.ngram, 1, b)
  const inv = 1 / Math.max(1, count)
  for (let d = 0; d < D; d++) h[d]! *= inv
  const z = new Float64Array(H)
  for (let j = 0; j < H; j++) {
    let s = w.b1[j]!
    for (let d = 0; d < P; d++) s += h[d]! * w.w1[d * H + j]!
    z[j] = s
  }
  const logits: [number, number] = [w.b2[0]!, w.b2[1]!]
  for (let j = 0; j < H; j++) {
    const a = z[j]! > 0 ? z[j]! : 0
    logits[0] += a * w.w2[j * OUT]!
    logits[1] += a * w.w2[j * OUT + 1]!
  }
  return { h, argmax, z, logits }
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

/** Adam with lazy updates for embedding rows: only rows a batch touched move. */
export class Trainer {
  private m = new Map<keyof Weights, Float32Array>()
  private v = new Map<keyof Weights, Float32Array>()
  private t = 0
  constructor(
    readonly w: Weights,
    private lr: number,
    private l2 = 1e-6,
  ) {
    for (const k of ['uni', 'ngram', 'w1', 'b1', 'w2', 'b2'] as const) {
      this.m.set(k, new Float32Array(w[k].length))
      this.v.set(k, new Float32Array(w[k].length))
    }
  }

  /** One mini-batch; returns the mean loss. `posWeight` scales the loss of positive examples. */
  step(batch: Array<{ f: Features; y: [number, number] }>, posWeight: [number, number]): number {
    const g = {
      w1: new Float64Array(D * H),
      b1: new Float64Array(H),
      w2: new Float64Array(H * OUT),
      b2: new Float64Array(OUT),
      uni: new Map<number, Float64Array>(),
      ngram: new Map<number, Float64Array>(),
    }
    let loss = 0
    for (const { f, y } of batch) {
      const { h, argmax, z, logits } = forward(this.w, f)
      const dl = [0, 0]
      for (let o = 0; o < OUT; o++) {
        const p = sigmoid(logits[o]!)
        const wt = y[o] ? posWeight[o]! : 1
        loss += -wt * (y[o] ? Math.log(p + 1e-9) : Math.log(1 - p + 1e-9))
        dl[o] = wt * (p - y[o]!)
      }
      const dz = new Float64Array(H)
      for (let j = 0; j < H; j++) {
        const a = z[j]! > 0 ? z[j]! : 0
        for (let o = 0; o < OUT; o++) {
          g.w2[j * OUT + o]! += a * dl[o]!
          if (z[j]! > 0) dz[j]! += this.w.w2[j * OUT + o]! * dl[o]!
        }
      }
      g.b2[0]! += dl[0]!
      g.b2[1]! += dl[1]!
      const dh = new Float64Array(P)
      for (let d = 0; d < P; d++)
        for (let j = 0; j < H; j++) {
          g.w1[d * H + j]! += h[d]! * dz[j]!
          dh[d]! += this.w.w1[d * H + j]! * dz[j]!
        }
      for (let j = 0; j < H; j++) g.b1[j]! += dz[j]!
      const inv = 1 / Math.max(1, f.uni.length + f.ngrams.length)
      const rowOf = (map: Map<number, Float64Array>, row: number) => {
        let r = map.get(row)
        if (!r) map.set(row, (r = new Float64Array(D)))
        return r
      }
      for (const id of f.uni) {
        const r = rowOf(g.uni, id)
        for (let d = 0; d < D; d++) r[d]! += dh[d]! * inv
      }
      for (const b of f.ngrams) {
        const r = rowOf(g.ngram, b)
        for (let d = 0; d < D; d++) r[d]! += dh[d]! * inv
      }
      // The max half sends its gradient to the winning row only.
      for (let d = 0; d < D; d++) rowOf(argmax[2 * d] ? g.ngram : g.uni, argmax[2 * d + 1]!)[d]! += dh[D + d]!
    }
    const scale = 1 / batch.length
    this.t++
    this.adam('w1', g.w1, scale)
    this.adam('b1', g.b1, scale)
    this.adam('w2', g.w2, scale)
    this.adam('b2', g.b2, scale)
    // Rows in ascending order: Map iteration order would otherwise depend on the batch.
    for (const key of ['uni', 'ngram'] as const)
      for (const row of [...g[key].keys()].sort((a, b) => a - b)) this.adamRow(key, row, g[key].get(row)!, scale)
    return loss * scale
  }

  private adam(key: 'w1' | 'b1' | 'w2' | 'b2', grad: Float64Array, scale: number) {
    const w = this.w[key]
    for (let i = 0; i < grad.length; i++) this.update(key, w, i, grad[i]! * scale + this.l2 * w[i]!)
  }

  private adamRow(key: 'uni' | 'ngram', row: number, grad: Float64Array, scale: number) {
    const w = this.w[key]
    for (let d = 0; d < D; d++) this.update(key, w, row * D + d, grad[d]! * scale)
  }

  private update(key: keyof Weights, w: Float32Array, i: number, g: number) {
    const b1 = 0.9
    const b2 = 0.999
    const m = this.m.get(key)!
    const v = this.v.get(key)!
    m[i] = b1 * m[i]! + (1 - b1) * g
    v[i] = b2 * v[i]! + (1 - b2) * g * g
    const mh = m[i]! / (1 - b1 ** this.t)
    const vh = v[i]! / (1 - b2 ** this.t)
    w[i] = w[i]! - (this.lr * mh) / (Math.sqrt(vh) + 1e-8)
  }
}
