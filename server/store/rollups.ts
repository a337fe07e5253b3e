import { CategorySchema } from '../../core'
import type { Db } from '../db/types'

const CATEGORIES = CategorySchema.options
const KEY = 'day, unit, doc_type, kind'
const DAY = (tz: string) => `(at AT TIME ZONE ${tz})::date`
/** Score histogram columns: h0 for 0–9.x … h9 for 90–100. */
export const HISTOGRAM = Array.from({ length: 10 }, (_, b) => `h${b}`)
const ADDED = ['n', 'score_sum', 'over_cap_known', 'over_cap', 'disguised', 'frame']

/**
 * The three rollup INSERTs over `source`, a relation of event rows (the rows an ingest just
 * inserted, or the whole events table on a rebuild); `tz` is the SQL for the time zone.
 * Rows go in key order, so concurrent ingests lock rollup rows in the same order.
 */
export function rollupInserts(source: string, tz: string): string[] {
  const sums = CATEGORIES.map((c) => `c_${c}`)
  const added = [...ADDED, ...sums, ...HISTOGRAM]
  return [
    `INSERT INTO event_rollup (${KEY}, n, score_sum, over_cap_known, over_cap, disguised, frame, ${sums.join(', ')}, ${HISTOGRAM.join(', ')})
     SELECT ${DAY(tz)}, unit, doc_type, kind, count(*), sum(score::float8), count(over_cap),
       count(*) FILTER (WHERE over_cap), count(*) FILTER (WHERE disguised), count(*) FILTER (WHERE frame), ${sums.map((c) => `sum(${c})`).join(', ')},
       ${HISTOGRAM.map((_, b) => `count(*) FILTER (WHERE bucket = ${b})`).join(', ')}
     FROM (SELECT *, least(floor(score / 10), 9)::int AS bucket FROM ${source}) s GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT (${KEY}) DO UPDATE SET ${added.map((c) => `${c} = event_rollup.${c} + excluded.${c}`).join(', ')}`,
    `INSERT INTO user_rollup (${KEY}, usr)
     SELECT DISTINCT ${DAY(tz)}, unit, doc_type, kind, usr FROM ${source} ORDER BY 1, 2, 3, 4, 5
     ON CONFLICT DO NOTHING`,
    `INSERT INTO rule_rollup (${KEY}, rule_id, n)
     SELECT ${KEY}, rule_id, count(*) FROM (
       SELECT ${DAY(tz)} AS day, unit, doc_type, kind, r AS rule_id FROM ${source}, jsonb_array_elements_text(rule_ids) AS r WHERE kind IN ('analyzed', 'filed')
       UNION ALL
       SELECT ${DAY(tz)}, unit, doc_type, kind, rule_id FROM ${source} WHERE kind IN ('dismiss', 'false-positive') AND rule_id IS NOT NULL
     ) x GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
     ON CONFLICT (${KEY}, rule_id) DO UPDATE SET n = rule_rollup.n + excluded.n`,
  ]
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
    for (const t of ['event_rollup', 'user_rollup', 'rule_rollup']) await q.query(`DELETE FROM ${t} WHERE day >= $1::date`, [from])
    const source = `(SELECT * FROM events WHERE at >= $2::date::timestamp AT TIME ZONE $1::text) AS kept`
    for (const sql of rollupInserts(source, '$1::text')) await q.query(sql, [tz, from])
    await q.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ('rollup.tz', to_jsonb($1::text), now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [tz],
    )
    return true
  })
}
