export interface Confusion {
  tp: number
  fp: number
  fn: number
  tn: number
}

export function confusion(pred: boolean[], gold: boolean[]): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 }
  pred.forEach((p, i) => {
    const g = gold[i]
    if (p && g) c.tp++
    else if (p) c.fp++
    else if (g) c.fn++
    else c.tn++
  })
  return c
}

export function prf(c: Confusion) {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1 }
}

/** The threshold with the best F1 on held-out scores (ties: the one nearest 0.5). */
export function bestThreshold(scores: number[], gold: boolean[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 }
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const f1 = prf(confusion(scores.map((s) => s >= t), gold)).f1
    if (f1 > best.f1 + 1e-12 || (Math.abs(f1 - best.f1) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best.threshold - 0.5)))
      best = { threshold: Math.round(t * 100) / 100, f1 }
  }
  return best
}

/**
 * The lowest threshold whose precision on held-out scores reaches `target` (most recall at that
 * precision). When no threshold reaches it, the one with the best precision, so the model
 * speaks as rarely as it must.
 */
export function precisionThreshold(scores: number[], gold: boolean[], target: number): number {
  let fallback = { threshold: 0.95, precision: -1 }
  for (let t = 0.05; t <= 0.991; t += 0.01) {
    const c = confusion(scores.map((s) => s >= t), gold)
    if (c.tp + c.fp === 0) break
    const { precision } = prf(c)
    if (precision >= target) return Math.round(t * 100) / 100
    if (precision > fallback.precision) fallback = { threshold: Math.round(t * 100) / 100, precision }
  }
  return fallback.threshold
}
