/**
 * Document-level split for the real-sentence data. The dev set's documents are never read by
 * training: every document of the original corpus folders and the seeds, plus one in three of
 * train_pool/ (by a stable hash of the file name, so burden-rich normative documents land on
 * both sides).
 */
export type Split = 'train' | 'dev'

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

export function splitOf(file: string): Split {
  if (!file.includes('train_pool/')) return 'dev'
  return fnv1a(file) % 3 === 0 ? 'dev' : 'train'
}

/** Training documents held out for validation (thresholds, early stopping): one in five. */
export const isValidationDoc = (file: string) => splitOf(file) === 'train' && fnv1a(`val:${file}`) % 5 === 0
