import type { Category, RuleSet, TierPolicy } from '../../core'
import { judgmentKey, type CorpusFinding } from './findings'
import type { Judgment } from './judgments'

export interface RuleAudit {
  ruleId: string
  category: Category
  tier: 'default' | 'picky'
  /** Findings on the whole corpus (严格模式). */
  fires: number
  judged: number
  ok: number
  precision: number | null
  low: number | null
  high: number | null
  /** The tier the measurements earn. */
  earned: 'default' | 'picky'
}

/** Wilson score interval at 95%: honest for small samples and for 0 or 1. */
export function wilson(ok: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1]
  const p = ok / n
  const d = 1 + (z * z) / n
  const c = p + (z * z) / (2 * n)
  const r = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  return [Math.max(0, (c - r) / d), Math.min(1, (c + r) / d)]
}

/**
 * A rule earns the default tier with judged precision ≥ minPrecision over ≥ minJudged findings,
 * or when it never fires on real text (its examples, run by the suite, are then its evidence).
 */
export function earnedTier(fires: number, judged: number, precision: number | null, policy: TierPolicy): 'default' | 'picky' {
  if (fires === 0) return 'default'
  return judged >= policy.minJudged && precision !== null && precision >= policy.minPrecision ? 'default' : 'picky'
}

export function auditRules(ruleSet: RuleSet, findings: CorpusFinding[], judgments: Judgment[]): RuleAudit[] {
  const verdicts = new Map(judgments.map((j) => [judgmentKey(j), j.verdict]))
  const fires = new Map<string, number>()
  const tally = new Map<string, { n: number; ok: number }>()
  for (const f of findings) {
    fires.set(f.ruleId, (fires.get(f.ruleId) ?? 0) + 1)
    const v = verdicts.get(judgmentKey(f))
    if (!v) continue
    const t = tally.get(f.ruleId) ?? { n: 0, ok: 0 }
    t.n++
    if (v === 'ok') t.ok++
    tally.set(f.ruleId, t)
  }
  return ruleSet.rules
    .filter((r) => r.enabled)
    .map((r) => {
      const t = tally.get(r.id) ?? { n: 0, ok: 0 }
      const precision = t.n ? t.ok / t.n : null
      const [low, high] = t.n ? wilson(t.ok, t.n) : [null, null]
      const n = fires.get(r.id) ?? 0
      return { ruleId: r.id, category: r.category, tier: r.tier, fires: n, judged: t.n, ok: t.ok, precision, low, high, earned: earnedTier(n, t.n, precision, ruleSet.tiers) }
    })
}

export interface CategoryAudit {
  category: Category
  tier: 'default' | 'all'
  rules: number
  fires: number
  judged: number
  /** Precision of the category's findings on the corpus: each rule's judged precision weighted by how often it fires. */
  precision: number | null
  low: number | null
  high: number | null
  /** Share of the category's findings whose rule has judgments. */
  covered: number
}

/** Stratified estimate over rules (each sampled up to N times), with its normal-approximation interval. */
export function auditCategories(rules: RuleAudit[], tierOf: (r: RuleAudit) => 'default' | 'picky'): CategoryAudit[] {
  const out: CategoryAudit[] = []
  const cats = [...new Set(rules.map((r) => r.category))]
  for (const tier of ['default', 'all'] as const) {
    for (const category of cats) {
      const mine = rules.filter((r) => r.category === category && r.fires > 0 && (tier === 'all' || tierOf(r) === 'default'))
      const fires = mine.reduce((a, r) => a + r.fires, 0)
      const judgedRules = mine.filter((r) => r.judged > 0)
      const w = judgedRules.reduce((a, r) => a + r.fires, 0)
      let precision: number | null = null
      let low: number | null = null
      let high: number | null = null
      if (w > 0) {
        precision = judgedRules.reduce((a, r) => a + (r.fires / w) * r.precision!, 0)
        const variance = judgedRules.reduce((a, r) => a + (r.fires / w) ** 2 * (Math.max(r.precision! * (1 - r.precision!), 0.25 / r.judged) / r.judged), 0)
        const half = 1.96 * Math.sqrt(variance)
        ;[low, high] = [Math.max(0, precision - half), Math.min(1, precision + half)]
      }
      out.push({ category, tier, rules: mine.length, fires, judged: judgedRules.reduce((a, r) => a + r.judged, 0), precision, low, high, covered: fires ? w / fires : 1 })
    }
  }
  return out
}
