import { AutoModelForSequenceClassification, AutoTokenizer, env, Tensor } from '@huggingface/transformers'
import type { SentenceClassifier, SentenceScores } from '../../core'
import { normalizedChars } from './chars'
import { MODEL_NAME } from './model-name'

export { MODEL_NAME }

/** What config.json's "banwen" block holds (written by models/train/package-model.ts). */
interface BanwenConfig {
  name: string
  thresholds: SentenceScores
  spec: { maxTokens: number }
  training: { dataHash: string }
}

export interface LoadOptions {
  /** Folder (Node) or URL (browser) that holds the model folder. */
  root: string
  /** Model folder name below root. */
  name?: string
  /** Sentences per inference call. */
  batchSize?: number
}

/**
 * The one classifier implementation for Node and the browser: transformers.js tokenizes and runs
 * the ONNX graph (onnxruntime-node in Node, onnxruntime-web in the browser). Never touches the
 * network: remote models are disabled and the folder is read from `root`.
 */
export async function loadTransformersClassifier(o: LoadOptions): Promise<SentenceClassifier & { config: BanwenConfig; encode(s: string): number[]; referenceIds(s: string): number[] }> {
  const name = o.name ?? MODEL_NAME
  env.allowRemoteModels = false
  env.allowLocalModels = true
  env.localModelPath = o.root.endsWith('/') ? o.root : `${o.root}/`
  const tokenizer = await AutoTokenizer.from_pretrained(name)
  const model = await AutoModelForSequenceClassification.from_pretrained(name, { dtype: 'fp32' })
  const config = (model.config as unknown as { banwen?: BanwenConfig }).banwen
  if (!config) throw new Error(`${name}/config.json 缺少 banwen 配置（阈值），不是本项目训练的模型`)
  const batchSize = o.batchSize ?? 256
  const maxTokens = config.spec.maxTokens
  const vocab = tokenizer.get_vocab()
  const special = (t: string) => {
    const id = vocab.get(t)
    if (id === undefined) throw new Error(`${name}/tokenizer.json 缺少 ${t}`)
    return id
  }
  const [unk, bos, eos] = [special('[UNK]'), special('[BOS]'), special('[EOS]')]

  /** What the tokenizer gives with truncation, without its general machinery: the hot path. */
  const encode = (s: string) => [bos, ...normalizedChars(s).map((c) => vocab.get(c) ?? unk), eos].slice(0, maxTokens)

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
      const dims = [rows.length, width]
      const { logits } = (await model({ input_ids: new Tensor('int64', data, dims), attention_mask: new Tensor('int64', mask, dims) })) as { logits: { data: Float32Array } }
      rows.forEach((r, b) => (out[r] = { tao: sigmoid(logits.data[b * 2]!), burden: sigmoid(logits.data[b * 2 + 1]!) }))
    }
    return out
  }
  /** The library's own tokenizer, for the test that the fast path matches it. */
  const referenceIds = (s: string) => Array.from(tokenizer(s, { truncation: true, max_length: maxTokens }).input_ids.data as BigInt64Array, Number)
  return { id: `${config.name}@${config.training.dataHash.slice(0, 8)}`, thresholds: config.thresholds, predict, config, encode, referenceIds }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))
