export { defaultRuleSet, runRuleExamples } from '../../core'
import type { Rule } from '../../core'
export const needsMarkerForTest = (r: Rule) => r.kind === 'phrase' || r.kind === 'regex' || r.kind === 'frame'
