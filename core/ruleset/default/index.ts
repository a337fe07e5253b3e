import base from './base.json'
import structure from './rules-structure.json'
import tao from './rules-tao.json'
import burden from './rules-burden.json'
import escalation from './rules-escalation.json'
import { RuleSetSchema, type RuleSet } from '../../schema/ruleset'

/** The bundled set's version, without pulling its rules into a bundle that needs only this. */
export const defaultRuleSetVersion = String(base.version)

const assemble = () => ({ ...base, rules: [...structure, ...tao, ...burden, ...escalation] })

/** The bundled rule set, as authored: parts kept apart so each file stays readable. Pure, so bundles that never read it drop it. */
export const defaultRuleSetInput = /* @__PURE__ */ assemble()

let parsed: RuleSet | null = null

/** Parsed once; the bundled set is also validated by the test suite. */
export function defaultRuleSet(): RuleSet {
  parsed ??= RuleSetSchema.parse(defaultRuleSetInput)
  return parsed
}
