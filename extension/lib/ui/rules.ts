/** Rule look-ups for the card: names and details of a finding's rule, model findings included. */
import { CATEGORY_LABELS, type Finding, type Rule, type RuleSet } from '../../../core'

export function ruleOf(ruleSet: RuleSet, f: Finding): Rule | undefined {
  return ruleSet.rules.find((r) => r.id === f.ruleId)
}

export function ruleTitle(ruleSet: RuleSet, f: Finding): string {
  const r = ruleOf(ruleSet, f)
  if (r) return r.title
  if (f.origin === 'model') return `模型判断：${CATEGORY_LABELS[f.category]}`
  return CATEGORY_LABELS[f.category]
}

/** An example with its <m>…</m> span, split for display. */
export function exampleParts(ex: Rule['examples']['bad'][number]): { before: string; marked: string; after: string } {
  const text = typeof ex === 'string' ? ex : ex.text
  const m = /<m>([\s\S]*?)<\/m>/.exec(text)
  if (!m) return { before: text.replace(/\{\{fill:\d+\}\}/g, '……'), marked: '', after: '' }
  const clean = (s: string) => s.replace(/\{\{fill:\d+\}\}/g, '……')
  return { before: clean(text.slice(0, m.index)), marked: clean(m[1]!), after: clean(text.slice(m.index + m[0].length)) }
}

/** The 办文指数 as the engine gives it (one decimal), so the panel, the dialog and the reasons agree. */
export const formatScore = (s: number): string => (Number.isInteger(s) ? String(s) : s.toFixed(1))

/** The start of a finding's span, for lists (the panel, the side panel). */
export function snippetOf(text: string, f: Pick<Finding, 'start' | 'end'>, max = 24): string {
  return text.slice(f.start, Math.min(f.end, f.start + max)) + (f.end - f.start > max ? '…' : '')
}
