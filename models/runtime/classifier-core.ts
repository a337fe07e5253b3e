/**
 * The classifier around the ONNX graph, whatever runs the graph: the shipped vocabulary encodes
 * sentences, similar lengths share a batch, logits become probabilities. Node runs the graph
 * through transformers.js (transformers-classifier.ts), the browser through onnxruntime-web
 * directly (browser.ts); both give the same probabilities (test/model/model.test.ts).
 */
import type { SentenceClassifier, SentenceScores } from '../../core'
import { normalizedChars } from './chars'
import { MODEL_NAME } from './model-name'

/** What config.json's "banwen" block holds (written by models/train/package-model.ts). */
export interface BanwenConfig {
  name: string
  thresholds: SentenceScores
  spec: { maxTokens: number }
  training: { dataHash: string }
}

export { MODEL_NAME }

/** One batch through the graph: int64 ids and mask of shape [rows, width] in, logits [rows, 2] out. */
export type RunBatch = (inputIds: BigInt64Array, attentionMask: BigInt64Array, dims: [number, number]) => Promise<Float32Array>

export interface ClassifierParts {
  /** config.json as read (its "banwen" block is required). */
  config: unknown
  vocab: Map<string, number>
  run: RunBatch
  /** Sentences per inference call. */
  batchSize?: number
  name?: string
}

export type BanwenClassifier = SentenceClassifier & { config: BanwenConfig; encode(s: string): number[] }

export function makeClassifier(p: ClassifierParts): BanwenClassifier {
  const name = p.name ?? MODEL_NAME
  const config = (p.config as { banwen?: BanwenConfig } | null)?.banwen
  if (!config) throw new Error(`${name}/config.json 缺少 banwen 配置（阈值），不是本项目训练的模型`)
  const batchSize = p.batchSize ?? 256
  const maxTokens = config.spec.maxTokens
  const special = (t: string) => {
    const id = p.vocab.get(t)
    if (id === undefined) throw new Error(`${name}/tokenizer.json 缺少 ${t}`)
    return id
  }
  const [unk, bos, eos] = [special('[UNK]'), special('[BOS]'), special('[EOS]')]

  /** What the tokenizer gives with truncation, without its general machinery: the hot path. */
  const encode = (s: string) => [bos, ...normalizedChars(s).map((c) => p.vocab.get(c) ?? unk), eos].slice(0, maxTokens)

  async function predict(sentences: string[]): Promise<SentenceScores[]> {
    const ids = sentences.map(encode)
    // Similar lengths share a batch, so little of each batch is padding.
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]!.length - ids[b]!.length)
    const out = new Array<SentenceScores>(sentences.length)
    for (let i = 0; i < order.length; i += batchSize) {
      const rows = order.slice(i, i + batchSize)
      const width = Math.max(...rows.map((r) => ids[r]!.length))
      const data = new BigInt64Array(rows.length * width)
      const mask = new BigInt64Array(rows.length * width)
      rows.forEach((r, b) =>
        ids[r]!.forEach((id, k) => {
          data[b * width + k] = BigInt(id)
          mask[b * width + k] = 1n
        }),
      )
      const logits = await p.run(data, mask, [rows.length, width])
      rows.forEach((r, b) => (out[r] = { tao: sigmoid(logits[b * 2]!), burden: sigmoid(logits[b * 2 + 1]!) }))
    }
    return out
  }
  return { id: `${config.name}@${config.training.dataHash.slice(0, 8)}`, thresholds: config.thresholds, predict, config, encode }
}

/** The vocabulary of a tokenizer.json (WordPiece model), special tokens included. */
export function vocabOf(tokenizerJson: unknown): Map<string, number> {
  const t = tokenizerJson as { model?: { vocab?: Record<string, number> }; added_tokens?: Array<{ content: string; id: number }> }
  const vocab = new Map(Object.entries(t.model?.vocab ?? {}))
  for (const a of t.added_tokens ?? []) vocab.set(a.content, a.id)
  return vocab
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))
