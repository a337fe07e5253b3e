import { CategorySchema } from '../../core'
import type { Db } from '../db/types'

const CATEGORIES = CategorySchema.options
const DAY = (tz: string) => `(at AT TIME ZONE ${tz})::date`
const MONTH = (day: string) => `date_trunc('month', ${day})::date`
/** Score histogram columns: h0 for 0–9.x … h9 for 90–100. */
export const HISTOGRAM = Array.from({ length: 10 }, (_, b) => `h${b}`)
/** What event_cube adds up, in its column order. */
export const MEASURE_COLUMNS = ['n', 'score_sum', 'over_cap_known', 'over_cap', 'disguised', 'frame', ...CATEGORIES.map((c) => `c_${c}`), ...HISTOGRAM]
/** The cube levels (migration 0007): per unit and 文种, per unit, per 文种, overall. */
const LEVELS = 'GROUPING SETS ((unit, doc_type), (unit), (doc_type), ())'
const LEVEL = `grouping(unit, doc_type), coalesce(unit, ''), coalesce(doc_type, '')`
export type Span = 'day' | 'month'
const PERIOD: Record<Span, string> = { day: 'day', month: MONTH('day') }

/** Kinds whose drafters count as users (the dashboard's bases). */
const USER_KINDS = `kind IN ('analyzed', 'filed')`

/**
 * The rollup INSERTs over `source`, a relation of event rows (the rows an ingest just inserted,
 * or some of the events table); `tz` is the SQL for the time zone. `spans` are the cube spans to
 * count (a rebuild counts days, then months and user_year from the day rows).
 * Rows go in key order, so concurrent ingests lock rollup rows in the same order.
 */
export function rollupInserts(source: string, tz: string, o: { spans?: Span[]; userYear?: boolean } = {}): string[] {
  const spans = o.spans ?? ['day', 'month']
  const events = `(SELECT *, ${DAY(tz)} AS day, least(floor(score / 10), 9)::int AS bucket FROM ${source}) s`
  const sums = ['count(*)', 'sum(score::float8)', 'count(over_cap)', 'count(*) FILTER (WHERE over_cap)', 'count(*) FILTER (WHERE disguised)', 'count(*) FILTER (WHERE frame)',
    ...CATEGORIES.map((c) => `sum(c_${c})`), ...HISTOGRAM.map((_, b) => `count(*) FILTER (WHERE bucket = ${b})`)]
  const rules = `(SELECT day, unit, doc_type, kind, r AS rule_id FROM ${events}, jsonb_array_elements_text(rule_ids) AS r WHERE kind IN ('analyzed', 'filed')
       UNION ALL
       SELECT day, unit, doc_type, kind, rule_id FROM ${events} WHERE kind IN ('dismiss', 'false-positive') AND rule_id IS NOT NULL) x`
  const inserts = spans.flatMap((span) => [
    `INSERT INTO event_cube (span, period, grouped, unit, doc_type, kind, ${MEASURE_COLUMNS.join(', ')})
     SELECT '${span}', ${PERIOD[span]}, ${LEVEL}, kind, ${sums.join(', ')}
     FROM ${events} GROUP BY ${PERIOD[span]}, kind, ${LEVELS} ORDER BY 3, 4, 5, 2, 6
     ON CONFLICT (grouped, unit, doc_type, span, period, kind) DO UPDATE SET ${MEASURE_COLUMNS.map((c) => `${c} = event_cube.${c} + excluded.${c}`).join(', ')}`,
    `INSERT INTO rule_cube (span, period, grouped, unit, doc_type, kind, rule_id, n)
     SELECT '${span}', ${PERIOD[span]}, ${LEVEL}, kind, rule_id, count(*)
     FROM ${rules} GROUP BY ${PERIOD[span]}, kind, rule_id, ${LEVELS} ORDER BY 3, 4, 5, 2, 6, 7
     ON CONFLICT (grouped, unit, doc_type, span, period, kind, rule_id) DO UPDATE SET n = rule_cube.n + excluded.n`,
  ])
  inserts.push(`INSERT INTO user_rollup (day, unit, doc_type, kind, usr)
     SELECT DISTINCT day, unit, doc_type, kind, usr FROM ${events} ORDER BY 1, 2, 3, 4, 5
     ON CONFLICT DO NOTHING`)
  if (o.userYear ?? true) inserts.push(userYearInsert(`(SELECT day, unit, doc_type, kind, usr FROM ${events} WHERE ${USER_KINDS}) e`))
  return inserts
}

