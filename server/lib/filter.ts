import { z } from 'zod'
import { DaySchema as day } from '../../core'

/** Filters shared by the aggregate and document queries. Dates are whole days in the service's time zone. */
export const EventFilterSchema = z.object({
  from: day.optional(),
  to: day.optional(),
  unit: z.string().min(1).max(100).optional(),
  docType: z.string().min(1).max(20).optional(),
})
export type EventFilter = z.infer<typeof EventFilterSchema>

/** SQL conditions for a filter; `$tz` is always the first parameter. */
export function whereOf(f: EventFilter, tz: string, alias = ''): { sql: string; params: unknown[] } {
  const a = alias ? `${alias}.` : ''
  const params: unknown[] = [tz]
  const conds: string[] = []
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v)
    conds.push(sql(`$${params.length}`))
  }
  if (f.from) add((p) => `${a}at >= (${p}::date)::timestamp AT TIME ZONE $1`, f.from)
  if (f.to) add((p) => `${a}at < ((${p}::date + 1)::timestamp AT TIME ZONE $1)`, f.to)
  if (f.unit) add((p) => `${a}unit = ${p}`, f.unit)
  if (f.docType) add((p) => `${a}doc_type = ${p}`, f.docType)
  // $1 must appear in the statement for PostgreSQL to type it.
  conds.push('$1::text IS NOT NULL')
  return { sql: conds.join(' AND '), params }
}
