import type { Calendar } from '../schema/ruleset'

/** Calendar arithmetic on plain dates (YYYY-MM-DD, no time zone involved). */
export const toIso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

/** The day on the machine's own calendar (its time zone): what a drafter calls today. */
export const localToday = (d = new Date()) => toIso(d.getFullYear(), d.getMonth() + 1, d.getDate())

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
const fromDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days)
}

/** Holidays on fixed dates, for years whose 调休 schedule the calendar does not hold yet. */
const FIXED_HOLIDAYS = ['01-01', '05-01', '10-01', '10-02', '10-03']

export function isWorkday(iso: string, cal: Calendar): boolean {
  if (cal.workdays.includes(iso)) return true
  if (cal.holidays.includes(iso)) return false
  if (!knowsYear(iso, cal) && FIXED_HOLIDAYS.includes(iso.slice(5))) return false
  const weekday = new Date(dayNumber(iso) * 86_400_000).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** Working days after `from` up to and including `to`: a deadline the next working day is 1. */
export function workdaysBetween(from: string, to: string, cal: Calendar): number {
  let n = 0
  for (let d = dayNumber(from) + 1; d <= dayNumber(to); d++) if (isWorkday(fromDayNumber(d), cal)) n++
  return n
}

/** The date `n` working days after `from`. */
export function addWorkdays(from: string, n: number, cal: Calendar): string {
  let d = from
  for (let k = 0; k < n; ) {
    d = addDays(d, 1)
    if (isWorkday(d, cal)) k++
  }
  return d
}

/** True when the calendar knows the year's holidays (otherwise only weekends are known). */
export const knowsYear = (iso: string, cal: Calendar) => cal.years.includes(Number(iso.slice(0, 4)))
