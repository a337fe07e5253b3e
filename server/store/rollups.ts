import { CategorySchema } from '../../core'
import type { Db, Queryable, Step } from '../db/types'

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
 * The rollup statements over `source`, a relation of event rows (the queue being folded, or some
 * of the events table), as CTEs for one WITH: `tz` is the SQL for the time zone. The events are
 * read once into `fine` rows (and their filings once more, for quota_docs); day cells (day, unit,
 * 文种, kind), rule cells and user days are summed from those, and the cube levels and spans from
 * the few cells, not from every event again. `spans` are the cube spans to count (a rebuild counts
 * days, then months and user_year from the day rows). One writer at a time (ROLLUP_LOCK), so no
 * lock order is needed.
 */
export function rollupCtes(source: string, tz: string, o: { spans?: Span[]; userYear?: boolean } = {}): string {
  const spans = o.spans ?? ['day', 'month']
  const events = `(SELECT *, ${DAY(tz)} AS day, least(floor(score / 10), 9)::int AS bucket FROM ${source}) s`
  const measures = ['count(*)', 'sum(score::float8)', 'count(over_cap)', 'count(*) FILTER (WHERE over_cap)', 'count(*) FILTER (WHERE disguised)', 'count(*) FILTER (WHERE frame)',
    ...CATEGORIES.map((c) => `sum(c_${c})`), ...HISTOGRAM.map((_, b) => `count(*) FILTER (WHERE bucket = ${b})`)]
  // Sums of counts stay bigint (sum of bigint would be numeric, slower to add up again).
  const resum = (c: string) => (c === 'score_sum' ? `sum(${c})` : `sum(${c})::bigint`)
  const ctes = [
    // The one pass over the events: every measure per day, unit, 文种, kind, drafter and rule
    // list. A day's events share few drafters and lists, so what follows adds up far fewer rows.
    `fine AS (SELECT day, unit, doc_type, kind, usr, rule_ids, rule_id, ${measures.map((c, i) => `${c} AS ${MEASURE_COLUMNS[i]}`).join(', ')} FROM ${events} GROUP BY 1, 2, 3, 4, 5, 6, 7)`,
    `cells AS (SELECT day, unit, doc_type, kind, ${MEASURE_COLUMNS.map((c) => `${resum(c)} AS ${c}`).join(', ')} FROM fine GROUP BY 1, 2, 3, 4)`,
    // Each rule list is unnested once per cell, not once per event.
    `rule_lists AS (SELECT day, unit, doc_type, kind, rule_ids, sum(n)::bigint AS n FROM fine WHERE kind IN ('analyzed', 'filed') GROUP BY 1, 2, 3, 4, 5)`,
    `rule_cells AS (SELECT day, unit, doc_type, kind, rule_id, sum(n)::bigint AS n FROM (
       SELECT day, unit, doc_type, kind, r AS rule_id, n FROM rule_lists, jsonb_array_elements_text(rule_ids) AS r
       UNION ALL
       SELECT day, unit, doc_type, kind, rule_id, n FROM fine WHERE kind IN ('dismiss', 'false-positive') AND rule_id IS NOT NULL) x GROUP BY 1, 2, 3, 4, 5)`,
    ...spans.flatMap((span) => [
      `${span}_cube AS (INSERT INTO event_cube (span, period, grouped, unit, doc_type, kind, ${MEASURE_COLUMNS.join(', ')})
       SELECT '${span}', ${PERIOD[span]}, ${LEVEL}, kind, ${MEASURE_COLUMNS.map((c) => `sum(${c})`).join(', ')}
       FROM cells GROUP BY ${PERIOD[span]}, kind, ${LEVELS}
       ON CONFLICT (grouped, unit, doc_type, span, period, kind) DO UPDATE SET ${MEASURE_COLUMNS.map((c) => `${c} = event_cube.${c} + excluded.${c}`).join(', ')})`,
      `${span}_rules AS (INSERT INTO rule_cube (span, period, grouped, unit, doc_type, kind, rule_id, n)
       SELECT '${span}', ${PERIOD[span]}, ${LEVEL}, kind, rule_id, sum(n)
       FROM rule_cells GROUP BY ${PERIOD[span]}, kind, rule_id, ${LEVELS}
       ON CONFLICT (grouped, unit, doc_type, span, period, kind, rule_id) DO UPDATE SET n = rule_cube.n + excluded.n)`,
    ]),
    `quota_new AS (${quotaDocsInsert(source, tz)} RETURNING unit, year, doc_type, doc_key)`,
    `quota_sums AS (${QUOTA_COUNTS_ADD})`,
    // A user's later events of a day insert nothing here, so user_year sees only first ones.
    `user_days AS (INSERT INTO user_rollup (day, unit, doc_type, kind, usr)
       SELECT DISTINCT day, unit, doc_type, kind, usr FROM fine
       ON CONFLICT DO NOTHING RETURNING day, unit, doc_type, kind, usr)`,
  ]
  if (o.userYear ?? true) ctes.push(`user_years AS (${userYearInsert(`(SELECT * FROM user_days WHERE ${USER_KINDS}) e`)})`)
  return ctes.join(',\n  ')
}

