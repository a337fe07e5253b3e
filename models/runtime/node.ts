import { existsSync } from 'node:fs'
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
