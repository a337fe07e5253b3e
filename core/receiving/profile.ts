import type { BurdenProfileReport as BurdenProfile, Demand } from '../schema/report'
import { readNumber } from '../demand/deadline'
import { toIso } from '../demand/calendar'

export type { BurdenProfile }

/** Monitoring modules of a 基层负担监测 system. */
export type Module = keyof BurdenProfile['modules']

const RANKING = /考核|评比|排名|打分|测评|示范|创建|达标/u

/** An app a check-in or a login is made in: 政务APP, not 留痕. */
const APP = /APP|App|app|小程序|客户端|政务号|公众号|掌上|平台/u

export function moduleOf(d: Pick<Demand, 'kind'>, words: string, clause = words): Module {
  switch (d.kind) {
    case 'meeting':
      return '会议文件'
    case 'accompany':
      return '督查检查'
    case 'inspection':
      return RANKING.test(words) ? '考核评比' : '督查检查'
    case 'pledge':
    case 'veto':
      return '考核评比'
    case 'checkin':
      return APP.test(clause) ? '政务APP' : '留痕'
    case 'ledger':
    case 'proof':
      return '留痕'
    case 'app':
      return '政务APP'
    default:
      return '报表材料'
  }
}

/** A demand that recurs, and until when (至6月30日 / 6月底前每周报送), or open-ended: see BurdenProfileSchema. */
export type Recurring = BurdenProfile['recurring'][number]

const MODULES: Module[] = ['会议文件', '督查检查', '考核评比', '报表材料', '留痕', '政务APP']
const UNTIL = /(?:至|到|截至|截止到?)(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})日|底)|(\d{1,2}|[一二三四五六七八九十]{1,3})月底前/u

/** The end of a recurring demand's period, read in its clause; null when open-ended. */
export function untilOf(sentence: string, issued: string | null): string | null {
  const m = UNTIL.exec(sentence)
  if (!m || !issued) return null
  const month = readNumber(m[1] ?? m[3]!)
  if (month === null || !(month >= 1 && month <= 12)) return null
  const year = Number(issued.slice(0, 4)) + (month < Number(issued.slice(5, 7)) ? 1 : 0)
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = m[2] ? Math.min(readNumber(m[2]) ?? last, last) : last
  return toIso(year, month, day)
}

const CLAUSE_END = /[，,；;。！？!?\n]/u

/** The clause around a demand: its period (至6月30日) stands there, not elsewhere in the sentence. */
function clauseAround(text: string, start: number, end: number): string {
  let a = start
  while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--
  let b = end
  while (b < text.length && !CLAUSE_END.test(text[b]!)) b++
  return text.slice(a, b)
}

export function burdenProfile(demands: Demand[], text: string, issued: string | null): BurdenProfile {
  const modules = Object.fromEntries(MODULES.map((m) => [m, { demands: 0, burdens: 0, recurring: 0 }])) as BurdenProfile['modules']
  const recurring: Recurring[] = []
  const deadlines: BurdenProfile['deadlines'] = []
  let meetings = 0
  let inspections = 0
  for (const d of demands) {
    const module = moduleOf(d, text.slice(d.start, d.end), clauseAround(text, d.start, d.end))
    const m = modules[module]
    m.demands++
    if (d.burden) m.burdens++
    if (d.kind === 'meeting') meetings++
    if (d.kind === 'inspection' || d.kind === 'accompany') inspections++
    if (d.frequency && d.frequency !== 'realtime') {
      m.recurring++
      recurring.push({ kind: d.kind, module, frequency: d.frequency, until: untilOf(clauseAround(text, d.start, d.end), issued), start: d.start, end: d.end })
    }
    if (d.workdays !== null) deadlines.push({ workdays: d.workdays, date: d.deadlineDate, start: d.start, end: d.end })
  }
  return { modules, recurring, deadlines, meetings, inspections }
}
