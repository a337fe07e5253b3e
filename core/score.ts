import type { Category } from './schema/common'
import type { BreakdownItem, Dimension, Finding, Grade } from './schema/report'
import type { Scoring } from './schema/ruleset'
import type { RawFinding } from './rules/finding'

/**
 * The 办文指数 (documented in docs/score.md). 100 points split over five dimensions; every
 * point lost is carried by a finding, so the breakdown is exactly the sum of finding points.
 *
 * - concise (精简): the length-cap finding takes max × min(1, 0.5 + overrun/cap); other length
 *   findings take severity points.
 * - substance (实在): max × min(1, taoShare / saturation), taoShare being the share of the body's
 *   字数 that sits in sentences with a tao finding; each such sentence carries its part in
 *   proportion to its length, split evenly over its findings.
 * - burden (减负), norms (规范): severity points × rule weight per finding, scaled down together
 *   when they exceed the dimension's max.
 * - originality (原创): max × min(1, copiedShare / saturation), carried by the copied runs in
 *   proportion to their size.
 */

export const DIMENSION_OF: Record<Category, Dimension> = {
  length: 'concise',
  tao: 'substance',
  burden: 'burden',
  escalation: 'burden',
  frame: 'norms',
  disguise: 'norms',
  copy: 'originality',
}

export interface ScoreInput {
  findings: RawFinding[]
  /** 字数 of each sentence by index, and of the body in total. */
  sentenceChars: number[]
  bodyChars: number
  copiedShare: number | null
}

export interface ScoreResult {
  score: number
  grade: Grade
  breakdown: BreakdownItem[]
  points: number[]
}

const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * Share of a dimension lost at a given density. 'linear' reaches the whole dimension at
 * `scale`; 'smooth' (1 − e^(−share/scale)) keeps rising but never saturates, so two long
 * reports with much 套话 are still told apart by how much.
 */
export function curve(share: number, scale: number, kind: 'linear' | 'smooth' = 'linear'): number {
  return kind === 'smooth' ? 1 - Math.exp(-share / scale) : Math.min(1, share / scale)
}

export function score(input: ScoreInput, scoring: Scoring): ScoreResult {
  const points = new Array<number>(input.findings.length).fill(0)
  const byDim = new Map<Dimension, number[]>()
  input.findings.forEach((f, i) => {
    const d = DIMENSION_OF[f.category]
    const list = byDim.get(d)
    if (list) list.push(i)
    else byDim.set(d, [i])
  })

  const sevPoints = (f: RawFinding) => scoring.severityPoints[f.severity] * f.weight
  const capAt = (idx: number[], max: number) => {
    const sum = idx.reduce((a, i) => a + points[i]!, 0)
    if (sum > max && sum > 0) for (const i of idx) points[i] = (points[i]! * max) / sum
  }

  for (const [dim, idx] of byDim) {
    const cfg = scoring.dimensions[dim]
    if (!cfg) continue
    const max = cfg.max
    if (dim === 'substance') {
      const bySentence = new Map<number, number[]>()
      for (const i of idx) {
        const s = input.findings[i]!.sentence
        const list = bySentence.get(s)
        if (list) list.push(i)
        else bySentence.set(s, [i])
      }
      let taoChars = 0
      for (const s of bySentence.keys()) taoChars += s >= 0 ? input.sentenceChars[s] ?? 0 : 0
      if (taoChars === 0 || input.bodyChars === 0) continue
      const share = taoChars / Math.max(input.bodyChars, cfg.floorChars ?? 0)
      const lost = max * curve(share, cfg.saturation ?? 0.4, cfg.curve)
      for (const [s, list] of bySentence) {
        const part = s >= 0 ? (lost * (input.sentenceChars[s] ?? 0)) / taoChars : 0
        for (const i of list) points[i] = part / list.length
      }
    } else if (dim === 'originality') {
      const share = input.copiedShare ?? 0
      const lost = max * curve(share, cfg.saturation ?? 0.5, cfg.curve)
      const sizes = idx.map((i) => input.findings[i]!.share ?? 0)
      const total = sizes.reduce((a, b) => a + b, 0)
      if (total > 0) idx.forEach((i, k) => (points[i] = (lost * sizes[k]!) / total))
    } else if (dim === 'concise') {
      for (const i of idx) {
        const f = input.findings[i]!
        points[i] = f.share !== undefined ? max * f.share : sevPoints(f)
      }
      capAt(idx, max)
    } else {
      for (const i of idx) points[i] = sevPoints(input.findings[i]!)
      capAt(idx, max)
    }
  }

  const breakdown: BreakdownItem[] = (Object.keys(scoring.dimensions) as Dimension[]).map((dim) => {
    const cfg = scoring.dimensions[dim]!
    const idx = byDim.get(dim) ?? []
    const lost = round2(idx.reduce((a, i) => a + points[i]!, 0))
    return { dimension: dim, label: cfg.label, max: cfg.max, lost, score: round2(cfg.max - lost), findings: idx.length }
  })
  const total = breakdown.reduce((a, b) => a + b.max, 0)
  const lost = breakdown.reduce((a, b) => a + b.lost, 0)
  const value = Math.max(0, Math.round(((total - lost) / (total || 1)) * 1000) / 10)
  const grade = [...scoring.grades].sort((a, b) => b.min - a.min).find((g) => value >= g.min)?.grade ?? '差'
  return { score: value, grade, breakdown, points: points.map(round2) }
}

export function toFinding(f: RawFinding, points: number): Finding {
  return {
    id: f.key,
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    start: f.start,
    end: f.end,
    message: f.message,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    points,
    origin: f.origin,
    ...(f.confidence !== undefined ? { confidence: round2(f.confidence) } : {}),
    tier: f.tier,
  }
}
