import { z } from 'zod'
import { FilingPolicySchema, RuleIdSchema, RuleSetSchema, type RuleSet } from '../../core'

/** What a unit may change in the shared rule set: its own caps, rules it turns off, weights, filing lines. */
export const UnitOverridesSchema = z
  .object({
    /** A caps preset of the rule set (e.g. jiangsu-2019) instead of the set's default. */
    capPreset: z.string().min(1).max(50).optional(),
    /** The unit's own cap per 文种, over the preset. */
    caps: z.record(z.string().min(1).max(20), z.number().int().positive().max(100000)).optional(),
    disabledRules: z.array(RuleIdSchema).max(500).optional(),
    weights: z.record(RuleIdSchema, z.number().min(0).max(10)).optional(),
    filing: FilingPolicySchema.partial().optional(),
  })
  .strict()
export type UnitOverrides = z.infer<typeof UnitOverridesSchema>

/**
 * The shared set with a unit's overrides. Parts that no longer fit the set (a preset or rule
 * since removed) are skipped and named in `skipped`.
 */
export function applyOverrides(base: RuleSet, o: UnitOverrides): { ruleSet: RuleSet; skipped: string[] } {
  const skipped: string[] = []
  const ids = new Set(base.rules.map((r) => r.id))
  const caps = { ...base.caps, overrides: { ...base.caps.overrides, ...o.caps } }
  if (o.capPreset) {
    if (o.capPreset in base.caps.presets) caps.preset = o.capPreset
    else skipped.push(`capPreset: 篇幅预设「${o.capPreset}」不存在`)
  }
  for (const id of [...(o.disabledRules ?? []), ...Object.keys(o.weights ?? {})]) if (!ids.has(id)) skipped.push(`规则「${id}」不存在`)
  const off = new Set(o.disabledRules ?? [])
  const rules = base.rules.map((r) => {
    const weight = o.weights?.[r.id]
    return off.has(r.id) || weight !== undefined ? { ...r, enabled: off.has(r.id) ? false : r.enabled, weight: weight ?? r.weight } : r
  })
  const ruleSet = RuleSetSchema.parse({ ...base, caps, rules, filing: { ...base.filing, ...o.filing } })
  return { ruleSet, skipped: [...new Set(skipped)] }
}
