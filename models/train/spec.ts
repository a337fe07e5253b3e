/**
 * The model's fixed shape, shared by training, ONNX export and the tests. Changing a number here
 * changes the model: retrain with `npm run train`.
 */
export const MODEL_SPEC = {
  name: 'banwen-zh',
  /** Hashed buckets shared by bigrams and trigrams. */
  buckets: 32768,
  /** Embedding size of unigrams and hashed n-grams. */
  dim: 16,
  hidden: 16,
  /** Multipliers of the n-gram hash, computed identically in TypeScript and in the ONNX graph. */
  p1: 100003,
  p2: 9973,
  triOffset: 7919,
  maxTokens: 160,
  labels: ['tao', 'burden'] as const,
} as const

export type Label = (typeof MODEL_SPEC.labels)[number]

/** Special token ids; the character vocabulary follows them. */
export const SPECIAL = { pad: 0, unk: 1, bos: 2, eos: 3 } as const
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[BOS]', '[EOS]'] as const
