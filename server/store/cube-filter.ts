import type { EventFilter } from '../lib/filter'

/**
 * A filter over the rollup cubes (migration 0007). Full months of the date range come from month
 * rows, the days at its edges from day rows; the level is the coarsest the filter and grouping
 * allow, so an unfiltered overview reads the overall rows, not one per unit and 文种.
 */
export interface CubeSlice {
  /** Group by unit: read per-unit rows (bit 1 of `grouped` clear). */
  byUnit?: boolean
  /** Group by 文种: read per-文种 rows (bit 0 clear). */
  byDocType?: boolean
  /** Day rows only (weekly trends), never months. */
  days?: boolean
}

const DAY_MS = 86_400_000
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`)
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const monthAfter = (d: string) => iso(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 1))

/**
 * The days [from, to] as full months [monthFrom, monthTo) and the days outside them, [first, last]
 * ranges; dates or ±infinity. No range is empty: a day branch that matches nothing would still
 * walk every day row of the level.
 */
export function periodsOf(f: Pick<EventFilter, 'from' | 'to'>): { months: [string, string] | null; days: Array<[string, string]> } {
  const from = f.from ?? '-infinity'
  const to = f.to ?? 'infinity'
  const monthFrom = !f.from ? '-infinity' : f.from.endsWith('-01') ? f.from : monthAfter(f.from)
  const monthTo = !f.to ? 'infinity' : monthAfter(f.to) === dayAfter(f.to) ? monthAfter(f.to) : `${f.to.slice(0, 7)}-01`
  if (f.from && f.to && monthFrom >= monthTo) return { months: null, days: f.from <= f.to ? [[from, to]] : [] }
  const days: Array<[string, string]> = []
  if (f.from && f.from < monthFrom) days.push([f.from, dayBefore(monthFrom)])
  if (f.to && monthTo <= f.to) days.push([monthTo, f.to])
  return { months: [monthFrom, monthTo], days }
}
const dayAfter = (d: string) => iso(dayMs(d) + DAY_MS)
const dayBefore = (d: string) => iso(dayMs(d) - DAY_MS)

/** SQL conditions on event_cube or rule_cube for a filter; its parameters start at $`first`. */
export function cubeWhereOf(f: EventFilter, s: CubeSlice = {}, first = 1): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const p = (v: unknown) => (params.push(v), `$${first + params.length - 1}`)
  const d = (v: string) => `${p(v)}::date`
  const grouped = (f.unit || s.byUnit ? 0 : 2) | (f.docType || s.byDocType ? 0 : 1)
  const conds = [`grouped = ${grouped}`]
  if (f.unit) conds.push(`unit = ${p(f.unit)}`)
  else if (!s.byUnit) conds.push(`unit = ''`)
  if (f.docType) conds.push(`doc_type = ${p(f.docType)}`)
  else if (!s.byDocType) conds.push(`doc_type = ''`)
  const t = s.days ? { months: null, days: [[f.from ?? '-infinity', f.to ?? 'infinity']] } : periodsOf(f)
  const spans = t.days.map(([a, b]) => `(span = 'day' AND period BETWEEN ${d(a)} AND ${d(b)})`)
  if (t.months) spans.push(`(span = 'month' AND period >= ${d(t.months[0])} AND period < ${d(t.months[1])})`)
  conds.push(spans.length ? `(${spans.join(' OR ')})` : 'false')
  return { sql: conds.join(' AND '), params }
}

const YEAR_DAYS = 366
const yearOf = (d: string) => Number(d.slice(0, 4))
const dayOfYear = (d: string) => Math.round((dayMs(d) - Date.UTC(yearOf(d), 0, 1)) / DAY_MS)

/**
 * SQL conditions on user_year: the filter's level, and some day of [from, to] set in `days`.
 * Years strictly inside the range count whole; the years of `from` and `to` through a mask.
 */
export function userWhereOf(f: EventFilter, first = 1): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const p = (v: unknown) => (params.push(v), `$${first + params.length - 1}`)
  const grouped = (f.unit ? 0 : 2) | (f.docType ? 0 : 1)
  const conds = [`grouped = ${grouped}`, `unit = ${f.unit ? p(f.unit) : `''`}`, `doc_type = ${f.docType ? p(f.docType) : `''`}`]
  const fromYear = f.from ? yearOf(f.from) : -1
  const toYear = f.to ? yearOf(f.to) : 1_000_000
  const mask = (y: number) => {
    const lo = f.from && yearOf(f.from) === y ? dayOfYear(f.from) : 0
    const hi = f.to && yearOf(f.to) === y ? dayOfYear(f.to) : YEAR_DAYS - 1
    return Array.from({ length: YEAR_DAYS }, (_, i) => (i >= lo && i <= hi ? '1' : '0')).join('')
  }
  const some = (y: number) => `(year = ${p(y)} AND (days & ${p(mask(y))}::bit(${YEAR_DAYS})) <> B'0'::bit(${YEAR_DAYS}))`
  const years = [`(year > ${p(fromYear)} AND year < ${p(toYear)})`]
  if (f.from) years.push(some(fromYear))
  if (f.to && toYear !== fromYear) years.push(some(toYear))
  conds.push(`(${years.join(' OR ')})`)
  return { sql: conds.join(' AND '), params }
}
