import fs from 'node:fs'
import path from 'node:path'
import { createAnalyzer, type Report, type SentenceClassifier } from '../../core'
import { SHARED_DIR } from '../train/data'
import type { RealExample } from '../data/real/refs'
import { confusion, prf } from '../train/metrics'

export type Label = 'tao' | 'burden'
export interface DocRow {
  label: Label
  system: string
  tp: number
  fp: number
  fn: number
  tn: number
  precision: number
  recall: number
  f1: number
}

/**
 * Scores what the product shows: each labelled sentence's document is analysed whole (文种,
 * context, 成文日期), and a sentence counts as marked for a label when a finding of that category
 * overlaps it. Systems: rules alone, rules + model, and 严格模式 (picky tier too).
 */
export async function evaluateDocuments(data: RealExample[], classifier: SentenceClassifier | null): Promise<{ rows: DocRow[]; reports: Map<string, Map<string, Report>> }> {
  const files = [...new Set(data.map((e) => e.file))]
  const systems: Array<[string, ReturnType<typeof createAnalyzer>]> = [
    ['rules', createAnalyzer()],
    ...(classifier
      ? ([
          ['rules+model', createAnalyzer({ classifier })],
          ['strict', createAnalyzer({ classifier, strict: true })],
        ] as Array<[string, ReturnType<typeof createAnalyzer>]>)
      : []),
  ]
  const rows: DocRow[] = []
  const preds = new Map<string, Map<string, Report>>()
  for (const [name, analyzer] of systems) preds.set(name, await analyzeFiles(analyzer, files))
  for (const label of ['tao', 'burden'] as const) {
    const gold = data.map((e) => e[label] === 1)
    for (const [name] of systems) {
      const byFile = preds.get(name)!
      const pred = data.map((e) => markedAs(byFile.get(e.file)!, e, label))
      const c = confusion(pred, gold)
      rows.push({ label, system: name, ...c, ...prf(c) })
    }
  }
  return { rows, reports: preds }
}

/** A finding of the label (from `origin` only, when given) overlaps the sentence. */
/** Each file of ../shared analysed whole, by path. */
async function analyzeFiles(analyzer: ReturnType<typeof createAnalyzer>, files: string[]): Promise<Map<string, Report>> {
  const byFile = new Map<string, Report>()
  for (const f of files) byFile.set(f, await analyzer.analyze(fs.readFileSync(path.join(SHARED_DIR, f), 'utf8')))
  return byFile
}

export function markedAs(report: Report, e: { start: number; end: number }, label: Label, origin?: Report['findings'][number]['origin']): boolean {
  return report.findings.some((f) => f.category === label && (!origin || f.origin === origin) && f.start < e.end && e.start < f.end)
}

export function formatRows(rows: DocRow[]): string {
  const head = '标签     系统          精确率  召回率  F1     TP   FP   FN   TN'
  return [head, ...rows.map((r) => [r.label.padEnd(8), r.system.padEnd(12), r.precision.toFixed(3).padStart(6), r.recall.toFixed(3).padStart(7), r.f1.toFixed(3).padStart(6), ...[r.tp, r.fp, r.fn, r.tn].map((n) => String(n).padStart(4))].join(' '))].join('\n')
}

/**
 * The model's own 套话 marks (sentences no rule marked) in 严格模式, at each tao threshold: what
 * precision a threshold buys on real text, so its tier can follow the figure (default only at ≥ 0.9).
 */
export async function modelTaoSweep(data: RealExample[], classifier: SentenceClassifier, thresholds: number[]): Promise<Array<{ threshold: number; tp: number; fp: number; precision: number }>> {
  const files = [...new Set(data.map((e) => e.file))]
  const out = []
  for (const threshold of thresholds) {
    const analyzer = createAnalyzer({ classifier: { ...classifier, thresholds: { ...classifier.thresholds, tao: threshold } }, strict: true })
    const byFile = await analyzeFiles(analyzer, files)
    let tp = 0
    let fp = 0
    for (const e of data) {
      if (markedAs(byFile.get(e.file)!, e, 'tao', 'model')) e.tao === 1 ? tp++ : fp++
    }
    out.push({ threshold, tp, fp, precision: tp + fp ? tp / (tp + fp) : 0 })
  }
  return out
}
