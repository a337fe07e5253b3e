/**
 * The characters the model sees, exactly as its tokenizer.json normalizes and splits them:
 * NFKC, every digit folded to 0, lower case, whitespace dropped, one token per code point.
 * Training builds the vocabulary with it; the runtime encodes with it (the fast path, checked
 * against transformers.js's own tokenizer in test/model/model.test.ts).
 */
export function normalizedChars(text: string): string[] {
  return [...text.normalize('NFKC').replace(/[0-9]/g, '0').toLowerCase()].filter((c) => /\S/u.test(c))
}
