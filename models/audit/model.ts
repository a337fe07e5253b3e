import fs from 'node:fs'
import path from 'node:path'
import { createAnalyzer, type SentenceClassifier } from '../../core'
import { SHARED_DIR } from '../train/data'
import type { RealExample } from '../data/real/refs'
import { wilson } from './precision'

export interface ModelAudit {
  label: 'tao' | 'burden'
  judged: number
  ok: number
  precision: number | null
  low: number | null
  high: number | null
}

/**
 * The classifier's own marks (where no rule marked the sentence), judged by the hand labels of
 * the dev set's sentences: a model mark on a labelled sentence is right when the label says so.
 */
export async function auditModel(dev: RealExample[], classifier: SentenceClassifier): Promise<ModelAudit[]> {
  const analyzer = createAnalyzer({ classifier, strict: true })
  const byFile = new Map<string, RealExample[]>()
  for (const e of dev) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e])
  const tally = { tao: { n: 0, ok: 0 }, burden: { n: 0, ok: 0 } }
  for (const [file, examples] of byFile) {
    const report = await analyzer.analyze(fs.readFileSync(path.join(SHARED_DIR, file), 'utf8'))
    for (const f of report.findings) {
      if (f.origin !== 'model' || (f.category !== 'tao' && f.category !== 'burden')) continue
      const e = examples.find((x) => x.start < f.end && f.start < x.end)
      if (!e) continue
      tally[f.category].n++
      if (e[f.category] === 1) tally[f.category].ok++
    }
  }
  return (['tao', 'burden'] as const).map((label) => {
    const { n, ok } = tally[label]
    const [low, high] = n ? wilson(ok, n) : [null, null]
    return { label, judged: n, ok, precision: n ? ok / n : null, low, high }
  })
}