/** The rollup statements of `rollupCtes` as one statement. */
export const rollupStatement = (source: string, tz: string, o: { spans?: Span[]; userYear?: boolean } = {}) =>
  `WITH ${rollupCtes(source, tz, o)} SELECT 1`

/** A filing counts toward its unit's yearly quota unless it was blocked or sent back. */
const COUNTED_FILING = `kind = 'filed' AND coalesce(action, '') NOT IN ('block', 'returned')`

/** quota_docs from event rows: each counted filing's document, once per unit, year and 文种. */
function quotaDocsInsert(source: string, tz: string): string {
  return `INSERT INTO quota_docs (unit, year, doc_type, doc_key)
    SELECT DISTINCT unit, extract(year FROM at AT TIME ZONE ${tz})::int, doc_type, coalesce(doc_hash, id) FROM ${source} WHERE ${COUNTED_FILING}
    ON CONFLICT DO NOTHING`
}

/**
 * quota_counts from the documents quota_new added to quota_docs: one more per new row for its
 * 文种; for the unit's year, one more per new document it had under no 文种 before (this
 * statement's reads of quota_docs do not see what quota_new adds).
 */
const QUOTA_COUNTS_ADD = `INSERT INTO quota_counts (unit, year, grouped, doc_type, n)
    SELECT unit, year, 0, doc_type, count(*) FROM quota_new GROUP BY unit, year, doc_type
    UNION ALL
    SELECT unit, year, 1, '', count(DISTINCT doc_key) FROM quota_new q
    WHERE NOT EXISTS (SELECT 1 FROM quota_docs d WHERE d.unit = q.unit AND d.year = q.year AND d.doc_key = q.doc_key)
    GROUP BY unit, year
    ON CONFLICT (unit, year, grouped, doc_type) DO UPDATE SET n = quota_counts.n + excluded.n`

/** user_year from rows with day, unit, doc_type, kind and usr. */
function userYearInsert(source: string): string {
  return `INSERT INTO user_year (grouped, unit, doc_type, kind, year, usr, days)
    SELECT ${LEVEL}, kind, year, usr, bit_or(B'1'::bit(366) >> (day - make_date(year, 1, 1)))
    FROM (SELECT *, extract(year FROM day)::int AS year FROM ${source}) u
    GROUP BY kind, year, usr, ${LEVELS}
    ON CONFLICT (grouped, unit, doc_type, kind, year, usr) DO UPDATE SET days = user_year.days | excluded.days
      WHERE user_year.days | excluded.days <> user_year.days`
}

/** The columns the rollups read from an inserted event. */
export const ROLLUP_SOURCE_COLUMNS = `kind, at, unit, usr, doc_type, score, over_cap, disguised, frame, ${CATEGORIES.map((c) => `c_${c}`).join(', ')}, rule_ids, rule_id, id, doc_hash, action`

