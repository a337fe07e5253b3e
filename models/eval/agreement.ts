/**
 * How far two annotators who read the same guide (labels.md) agree: a second, blind labelling
 * of random dev sentences, compared with the dev labels. Their agreement is the ceiling a
 * score against those labels can be read against: a system "above" it has learnt one reader's
 * habits, not the guide.
 */
import path from 'node:path'
import { readJsonl } from '../train/data'
import { confusion, prf } from '../train/metrics'
import { REAL_DIR, RealRefSchema, type RealExample, type RealRef } from '../data/real/refs'

export const SECOND_ANNOTATOR_FILE = path.join(REAL_DIR, 'second-annotator.jsonl')

export interface Agreement {
  label: 'tao' | 'burden'
  n: number
  tp: number
  fp: number
  fn: number
  /** The second annotator scored as a system against the dev labels. */
  precision: number
  recall: number
  f1: number
  /** Cohen's kappa: agreement beyond what the two label rates give by chance. */
  kappa: number
}

const key = (r: Pick<RealRef, 'file' | 'start' | 'end'>) => `${r.file}:${r.start}-${r.end}`

/** Agreement per label; every second label must point at a dev sentence. */
export function agreement(dev: RealExample[], second: RealRef[]): Agreement[] {
  const byKey = new Map(dev.map((e) => [key(e), e]))
  const pairs = second.map((s) => {
    const d = byKey.get(key(s))
    if (!d) throw new Error(`第二位标注者的句子不在评测集中：${key(s)}`)
    return [d, s] as const
  })
  return (['tao', 'burden'] as const).map((label) => {
    const { tp, fp, fn, tn } = confusion(
      pairs.map(([, s]) => s[label] === 1),
      pairs.map(([d]) => d[label] === 1),
    )
    const n = pairs.length
    const observed = (tp + tn) / n
    const chance = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    return { label, n, tp, fp, fn, ...prf({ tp, fp, fn, tn }), kappa: chance < 1 ? (observed - chance) / (1 - chance) : 1 }
  })
}

export const loadSecondAnnotator = (): RealRef[] => readJsonl(SECOND_ANNOTATOR_FILE, RealRefSchema)
