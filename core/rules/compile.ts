import type { Category } from '../schema/common'
import type { Rule, RuleSet } from '../schema/ruleset'
import { requiredLiterals } from './prefilter'

type Guards = { negation: boolean; reported: boolean; concrete: boolean }

/** Which guards a rule gets unless it says otherwise. */
const DEFAULT_GUARDS: Record<Category, Guards> = {
  // 严禁以“高度重视”代替措施 criticises the phrase rather than using it.
  tao: { negation: true, reported: false, concrete: true },
  burden: { negation: true, reported: true, concrete: false },
  escalation: { negation: true, reported: true, concrete: false },
  frame: { negation: false, reported: false, concrete: false },
  length: { negation: false, reported: false, concrete: false },
  disguise: { negation: false, reported: false, concrete: false },
  copy: { negation: false, reported: false, concrete: false },
}

export interface CompiledRule {
  rule: Rule
  guards: Guards
  /** Cues that negate this rule's matches: 套话 rules take the narrower prohibition list. */
  negation: string[]
  regex?: RegExp
  /** One of these must occur in a sentence for `regex` to be able to match (see prefilter.ts). */
  literals?: string[] | null
  /** frame patterns, or disguise signals in the order of rule.signals: compiled once, not per analysis. */
  patterns?: RegExp[]
}

export interface CompiledRuleSet {
  ruleSet: RuleSet
  rules: CompiledRule[]
  /** First character → phrases starting with it, longest first. */
  phraseIndex: Map<string, Array<{ phrase: string; rule: number }>>
  regexRules: number[]
  negationAfter: string[]
  reported: RegExp
  concrete: RegExp
  /** Fixed names a 套话 match may not sit inside; by first character. */
  terms: string[]
  docTypes: Array<{ name: string; informal: boolean; patterns: RegExp[] }>
  special: RegExp
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `d` gives group indices, so a pattern can mark the reported part with (?<m>…). */
export const compilePattern = (source: string, global = true) => new RegExp(source, global ? 'gdu' : 'du')

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const rules: CompiledRule[] = []
  const phraseIndex = new Map<string, Array<{ phrase: string; rule: number }>>()
  const regexRules: number[] = []
  for (const rule of ruleSet.rules) {
    if (!rule.enabled) continue
    const idx = rules.length
    const negation = rule.category === 'tao' && ruleSet.guards.prohibition.length ? ruleSet.guards.prohibition : ruleSet.guards.negation
    const compiled: CompiledRule = { rule, guards: { ...DEFAULT_GUARDS[rule.category], ...rule.guards }, negation }
    if (rule.kind === 'phrase') {
      for (const phrase of rule.phrases) {
        const list = phraseIndex.get(phrase[0]!) ?? []
        list.push({ phrase, rule: idx })
        phraseIndex.set(phrase[0]!, list)
      }
    } else if (rule.kind === 'regex') {
      compiled.regex = compilePattern(rule.pattern)
      compiled.literals = requiredLiterals(rule.pattern)
      regexRules.push(idx)
    } else if (rule.kind === 'frame') {
      compiled.patterns = rule.patterns.map((p) => compilePattern(p, false))
    } else if (rule.kind === 'disguise') {
      compiled.patterns = rule.signals.map((s) => new RegExp(s.pattern, 'u'))
    }
    rules.push(compiled)
  }
  for (const list of phraseIndex.values()) list.sort((a, b) => b.phrase.length - a.phrase.length)
  const g = ruleSet.guards
  return {
    ruleSet,
    rules,
    phraseIndex,
    regexRules,
    negationAfter: g.negationAfter,
    reported: new RegExp(g.reported.map(escapeRegex).join('|'), 'u'),
    concrete: new RegExp(g.concrete, 'u'),
    terms: g.terms,
    docTypes: ruleSet.docTypes.map((d) => ({ name: d.name, informal: d.informal, patterns: d.titlePatterns.map((p) => new RegExp(p, 'u')) })),
    special: new RegExp(ruleSet.specialPattern, 'u'),
  }
}
