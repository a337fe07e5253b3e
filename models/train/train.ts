import { createHash } from 'node:crypto'
import { MODEL_SPEC } from './spec'
import { buildTokenizerJson, encode, loadTokenizer, normalizedChars } from './tokenizer'
import { features, type Features } from './features'
import { forward, initWeights, sigmoid, Trainer, type Weights } from './network'
import { rng, shuffle } from './random'
import { dropout, joinAugment } from './augment'
import { bestThreshold, confusion, precisionThreshold, prf } from './metrics'
import type { Example } from './data'

export interface TrainOptions {
  seed: number
  epochs: number
  batch: number
  lr: number
  /** L2 penalty on the dense layers. */
  l2: number
  /** Share of n-gram features dropped at random in each training step. */
  dropout: number
  /** Joined long sentences added, as a share of each split (see augment.ts). */
  augment: number
  valShare: number
  /** Precision the thresholds must reach on the real validation sentences. */
  targetPrecision?: number
  /** How many times each real training sentence is seen per epoch. */
  realWeight?: number
  log?: (line: string) => void
}

export const DEFAULT_TRAIN: TrainOptions = { seed: 20261121, epochs: 16, batch: 32, lr: 0.005, l2: 1e-4, dropout: 0.15, augment: 0.6, valShare: 0.1, realWeight: 6, targetPrecision: 0.9 }

export interface TrainResult {
  weights: Weights
  tokenizerJson: ReturnType<typeof buildTokenizerJson>
  thresholds: { tao: number; burden: number }
  validation: Record<'tao' | 'burden', { precision: number; recall: number; f1: number }>
  epoch: number
  dataHash: string
  counts: { train: number; validation: number; tao: number; burden: number }
}

/** Real sentences (by document: the validation documents are never trained on). */
export interface RealSplits {
  train: Example[]
  validation: Example[]
}

/**
 * Deterministic under the seed: same data, same options → the same bytes. Thresholds are chosen
 * on the real validation sentences when there are any: the lowest score at which precision
 * reaches `targetPrecision` (a wrong mark costs more than a missed one).
 */
export function train(data: Example[], o: TrainOptions = DEFAULT_TRAIN, real: RealSplits = { train: [], validation: [] }): TrainResult {
  const log = o.log ?? (() => {})
  const dataHash = createHash('sha256')
    .update([...data, ...real.train, ...real.validation].map((e) => `${e.y.join('')}\t${e.text}`).join('\n'))
    .digest('hex')
  const next = rng(o.seed)
  const all = shuffle(data, next)
  const nVal = Math.round(all.length * o.valShare)
  // Each split is augmented from its own sentences only, so validation stays unseen. Real
  // sentences count twice: they are the register the product meets.
  const val = [...all.slice(0, nVal), ...joinAugment(all.slice(0, nVal), Math.round(nVal * o.augment), next), ...real.validation]
  const trn = [...all.slice(nVal), ...joinAugment(all.slice(nVal), Math.round((all.length - nVal) * o.augment), next), ...Array.from({ length: o.realWeight ?? 2 }, () => real.train).flat()]

  // Vocabulary: characters of the training split, most frequent first.
  const freq = new Map<string, number>()
  for (const e of trn) for (const c of normalizedChars(e.text)) freq.set(c, (freq.get(c) ?? 0) + 1)
  const chars = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c)
  const tokenizerJson = buildTokenizerJson(chars)
  const tok = loadTokenizer(tokenizerJson)
  const vocab = Object.keys(tokenizerJson.model.vocab).length
  const enc = (e: Example) => ({ f: features(encode(tok, e.text)), y: e.y })
  const trainSet = trn.map(enc)
  const valSet = val.map(enc)

  const pos = [0, 1].map((k) => trainSet.filter((e) => e.y[k]).length)
  const posWeight: [number, number] = [0, 1].map((k) => Math.min(4, Math.sqrt((trainSet.length - pos[k]!) / Math.max(1, pos[k]!)))) as [number, number]
  log(`训练 ${trainSet.length} 句，验证 ${valSet.length} 句；词表 ${vocab}；正例 tao ${pos[0]} / burden ${pos[1]}`)

  const weights = initWeights(vocab, next)
  const trainer = new Trainer(weights, o.lr, o.l2)
  // Early stopping on validation loss: calibrated probabilities make thresholds meaningful.
  let best = { loss: Infinity, epoch: 0, snapshot: snapshot(weights) }
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const order = shuffle(trainSet, next)
    let loss = 0
    for (let i = 0; i < order.length; i += o.batch) {
      const batch = order.slice(i, i + o.batch).map((e) => ({ f: dropout(e.f, o.dropout, next), y: e.y }))
      loss += trainer.step(batch, posWeight) * batch.length
    }
    const scores = scoreAll(weights, valSet.map((e) => e.f))
    const valLoss = bce(scores, valSet.map((e) => e.y))
    const f1 = (['tao', 'burden'] as const).map((_, k) => bestThreshold(scores.map((s) => s[k]!), valSet.map((e) => e.y[k] === 1)).f1)
    log(`第 ${epoch} 轮：训练损失 ${(loss / order.length).toFixed(4)}，验证损失 ${valLoss.toFixed(4)}，验证 F1 tao ${f1[0]!.toFixed(3)} burden ${f1[1]!.toFixed(3)}`)
    if (valLoss < best.loss - 1e-9) best = { loss: valLoss, epoch, snapshot: snapshot(weights) }
  }
  restore(weights, best.snapshot)

  const realVal = real.validation.length ? valSet.slice(valSet.length - real.validation.length) : valSet
  const scores = scoreAll(weights, realVal.map((e) => e.f))
  const thresholds = { tao: 0.5, burden: 0.5 }
  const validation = {} as TrainResult['validation']
  ;(['tao', 'burden'] as const).forEach((label, k) => {
    const gold = realVal.map((e) => e.y[k] === 1)
    const s = scores.map((x) => x[k]!)
    thresholds[label] = real.validation.length ? precisionThreshold(s, gold, o.targetPrecision ?? 0.9) : bestThreshold(s, gold).threshold
    validation[label] = prf(confusion(s.map((x) => x >= thresholds[label]), gold))
  })
  return { weights, tokenizerJson, thresholds, validation, epoch: best.epoch, dataHash, counts: { train: trainSet.length, validation: valSet.length, tao: pos[0]!, burden: pos[1]! } }
}

export function scoreAll(w: Weights, fs: Features[]): Array<[number, number]> {
  return fs.map((f) => {
    const { logits } = forward(w, f)
    return [sigmoid(logits[0]), sigmoid(logits[1])]
  })
}

function bce(scores: Array<[number, number]>, ys: Array<[number, number]>): number {
  let s = 0
  scores.forEach((p, i) => {
    for (let k = 0; k < 2; k++) s -= ys[i]![k] ? Math.log(p[k]! + 1e-9) : Math.log(1 - p[k]! + 1e-9)
  })
  return s / Math.max(1, scores.length)
}

const KEYS = ['uni', 'ngram', 'w1', 'b1', 'w2', 'b2'] as const
const snapshot = (w: Weights) => KEYS.map((k) => w[k].slice())
const restore = (w: Weights, s: Float32Array[]) => KEYS.forEach((k, i) => w[k].set(s[i]!))

export { MODEL_SPEC }
