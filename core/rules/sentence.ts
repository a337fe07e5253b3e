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

const CLAUSE_BREAK = /[，,；;：:。！？!?]/g
const HARD_BREAK = /[；;：:。！？!?]/
const NEGATION_WINDOW = 30
/** How far a cue may reach into the match: 不另行 before 另行报送. */
const STRADDLE = 3

/**
 * The text that can negate a match: its own clause up to the match (and a few characters into
 * it, for cues that straddle its start), plus the clause before when that clause opens with a
 * cue (不得以检查为名，要求……). A prohibition in an unrelated earlier clause does not count:
 * 各村不得虚报数据，每日报送进度 still demands a daily report.
 */
export function negated(c: CompiledRuleSet, cues: string[], text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - NEGATION_WINDOW)
  const before = text.slice(from, start)
  const breaks = [...before.matchAll(CLAUSE_BREAK)].map((m) => m.index)
  const clauseStart = breaks.length ? breaks[breaks.length - 1]! + 1 : 0
  const clause = before.slice(clauseStart)
  const window = clause + text.slice(start, Math.min(end, start + STRADDLE))
  // A cue counts when it starts before the match, even if it runs into it.
  if (cues.some((cue) => {
    const i = window.indexOf(cue)
    return i >= 0 && i < clause.length
  }))
    return true
  if (breaks.length && !HARD_BREAK.test(before[breaks[breaks.length - 1]!]!)) {
    const prevStart = breaks.length > 1 ? breaks[breaks.length - 2]! + 1 : 0
    const prev = before.slice(prevStart, clauseStart - 1).trimStart()
    if ((prevStart > 0 || from === 0) && cues.some((cue) => prev.startsWith(cue))) return true
  }
  const after = text.slice(end, end + 6)
  return c.negationAfter.some((cue) => after.startsWith(cue))
}

/** Runs every phrase and regex rule over one sentence, guards applied. Pure and cacheable by text. */
/** A year alone (2025年以来, 2024年，) is a date, not a checkable quantity; 2025年底前 still is. */
const BARE_YEAR = /(?:19|20)\d{2}(?:[—－-](?:19|20)?\d{2})?年(?![底内前])(?:以来|来|度|初)?/gu

/** Spans of fixed terms in the sentence. */
function termSpans(c: CompiledRuleSet, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const t of c.terms) for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) out.push([i, i + t.length])
  return out
}

export function analyzeSentence(c: CompiledRuleSet, text: string): SentenceAnalysis {
  const concrete = c.concrete.test(text.replace(BARE_YEAR, ''))
  const terms = termSpans(c, text)
  let reported: boolean | undefined
  const hits: SentenceHit[] = []
  const accept = (ruleIdx: number, start: number, end: number) => {
    const { guards, negation, rule } = c.rules[ruleIdx]!
    if (guards.concrete && concrete) return
    // 全面深化改革 is a name: 深化改革 inside it is not an intensifier.
    if (rule.category === 'tao' && terms.some(([a, b]) => a <= start && end <= b && b - a > end - start)) return
    if (guards.reported && (reported ??= c.reported.test(text))) return
    if (guards.negation && negated(c, negation, text, start, end)) return
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
    const { regex: re, literals } = c.rules[ruleIdx]!
    if (literals && !literals.some((l) => text.includes(l))) continue
    if (!re) continue
    re.lastIndex = 0
    for (const m of text.matchAll(re)) {
      const span = m.indices?.groups?.m ?? m.indices![0]!
      if (span[1] > span[0]) accept(ruleIdx, span[0], span[1])
    }
  }
  return { hits, concrete }
}