/** One rollup writer at a time: the folder, and a time-zone rebuild. */
const ROLLUP_LOCK = 727276

/** The rollups of the queued events `take` yields. */
const foldOf = (take: string) => `WITH q AS (${take}), ${rollupCtes('q', '$1::text')} SELECT count(*)::int AS n FROM q`
const FOLD_DELETE = foldOf(`DELETE FROM rollup_queue RETURNING ${ROLLUP_SOURCE_COLUMNS}`)
const FOLD_READ = foldOf(`SELECT ${ROLLUP_SOURCE_COLUMNS} FROM rollup_queue`)

/**
 * Takes every queued event out of the queue and adds it to the rollups; the number folded. Inside
 * a transaction that holds the rollup lock.
 *  - PostgreSQL: one DELETE … RETURNING, beside concurrent ingest (read committed: it sees every
 *    fold committed while this one waited for the lock).
 *  - PGlite: read the queue, then TRUNCATE it. Its one connection lets nothing in between, and it
 *    runs no autovacuum: deleted rows would stay in the queue's file for every later fold to read.
 */
async function takeQueue(q: Queryable, kind: Db['kind'], tz: string): Promise<number> {
  if (kind === 'postgres') return (await q.query<{ n: number }>(FOLD_DELETE, [tz]))[0]!.n
  const [read, truncate] = takeSteps(tz)
  const [r] = await q.query<{ n: number }>(read!.sql, read!.params)
  await q.query(truncate!.sql)
  return r!.n
}
const takeSteps = (tz: string): Step[] => [{ sql: FOLD_READ, params: [tz] }, { sql: 'TRUNCATE rollup_queue' }]

/**
 * Folds the events ingest queued (migration 0008) into the rollups; the number folded. `wait`:
 * wait for a fold running elsewhere and fold after it (a dashboard read, which must count every
 * acknowledged event); otherwise skip when one runs (the timer).
 */
export async function foldQueue(db: Pick<Db, 'kind' | 'query' | 'tx' | 'script'>, tz: string, o: { wait?: boolean } = {}): Promise<number> {
  // Nothing visible in the queue: every acknowledged event has been folded (a fold that took it
  // and has not committed still shows it here, so this never answers too early).
  const [pending] = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM rollup_queue) AS any')
  if (!pending!.any) return 0
  // PGlite: one connection, so no other folder to wait for or skip; the fold in one trip.
  if (db.kind === 'pglite') return ((await db.script(takeSteps(tz)))[0]![0] as { n: number }).n
  return db.tx(async (q) => {
    if (o.wait) await q.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`)
    else {
      const [got] = await q.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS ok`)
      if (!got!.ok) return 0
    }
    return takeQueue(q, db.kind, tz)
  })
}

/**
 * Rollups built for this time zone: rebuilt from the events when they were built for another
 * (or never, after the migration that made them). One instance rebuilds; the others wait.
 */
export async function ensureRollups(db: Pick<Db, 'kind' | 'tx'>, tz: string): Promise<boolean> {
  return db.tx(async (q) => {
    await q.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`)
    const [row] = await q.query<{ tz: string }>(`SELECT value #>> '{}' AS tz FROM settings WHERE key = 'rollup.tz'`)
    if (row?.tz === tz) return false
    // Queued events first, so those whose events retention has dropped still count. Instances are
    // restarted together on a time-zone change (docs/scale-out.md): nothing is queued meanwhile.
    await takeQueue(q, db.kind, tz)
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
    // Years that start after the cutoff are recounted; the cutoff's own year keeps its documents
    // and gains the kept events' (a document is counted once either way).
    await q.query(`DELETE FROM quota_docs WHERE make_date(year, 1, 1) > $1::date`, [from])
    await q.query(`DELETE FROM quota_counts WHERE make_date(year, 1, 1) > $1::date`, [from])
    const source = `(SELECT * FROM events WHERE at >= $2::date::timestamp AT TIME ZONE $1::text) AS kept`
    await q.query(rollupStatement(source, '$1::text', { spans: ['day'], userYear: false }), [tz, from])
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
