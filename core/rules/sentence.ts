import type { CompiledRuleSet } from './compile'

/** A rule hit inside one sentence; offsets are relative to the sentence. */
export interface SentenceHit {
  rule: number
  start: number
  end: number
}

export interface SentenceAnalysis {
  hits: SentenceHit[]
  concrete: boolean
}

const CLAUSE_END = /[；;：:。！？]/g
const NEGATION_WINDOW = 30

/** The text before a match that can negate it: same sentence, up to 30 chars, not past a ；or ：. */
function negationWindow(text: string, start: number): string {
  const from = Math.max(0, start - NEGATION_WINDOW)
  const window = text.slice(from, start)
  let cut = 0
  for (const m of window.matchAll(CLAUSE_END)) cut = m.index + 1
  return window.slice(cut)
}

function negated(c: CompiledRuleSet, text: string, start: number, end: number): boolean {
  const before = negationWindow(text, start)
  if (c.negation.some((cue) => before.includes(cue))) return true
  const after = text.slice(end, end + 6)
  return c.negationAfter.some((cue) => after.startsWith(cue))
}

/** Runs every phrase and regex rule over one sentence, guards applied. Pure and cacheable by text. */
export function analyzeSentence(c: CompiledRuleSet, text: string): SentenceAnalysis {
  const concrete = c.concrete.test(text)
  let reported: boolean | undefined
  const hits: SentenceHit[] = []
  const accept = (ruleIdx: number, start: number, end: number) => {
    const { guards } = c.rules[ruleIdx]!
    if (guards.concrete && concrete) return
    if (guards.reported && (reported ??= c.reported.test(text))) return
    if (guards.negation && negated(c, text, start, end)) return
    hits.push({ rule: ruleIdx, start, end })
  }

  for (let i = 0; i < text.length; i++) {
    const candidates = c.phraseIndex.get(text[i]!)
    if (!candidates) continue
    const seenRules = new Set<number>()
    for (const { phrase, rule } of candidates) {
      if (seenRules.has(rule) || !text.startsWith(phrase, i)) continue
      seenRules.add(rule)
      accept(rule, i, i + phrase.length)
    }
  }
  for (const ruleIdx of c.regexRules) {
    const re = c.rules[ruleIdx]!.regex!
    re.lastIndex = 0
    for (const m of text.matchAll(re)) {
      const span = m.indices?.groups?.m ?? m.indices![0]!
      if (span[1] > span[0]) accept(ruleIdx, span[0], span[1])
    }
  }
  return { hits, concrete }
}
