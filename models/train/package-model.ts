import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MODEL_SPEC } from './spec'
import { TOKENIZER_CONFIG } from './tokenizer'
import { exportOnnx } from './export-onnx'
import type { TrainOptions, TrainResult } from './train'

/**
 * Writes a transformers.js model folder: config.json (id2label, thresholds, provenance),
 * tokenizer.json, tokenizer_config.json and onnx/model.onnx.
 */
export function writeModelFolder(dir: string, r: TrainResult, o: TrainOptions): { onnxBytes: number } {
  mkdirSync(join(dir, 'onnx'), { recursive: true })
  const onnxBytes = exportOnnx(r.weights, { dataHash: r.dataHash, seed: String(o.seed) })
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnxBytes)
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(r.tokenizerJson))
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(TOKENIZER_CONFIG, null, 2) + '\n')
  const config = {
    // transformers.js maps this to a plain encoder classifier; the graph's inputs decide what it feeds.
    model_type: 'bert',
    architectures: ['BertForSequenceClassification'],
    problem_type: 'multi_label_classification',
    id2label: { 0: 'tao', 1: 'burden' },
    label2id: { tao: 0, burden: 1 },
    max_position_embeddings: MODEL_SPEC.maxTokens,
    banwen: {
      name: MODEL_SPEC.name,
      thresholds: r.thresholds,
      validation: r.validation,
      spec: { buckets: MODEL_SPEC.buckets, dim: MODEL_SPEC.dim, hidden: MODEL_SPEC.hidden, maxTokens: MODEL_SPEC.maxTokens },
      training: { seed: o.seed, epochs: o.epochs, bestEpoch: r.epoch, batch: o.batch, lr: o.lr, l2: o.l2, dropout: o.dropout, augment: o.augment, valShare: o.valShare, dataHash: r.dataHash, counts: r.counts },
    },
  }
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
  return { onnxBytes: onnxBytes.byteLength }
}
