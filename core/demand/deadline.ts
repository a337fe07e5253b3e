import type { Calendar } from '../schema/ruleset'
import type { Sentence } from '../text/segment'
import { addDays, toIso, workdaysBetween } from './calendar'

const CN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 12, 十二, 二十三, 三十一, 半 (→ 0.5) */
export function readNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s)
  if (s === '半') return 0.5
  if (!/^[〇○零一二三四五六七八九十两]+$/u.test(s)) return null
  const ten = s.indexOf('十')
  if (ten < 0) return s.length === 1 ? (CN_DIGIT[s] ?? null) : Number([...s].map((c) => CN_DIGIT[c] ?? 0).join(''))
  const tens = ten === 0 ? 1 : (CN_DIGIT[s[ten - 1]!] ?? 0)
  const ones = ten === s.length - 1 ? 0 : (CN_DIGIT[s[ten + 1]!] ?? 0)
  return tens * 10 + ones
}

const NUM = '(\\d{1,4}|[〇○零一二三四五六七八九十两]{1,4})'
const FULL_DATE = new RegExp(`^${NUM}年${NUM}月${NUM}日$`, 'u')
const MONTH_DAY = new RegExp(`(?:${NUM}年)?${NUM}月${NUM}日`, 'u')

/** The 成文日期: a date standing alone on a line near the end (after the signature). */
export function findIssueDate(sentences: Sentence[]): string | null {
  for (const s of sentences.slice(-8).reverse()) {
    const m = FULL_DATE.exec(s.text.replace(/\s+/gu, ''))
    if (!m) continue
    const [y, mo, d] = [readNumber(m[1]!), readNumber(m[2]!), readNumber(m[3]!)]
    if (y && y > 1900 && mo && mo <= 12 && d && d <= 31) return toIso(y, mo, d)
  }
  return null
}

export interface ResolvedDeadline {
  /** The last day allowed, when it can be named. */
  date: string | null
  /** Working days from the 成文日期 to the deadline. */
  workdays: number
}

/**
 * Resolves a deadline phrase (5月20日前, 次日, 当天, 3个工作日内, 48小时内) against the 成文日期.
 * A month-day earlier in the year than the issue date is read as next year's.
 */
export function resolveDeadline(phrase: string, issued: string, cal: Calendar): ResolvedDeadline | null {
  if (/当天|当日|即日/u.test(phrase)) return { date: issued, workdays: 0 }
  if (/次日|翌日/u.test(phrase)) {
    const d = addDays(issued, 1)
    return { date: d, workdays: workdaysBetween(issued, d, cal) }
  }
  const rel = new RegExp(`${NUM.replace('{1,4}', '{1,3}').replace('两]', '两半]')}个?(工作日|自然日|日|天|小时)内`, 'u').exec(phrase)
  if (rel) {
    const n = readNumber(rel[1]!)
    if (n === null) return null
    if (rel[2] === '工作日') return { date: null, workdays: n }
    const days = rel[2] === '小时' ? Math.floor(n / 24) : n
    const d = addDays(issued, days)
    return { date: d, workdays: workdaysBetween(issued, d, cal) }
  }
  const md = MONTH_DAY.exec(phrase)
  if (md) {
    const mo = readNumber(md[2]!)
    const day = readNumber(md[3]!)
    if (!mo || !day || mo > 12 || day > 31) return null
    const issuedYear = Number(issued.slice(0, 4))
    let year = md[1] ? readNumber(md[1]) : issuedYear
    if (!year || year < 1900) return null
    let d = toIso(year, mo, day)
    if (!md[1] && d < issued && issued.slice(5) > '10-31' && mo <= 3) d = toIso(++year, mo, day)
    if (d < issued) return null
    return { date: d, workdays: workdaysBetween(issued, d, cal) }
  }
  return null
}
