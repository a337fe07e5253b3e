import type { RawFinding } from './finding'

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const

/**
 * One finding per span: where marks of one category overlap in a sentence, the drafter sees the
 * most specific (a rule over the model, a hand-written rule over a general demand rule), then the
 * strongest (severity), then the longer span and not two cards
 * saying the same thing about the same words.
 */
export function onePerSpan(findings: RawFinding[], generic: Set<string>): RawFinding[] {
  const rank = (f: RawFinding) => [f.origin === 'rule' ? 1 : 0, generic.has(f.ruleId) ? 0 : 1, SEVERITY_RANK[f.severity], f.end - f.start] as const
  const better = (a: RawFinding, b: RawFinding) => {
    const [x, y] = [rank(a), rank(b)]
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! > y[i]!
    return a.ruleId < b.ruleId
  }
  const sorted = [...findings].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
  const kept: RawFinding[] = []
  // Compared within their sentence only: a 15 MB text has hundreds of thousands of findings.
  const bySentence = new Map<number, RawFinding[]>()
  for (const f of sorted) {
    if (f.sentence < 0) {
      kept.push(f)
      continue
    }
    const here = bySentence.get(f.sentence) ?? []
    if (here.some((k) => k.category === f.category && k.start < f.end && f.start < k.end)) continue
    here.push(f)
    bySentence.set(f.sentence, here)
    kept.push(f)
  }
  return kept
}