/** user_year from rows with day, unit, doc_type, kind and usr; a row changes only on a user's first event of a day. */
function userYearInsert(source: string): string {
  return `INSERT INTO user_year (grouped, unit, doc_type, kind, year, usr, days)
    SELECT ${LEVEL}, kind, year, usr, bit_or(B'1'::bit(366) >> (day - make_date(year, 1, 1)))
    FROM (SELECT *, extract(year FROM day)::int AS year FROM ${source}) u
    GROUP BY kind, year, usr, ${LEVELS} ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (grouped, unit, doc_type, kind, year, usr) DO UPDATE SET days = user_year.days | excluded.days
      WHERE user_year.days | excluded.days <> user_year.days`
}

/** The columns the rollups read from an inserted event. */
export const ROLLUP_SOURCE_COLUMNS = `kind, at, unit, usr, doc_type, score, over_cap, disguised, frame, ${CATEGORIES.map((c) => `c_${c}`).join(', ')}, rule_ids, rule_id`

/**
 * Rollups built for this time zone: rebuilt from the events when they were built for another
 * (or never, after the migration that made them). One instance rebuilds; the others wait.
 */
export async function ensureRollups(db: Pick<Db, 'tx'>, tz: string): Promise<boolean> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(727276)')
    const [row] = await q.query<{ tz: string }>(`SELECT value #>> '{}' AS tz FROM settings WHERE key = 'rollup.tz'`)
    if (row?.tz === tz) return false
    // Days before the retention cutoff have no events left to count again: their rollups stay
    // as they are (in the old time zone's days), and the rebuild starts the day after it.
    const [kept] = await q.query<{ day: string | null }>(
      `SELECT to_char(((value #>> '{}')::timestamptz AT TIME ZONE $1)::date + 1, 'YYYY-MM-DD') AS day FROM settings WHERE key = 'retention.cutoff'`,
      [tz],
    )
    const from = kept?.day ?? '-infinity'
    await q.query(`DELETE FROM event_cube WHERE span = 'month' OR period >= $1::date`, [from])
    await q.query(`DELETE FROM rule_cube WHERE span = 'month' OR period >= $1::date`, [from])
    await q.query(`DELETE FROM user_rollup WHERE day >= $1::date`, [from])
    await q.query('DELETE FROM user_year')
    const source = `(SELECT * FROM events WHERE at >= $2::date::timestamp AT TIME ZONE $1::text) AS kept`
    for (const sql of rollupInserts(source, '$1::text', { spans: ['day'], userYear: false })) await q.query(sql, [tz, from])
    // Months and users over every day kept, those before the cutoff included.
    const sums = MEASURE_COLUMNS.map((c) => `sum(${c})`).join(', ')
    await q.query(`INSERT INTO event_cube (span, period, grouped, unit, doc_type, kind, ${MEASURE_COLUMNS.join(', ')})
      SELECT 'month', ${MONTH('period')}, grouped, unit, doc_type, kind, ${sums} FROM event_cube WHERE span = 'day' GROUP BY 2, 3, 4, 5, 6`)
    await q.query(`INSERT INTO rule_cube (span, period, grouped, unit, doc_type, kind, rule_id, n)
      SELECT 'month', ${MONTH('period')}, grouped, unit, doc_type, kind, rule_id, sum(n) FROM rule_cube WHERE span = 'day' GROUP BY 2, 3, 4, 5, 6, 7`)
    await q.query(userYearInsert(`(SELECT * FROM user_rollup WHERE ${USER_KINDS}) r`))
    await q.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ('rollup.tz', to_jsonb($1::text), now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [tz],
    )
    return true
  })
}
