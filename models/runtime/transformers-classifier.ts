import { AutoModelForSequenceClassification, AutoTokenizer, env } from '@huggingface/transformers'
import type { SentenceClassifier, SentenceScores } from '../../core'

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

export const MODEL_NAME = 'banwen-zh'

/**
 * The one classifier implementation for Node and the browser: transformers.js tokenizes and runs
 * the ONNX graph (onnxruntime-node in Node, onnxruntime-web in the browser). Never touches the
 * network: remote models are disabled and the folder is read from `root`.
 */
export async function loadTransformersClassifier(o: LoadOptions): Promise<SentenceClassifier & { config: BanwenConfig }> {
  const name = o.name ?? MODEL_NAME
  env.allowRemoteModels = false
  env.allowLocalModels = true
  env.localModelPath = o.root.endsWith('/') ? o.root : `${o.root}/`
  const tokenizer = await AutoTokenizer.from_pretrained(name)
  const model = await AutoModelForSequenceClassification.from_pretrained(name, { dtype: 'fp32' })
  const config = (model.config as unknown as { banwen?: BanwenConfig }).banwen
  if (!config) throw new Error(`${name}/config.json 缺少 banwen 配置（阈值），不是本项目训练的模型`)
  const batchSize = o.batchSize ?? 256

  async function predict(sentences: string[]): Promise<SentenceScores[]> {
    const out: SentenceScores[] = []
    for (let i = 0; i < sentences.length; i += batchSize) {
      const batch = sentences.slice(i, i + batchSize)
      const inputs = tokenizer(batch, { padding: true, truncation: true, max_length: config!.spec.maxTokens })
      const { logits } = (await model(inputs)) as { logits: { data: Float32Array; dims: number[] } }
      for (let b = 0; b < batch.length; b++) out.push({ tao: sigmoid(logits.data[b * 2]!), burden: sigmoid(logits.data[b * 2 + 1]!) })
    }
    return out
  }
  return { id: `${config.name}@${config.training.dataHash.slice(0, 8)}`, thresholds: config.thresholds, predict, config }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))
