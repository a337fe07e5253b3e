import type { Db, Queryable } from './types'

/**
 * Monthly partitions of `events` on PostgreSQL (UTC months of `at`), so retention drops a whole
 * month at once instead of deleting millions of rows. PGlite keeps one plain table: one county's
 * events, deleted in chunks (server/store/retention.ts).
 *
 * Months from `WINDOW_MONTHS` ago to next month get their own partition, made ahead or on the
 * first event; anything older or further ahead goes to `events_other`, so a client cannot make
 * a thousand partitions by sending a thousand months.
 */
export const OTHER = 'events_other'
export const WINDOW_MONTHS = 24
const LOCK = 727277

/** A UTC month as 'YYYY-MM'. */
export type Month = string
export const monthOf = (t: Date | string | number): Month => new Date(t).toISOString().slice(0, 7)
export const addMonths = (m: Month, n: number): Month => monthOf(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + n, 1))
export const monthStart = (m: Month) => `${m}-01T00:00:00Z`
const tableOf = (m: Month) => `events_${m.replace('-', '_')}`

export async function isPartitioned(q: Queryable): Promise<boolean> {
  const [r] = await q.query<{ kind: string }>(`SELECT relkind::text AS kind FROM pg_class WHERE oid = to_regclass('events')`)
  return r?.kind === 'p'
}

/** The monthly partitions that exist, with their months. */
export async function monthPartitions(q: Queryable): Promise<Month[]> {
  const rows = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('events')`,
  )
  return rows.flatMap((r) => (/^events_\d{4}_\d{2}$/.test(r.name) ? [r.name.slice(7).replace('_', '-')] : [])).sort()
}

/**
 * Makes the partition for month `m` unless it exists. Rows of that month already in
 * `events_other` (sent far ahead of time, or before the window moved) move into it.
 */
export async function ensureMonth(db: Pick<Db, 'tx'>, m: Month): Promise<void> {
  await db.tx(async (q) => {
    await q.query(`SELECT pg_advisory_xact_lock(${LOCK})`)
    if (await q.query(`SELECT 1 FROM pg_class WHERE oid = to_regclass($1)`, [tableOf(m)]).then((r) => r.length)) return
    const from = monthStart(m)
    const to = monthStart(addMonths(m, 1))
    await q.query(`CREATE TEMP TABLE moving ON COMMIT DROP AS WITH d AS (DELETE FROM ${OTHER} WHERE at >= $1 AND at < $2 RETURNING *) SELECT * FROM d`, [from, to])
    await q.query(`CREATE TABLE ${tableOf(m)} PARTITION OF events FOR VALUES FROM ('${from}') TO ('${to}')`)
    await q.query(`INSERT INTO events SELECT * FROM moving`)
  })
}

/** Partitions for this month and the next, so the month's first events never wait for one. */
export async function ensureAhead(db: Pick<Db, 'tx'>, now = Date.now()): Promise<void> {
  const m = monthOf(now)
  for (const month of [m, addMonths(m, 1)]) await ensureMonth(db, month)
}

/** Drops the monthly partitions that end on or before `cutoff` (a month start); returns their months. */
export async function dropMonthsBefore(db: Pick<Db, 'tx' | 'query'>, cutoff: Month): Promise<Month[]> {
  const old = (await monthPartitions(db)).filter((m) => m < cutoff)
  for (const m of old)
    await db.tx(async (q) => {
      // The drop needs the table to itself for a moment: wait for running ingests, not forever.
      await q.query(`SET LOCAL lock_timeout = '10s'`)
      await q.query(`DROP TABLE IF EXISTS ${tableOf(m)}`)
    })
  return old
}

/** Months an ingest may make a partition for: the window, and not before the retention cutoff. */
export function inWindow(m: Month, now = Date.now(), cutoff?: Month): boolean {
  const current = monthOf(now)
  const floor = addMonths(current, -WINDOW_MONTHS)
  return m >= floor && m >= (cutoff ?? floor) && m <= addMonths(current, 1)
}

/**
 * Turns a plain `events` table into the partitioned one, in one transaction. Done on start for
 * an empty table (a new install); a table with events is converted by `npm run partition-events`
 * in a maintenance window (docs/scale-out.md), since copying millions of rows holds every
 * instance's ingest for minutes.
 */
export async function partitionEvents(db: Db, o: { evenWithEvents?: boolean; now?: number } = {}): Promise<'partitioned' | 'kept' | 'already'> {
  const done = await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(727274)')
    if (await isPartitioned(q)) return 'already' as const
    if (!o.evenWithEvents && (await q.query('SELECT 1 FROM events LIMIT 1')).length) return 'kept' as const
    const months = (await q.query<{ m: string }>(`SELECT DISTINCT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM') AS m FROM events`)).map((r) => r.m)
    const indexes = (
      await q.query<{ def: string }>(
        `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i WHERE i.indrelid = to_regclass('events') AND NOT i.indisprimary`,
      )
    ).map((r) => r.def.replace(/ ON (ONLY )?\S+ USING /, ' ON events USING '))
    await q.query('ALTER TABLE events RENAME TO events_plain')
    await q.query('CREATE TABLE events (LIKE events_plain INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (at)')
    await q.query(`CREATE TABLE ${OTHER} PARTITION OF events DEFAULT`)
    for (const m of months)
      await q.query(`CREATE TABLE ${tableOf(m)} PARTITION OF events FOR VALUES FROM ('${monthStart(m)}') TO ('${monthStart(addMonths(m, 1))}')`)
    await q.query('INSERT INTO events SELECT * FROM events_plain')
    await q.query('DROP TABLE events_plain')
    // Ids are unique with their time: a retry resends the same event, time and all. The
    // partition key must be in every unique index.
    await q.query('ALTER TABLE events ADD PRIMARY KEY (id, at)')
    // The plain table's other indexes, whatever migrations made them, on the partitioned one.
    for (const sql of indexes) await q.query(sql)
    return 'partitioned' as const
  })
  if (done !== 'kept') await ensureAhead(db, o.now)
  return done
}
