/**
 * How far two annotators who read the same guide (labels.md) agree: a second, blind labelling
 * of random dev sentences, compared with the dev labels. Their agreement is the ceiling a
 * score against those labels can be read against: a system "above" it has learnt one reader's
 * habits, not the guide.
 */
import path from 'node:path'
import { readJsonl } from '../train/data'
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
    let tp = 0, fp = 0, fn = 0, tn = 0
    for (const [d, s] of pairs) {
      if (s[label] && d[label]) tp++
      else if (s[label]) fp++
      else if (d[label]) fn++
      else tn++
    }
    const n = pairs.length
    const precision = tp + fp ? tp / (tp + fp) : 0
    const recall = tp + fn ? tp / (tp + fn) : 0
    const observed = (tp + tn) / n
    const chance = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    return {
      label, n, tp, fp, fn, precision, recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      kappa: chance < 1 ? (observed - chance) / (1 - chance) : 1,
    }
  })
}

export const loadSecondAnnotator = (): RealRef[] => readJsonl(SECOND_ANNOTATOR_FILE, RealRefSchema)
