import type { TierPolicy } from './schema/ruleset'

export interface FieldRecord {
  tier: 'default' | 'picky'
  /** Findings shown to drafters, and how many of them they reported as 误报. */
  hits: number
  falsePositives: number
}

/**
 * Field evidence against a default-tier rule: drafters call its marks 误报 more often than the
 * rule set allows, over enough marks to mean something. The admin decides; this only proposes.
 */
export function proposeDemotion(r: FieldRecord, policy: TierPolicy): boolean {
  return r.tier === 'default' && r.hits >= policy.demoteMinShown && r.falsePositives / r.hits > policy.demoteFalsePositiveShare
}
