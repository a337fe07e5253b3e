import type { Sentence } from '../text/segment'
// The 主送 line: short, ends in ：; the frame rules skip the same line.
import { SALUTATION } from '../rules/document'

/** Who a document is sent to, from its 主送 line (各乡镇（街道）、县直各单位：). */
export interface Recipient {
  /** The phrase as written. */
  text: string
  /** township 乡镇/街道, village 村/社区, department 部门/单位, unit a named body. */
  group: 'township' | 'village' | 'department' | 'unit'
  /** 各…: every unit of the group, not one named unit. */
  all: boolean
  start: number
  end: number
}

const SPLIT = /[、，,；;]/u
const GROUPS: Array<[Recipient['group'], RegExp]> = [
  ['village', /村|社区|居委会|村委会/u],
  ['township', /乡镇|乡|镇|街道|街镇|管委会/u],
  ['department', /部门|单位|局|委|办|厅|中心|机构|直属/u],
]
const ALL = /^各|各(?:有关)?(?:部门|单位)|直各|有关/u
const NOT_RECIPIENT = /^(?:同志们|各位|尊敬的)/u

export function parseRecipients(body: Sentence[]): Recipient[] {
  const line = body.slice(0, 3).find((s) => SALUTATION.test(s.text) && !NOT_RECIPIENT.test(s.text))
  if (!line) return []
  const out: Recipient[] = []
  const text = line.text.replace(/[：:]$/u, '')
  let from = 0
  for (let i = 0; i <= text.length; i++) {
    // 乡镇（街道）keeps its bracket: split only outside brackets.
    if (i < text.length && (!SPLIT.test(text[i]!) || inBrackets(text, i))) continue
    const raw = text.slice(from, i)
    const lead = raw.length - raw.trimStart().length
    const phrase = raw.trim()
    if (phrase) {
      const group = GROUPS.find(([, re]) => re.test(phrase))?.[0] ?? 'unit'
      out.push({ text: phrase, group, all: ALL.test(phrase), start: line.start + from + lead, end: line.start + from + lead + phrase.length })
    }
    from = i + 1
  }
  return out
}

function inBrackets(s: string, i: number): boolean {
  const open = Math.max(s.lastIndexOf('（', i), s.lastIndexOf('(', i))
  const close = Math.max(s.lastIndexOf('）', i), s.lastIndexOf(')', i))
  return open > close
}
