import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { SentenceClassifier } from '../../core'
import { MODEL_NAME } from './model-name'

/** The committed model folder: models/banwen-zh. */
export const MODELS_ROOT = resolve(import.meta.dirname, '..')

let cached: Promise<SentenceClassifier | null> | null = null

/**
 * Loads the committed model for Node (CLI, service) through transformers.js + onnxruntime-node.
 * Returns null when no model folder is present; callers then run rules only and say so.
 * Set BANWEN_NO_MODEL=1 to force rules only.
 */
export function loadNodeClassifier(root = MODELS_ROOT): Promise<SentenceClassifier | null> {
  if (process.env.BANWEN_NO_MODEL === '1') return Promise.resolve(null)
  if (root === MODELS_ROOT && cached) return cached
  // transformers.js and onnxruntime load only here, when there is a model to run (about 0.5 s).
  const load = existsSync(join(root, MODEL_NAME, 'onnx', 'model.onnx')) ? import('./transformers-classifier').then((m) => m.loadTransformersClassifier({ root })) : Promise.resolve(null)
  if (root === MODELS_ROOT) cached = load
  return load
}

/**
 * The committed model, loaded on its first prediction: the CLI checks most small documents
 * without asking it (the engine asks only about sentences whose model marks could be shown), so
 * transformers.js and onnxruntime load only when a document needs them. Id and thresholds come
 * from config.json, as the loaded model reports them.
 */
export function lazyNodeClassifier(root = MODELS_ROOT): SentenceClassifier | null {
  if (process.env.BANWEN_NO_MODEL === '1') return null
  const dir = join(root, MODEL_NAME)
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) return null
  const config = (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { banwen?: { name: string; thresholds: SentenceClassifier['thresholds']; training: { dataHash: string } } }).banwen
  if (!config) throw new Error(`${MODEL_NAME}/config.json 缺少 banwen 配置（阈值），不是本项目训练的模型`)
  let real: Promise<SentenceClassifier | null> | null = null
  return {
    id: `${config.name}@${config.training.dataHash.slice(0, 8)}`,
    thresholds: config.thresholds,
    async predict(sentences) {
      real ??= loadNodeClassifier(root)
      const c = await real
      if (!c) throw new Error('模型文件不存在')
      return c.predict(sentences)
    },
  }
}
