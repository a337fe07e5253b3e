import base from './base.json'
import structure from './rules-structure.json'
import tao from './rules-tao.json'
import burden from './rules-burden.json'
import escalation from './rules-escalation.json'
import type { RuleSet, RuleSetInput } from '../../schema/ruleset'
import { withDefaults } from './defaults'

/** The bundled set's version, without pulling its rules into a bundle that needs only this. */
export const defaultRuleSetVersion = String(base.version)

const assemble = () => ({ ...base, rules: [...structure, ...tao, ...burden, ...escalation] }) as RuleSetInput

/** The bundled rule set, as authored: parts kept apart so each file stays readable. Pure, so bundles that never read it drop it. */
export const defaultRuleSetInput = /* @__PURE__ */ assemble()

let ready: RuleSet | null = null

/**
 * The bundled set without a zod parse at run time (that cost ~80 ms on first use): the test suite
 * proves that RuleSetSchema.parse gives exactly this object, so validation happens at test time.
 */
export function defaultRuleSet(): RuleSet {
  ready ??= withDefaults(defaultRuleSetInput)
  return ready
}
