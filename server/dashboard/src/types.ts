/**
 * Shapes of the service's answers (see docs/api.md), taken from the service's own declarations.
 * Type-only imports: the build erases them, so no service code reaches the browser bundle.
 * The service already turns dates into ISO strings, so its types are what arrives as JSON.
 */
import type { DocumentHistory } from '../../store/documents'
import type { RuleStat as StoredRuleStat } from '../../store/stats'

export type { Measures, Overview } from '../../store/stats'
export type { FiledRecord, OverrideNote } from '../../store/documents'
export type { QuotaStatus } from '../../lib/quota'
export type { RuleSetDiff } from '../../lib/diff'
export type { RuleSetVersion } from '../../store/rulesets'
export type { TokenRecord } from '../../store/tokens'
export type { SuperiorDoc } from '../../store/superior'
export type { AuditEntry } from '../../store/audit'
export type { UnitSettings } from '../../store/units'

/** GET /api/stats/rules: the store's figures with the served rule's title and category (null once the rule is gone). */
export type RuleStat = StoredRuleStat & {
  title: string | null
  category: string | null
  tier: 'default' | 'picky' | null
  judged: { n: number; precision: number | null } | null
  proposeDemotion: boolean
}

/** GET /api/documents/:hash. */
export type DocumentDetail = DocumentHistory & { docHash: string }
