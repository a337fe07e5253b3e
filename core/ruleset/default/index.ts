import base from './base.json'
import structure from './rules-structure.json'
import tao from './rules-tao.json'
import burden from './rules-burden.json'
import escalation from './rules-escalation.json'
import type { RuleSet, RuleSetInput } from '../../schema/ruleset'
import { withDefaults } from './defaults'

/** The bundled rule set, as authored: parts kept apart so each file stays readable. */
export const defaultRuleSetInput = { ...base, rules: [...structure, ...tao, ...burden, ...escalation] } as RuleSetInput

let ready: RuleSet | null = null

/**
 * The bundled set without a zod parse at run time (that cost ~80 ms on first use): the test suite
 * proves that RuleSetSchema.parse gives exactly this object, so validation happens at test time.
 */
export function defaultRuleSet(): RuleSet {
  ready ??= withDefaults(defaultRuleSetInput)
  return ready
}
