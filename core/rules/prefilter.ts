/**
 * Literal prefilter for regex rules (the idea of RE2's prefilter, kept small): from a pattern's
 * source, a list of strings at least one of which every match must contain. A sentence that
 * contains none of them cannot match, so the regex is not run. `null` means "no usable literal":
 * always run. Soundness over every example and the corpus is tested in test/core/prefilter.test.ts.
 */

type Req = string[] | null // one of these literals must occur; null: nothing required

const META = new Set(['.', '^', '$', '|', '(', ')', '[', ']', '{', '}', '*', '+', '?', '\\'])
const ESCAPED_LITERAL = /[.*+?^${}()|[\]\\\/\-,，：:]/

/** Picks the more selective requirement: the one whose shortest literal is longest. */
function better(a: Req, b: Req): Req {
  if (!a) return b
  if (!b) return a
  const min = (r: string[]) => r.reduce((m, s) => Math.min(m, s.length), Infinity)
  return min(b) > min(a) || (min(b) === min(a) && b.length < a.length) ? b : a
}

class Parser {
  i = 0
  constructor(readonly s: string) {}

  /** alternation := sequence ('|' sequence)* */
  alternation(): Req {
    const alts: Req[] = [this.sequence()]
    while (this.s[this.i] === '|') {
      this.i++
      alts.push(this.sequence())
    }
    if (alts.some((a) => a === null)) return null
    return [...new Set(alts.flat() as string[])]
  }

  /** sequence: literal runs and atoms; keeps the most selective requirement. */
  sequence(): Req {
    let best: Req = null
    let run = ''
    const flush = () => {
      if (run) best = better(best, [run])
      run = ''
    }
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const { req, literal } = this.atom()
      const q = this.quantifier()
      if (literal !== null && q === 'one') run += literal
      else {
        flush()
        if (q !== 'optional') best = better(best, req)
      }
    }
    flush()
    return best
  }

  /** 'one' (exactly once), 'some' (at least once, maybe more), 'optional' (may be absent). */
  quantifier(): 'one' | 'some' | 'optional' {
    const c = this.s[this.i]
    let kind: 'one' | 'some' | 'optional' = 'one'
    if (c === '?' || c === '*') {
      this.i++
      kind = 'optional'
    } else if (c === '+') {
      this.i++
      kind = 'some'
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.i))
      if (m) {
        this.i += m[0].length
        kind = Number(m[1]) === 0 ? 'optional' : m[2] === undefined && m[1] === '1' ? 'one' : 'some'
      }
    }
    if (this.s[this.i] === '?') this.i++ // lazy
    return kind
  }

  /** One atom: its requirement, and its literal text when it is a single literal character. */
  atom(): { req: Req; literal: string | null } {
    const c = this.s[this.i]!
    if (c === '(') {
      this.i++
      let lookaround = false
      if (this.s[this.i] === '?') {
        const m = /^\?(?::|<[A-Za-z_]\w*>|=|!|<=|<!)/.exec(this.s.slice(this.i))
        if (m) {
          lookaround = /^\?(?:=|!|<=|<!)$/.test(m[0])
          this.i += m[0].length
        }
      }
      const inner = this.alternation()
      this.i++ // ')'
      return { req: lookaround ? null : inner, literal: null }
    }
    if (c === '[') {
      // A character class: skip it, honouring escapes and a leading ].
      this.i++
      if (this.s[this.i] === '^') this.i++
      if (this.s[this.i] === ']') this.i++
      while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1
      this.i++
      return { req: null, literal: null }
    }
    if (c === '\\') {
      const n = this.s[this.i + 1]!
      this.i += 2
      const hex = (len: number) => {
        const ch = String.fromCodePoint(parseInt(this.s.slice(this.i, this.i + len), 16))
        this.i += len
        return { req: [ch], literal: ch }
      }
      if (n === 'u' && this.s[this.i] === '{') {
        const end = this.s.indexOf('}', this.i)
        const ch = String.fromCodePoint(parseInt(this.s.slice(this.i + 1, end), 16))
        this.i = end + 1
        return { req: [ch], literal: ch }
      }
      if (n === 'u') return hex(4)
      if (n === 'x') return hex(2)
      // \p{…} \P{…} and \k<name> carry their argument: skip it whole.
      if ((n === 'p' || n === 'P') && this.s[this.i] === '{') this.i = this.s.indexOf('}', this.i) + 1
      else if (n === 'k' && this.s[this.i] === '<') this.i = this.s.indexOf('>', this.i) + 1
      if (ESCAPED_LITERAL.test(n)) return { req: [n], literal: n }
      return { req: null, literal: null } // \d \s \w \b \p{…} \k<…> and friends
    }
    if (c === '.' || c === '^' || c === '$') {
      this.i++
      return { req: null, literal: null }
    }
    const cp = String.fromCodePoint(this.s.codePointAt(this.i)!)
    this.i += cp.length
    return META.has(cp) ? { req: null, literal: null } : { req: [cp], literal: cp }
  }
}

export function requiredLiterals(source: string): string[] | null {
  try {
    const p = new Parser(source)
    const req = p.alternation()
    if (p.i < source.length) return null
    return req && req.every((s) => s.length > 0) ? req : null
  } catch {
    return null
  }
}
