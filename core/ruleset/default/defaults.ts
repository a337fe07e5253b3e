import type { RuleSet, RuleSetInput } from '../../schema/ruleset'

type Loose = Record<string, unknown>

/** Per-kind defaults of the rule schema (see schema/ruleset.ts); a test keeps the two in step. */
const KIND_DEFAULTS: Record<string, Loose> = {
  frame: { window: 3 },
  repetition: { minCount: 3, minChars: 12 },
  disguise: { minSignals: 3, minKinds: 2 },
  copy: { minSpanChars: 20 },
}

/** Fills the schema's defaults into a trusted (already tested) rule set without parsing it. */
export function withDefaults(input: RuleSetInput): RuleSet {
  const i = input as unknown as Loose & { rules: Loose[]; caps: Loose & { presets: Record<string, Loose> }; guards: Loose; docTypes: Loose[]; filing: Loose; siteProfiles?: Loose[] }
  return {
    ...i,
    guards: { negationAfter: [], prohibition: [], terms: [], ...i.guards },
    docTypes: i.docTypes.map((d) => ({ informal: false, ...d })),
    caps: {
      overrides: {},
      typePresets: {},
      ...i.caps,
      presets: Object.fromEntries(Object.entries(i.caps.presets).map(([k, p]) => [k, { uncapped: [], byType: {}, ...p }])),
    },
    filing: { justifyOn: [], blockOn: [], ...i.filing },
    demand: { weakFrequencies: [], ...(i.demand as Loose) },
    siteProfiles: (i.siteProfiles ?? []).map((s) => ({ submit: [], role: 'draft', ...s })),
    rules: i.rules.map((r) => ({ enabled: true, weight: 1, tier: 'default', ...KIND_DEFAULTS[r.kind as string], ...r })),
  } as unknown as RuleSet
}
