import { createAnalyzer, ruleVerdicts, type SentenceClassifier } from '../../core'
import { confusion, prf, type Confusion } from '../train/metrics'
import type { Example } from '../train/data'

export type System = 'rules' | 'model' | 'rules+model'
export interface Row {
  label: 'tao' | 'burden'
  system: System
  confusion: Confusion
  precision: number
  recall: number
  f1: number
}

/** Scores the rules, the model and their union (what the product shows) on labelled sentences. */
export async function evaluate(data: Example[], model: SentenceClassifier | null): Promise<Row[]> {
  const analyzer = createAnalyzer()
  const rules = data.map((e) => ruleVerdicts(analyzer, e.text))
  const probs = model ? await model.predict(data.map((e) => e.text)) : null
  const rows: Row[] = []
  for (const [k, label] of (['tao', 'burden'] as const).entries()) {
    const gold = data.map((e) => e.y[k] === 1)
    const systems: Array<[System, boolean[]]> = [['rules', rules.map((r) => r[label])]]
    if (probs && model) {
      const m = probs.map((p) => p[label] >= model.thresholds[label])
      systems.push(['model', m], ['rules+model', m.map((x, i) => x || rules[i]![label])])
    }
    for (const [system, pred] of systems) {
      const c = confusion(pred, gold)
      rows.push({ label, system, confusion: c, ...prf(c) })
    }
  }
  return rows
}

export function formatTable(rows: Row[]): string {
  const head = '标签     系统          精确率  召回率  F1     TP   FP   FN   TN'
  const lines = rows.map((r) =>
    [r.label.padEnd(8), r.system.padEnd(12), r.precision.toFixed(3).padStart(6), r.recall.toFixed(3).padStart(7), r.f1.toFixed(3).padStart(6), ...[r.confusion.tp, r.confusion.fp, r.confusion.fn, r.confusion.tn].map((n) => String(n).padStart(4))].join(' '),
  )
  return [head, ...lines].join('\n')
}
