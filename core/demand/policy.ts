import type { DemandPolicy } from '../schema/ruleset'
import type { DemandReading } from './read'

/**
 * A demand on others: lower levels or the addressees are asked, it is still to be done, and it
 * is required — explicitly (要、须、请), by naming a lower unit as the one who does it
 * (各乡镇每日报送), or as an imperative line in a directive 文种 (a 通知's 每周五前报送进展).
 */
export function onOthers(r: DemandReading, directive: boolean): boolean {
  if (r.tense === 'done' || r.modality === 'forbid' || r.modality === 'permit') return false
  if (r.actor === 'lower') return true
  if (r.actor !== 'addressee') return false
  return r.modality === 'require' || (r.modality === 'imperative' && directive)
}

/** A demand that costs lower levels paperwork, traces or attendance rather than results. */
export function isBurden(r: DemandReading, policy: DemandPolicy, directive: boolean, workdays: number | null = null): boolean {
  if (!onOthers(r, directive)) return false
  if (policy.alwaysKinds.includes(r.kind)) return true
  if (workdays !== null && workdays < policy.minDeadlineWorkdays) return true
  if (!policy.frequencyKinds.includes(r.kind) || r.frequency === null || !policy.frequencies.includes(r.frequency)) return false
  // 定期报告 is often an institution's routine duty upward; it weighs only when a lower unit is named.
  return !policy.weakFrequencies.includes(r.frequency) || r.actor === 'lower'
}
