import { AutoModelForSequenceClassification, AutoTokenizer, env, Tensor } from '@huggingface/transformers'
import { makeClassifier, MODEL_NAME, type BanwenClassifier } from './classifier-core'

export { MODEL_NAME } from './classifier-core'

export interface LoadOptions {
  /** Folder that holds the model folder. */
  root: string
  /** Model folder name below root. */
  name?: string
  /** Sentences per inference call. */
  batchSize?: number
}

/**
 * The classifier in Node: transformers.js loads the folder and runs the ONNX graph on
 * onnxruntime-node. Never touches the network: remote models are disabled and the folder is
 * read from `root`.
 */
export async function loadTransformersClassifier(o: LoadOptions): Promise<BanwenClassifier & { referenceIds(s: string): number[] }> {
  const name = o.name ?? MODEL_NAME
  env.allowRemoteModels = false
  env.allowLocalModels = true
  env.localModelPath = o.root.endsWith('/') ? o.root : `${o.root}/`
  const tokenizer = await AutoTokenizer.from_pretrained(name)
  const model = await AutoModelForSequenceClassification.from_pretrained(name, { dtype: 'fp32' })
  const classifier = makeClassifier({
    name,
    config: model.config,
    vocab: tokenizer.get_vocab() as Map<string, number>,
    batchSize: o.batchSize,
    run: async (ids, mask, dims) => {
      const { logits } = (await model({ input_ids: new Tensor('int64', ids, dims), attention_mask: new Tensor('int64', mask, dims) })) as { logits: { data: Float32Array } }
      return logits.data
    },
  })
  /** The library's own tokenizer, for the test that the fast path matches it. */
  const referenceIds = (s: string) => Array.from(tokenizer(s, { truncation: true, max_length: classifier.config.spec.maxTokens }).input_ids.data as BigInt64Array, Number)
  return { ...classifier, referenceIds }
}
