import { addMonths, dropMonthsBefore, isPartitioned, monthOf, monthStart, OTHER, type Month } from '../db/partitions'
import type { Db } from '../db/types'

/**
 * Retention of raw telemetry events. The rollups keep every day's aggregates, so dashboards
 * still show the years before the cutoff; what goes is per-event detail (the override list,
 * a document's score history).
 *
 * `months` whole months before the current (UTC) month are kept; 0 keeps everything.
 */
export function retentionCutoff(months: number, now = Date.now()): Month | null {
  return months > 0 ? addMonths(monthOf(now), -months) : null
}

/** The cutoff retention last applied, as a time: events before it may be gone. */
export async function appliedCutoff(db: Pick<Db, 'query'>): Promise<string | null> {
  const [r] = await db.query<{ v: string }>(`SELECT value #>> '{}' AS v FROM settings WHERE key = 'retention.cutoff'`)
  return r?.v ?? null
}

export interface RetentionOptions {
  now?: number
  /** Rows per DELETE, and the pause between two: requests get the database in between. */
  chunk?: number
  pauseMs?: number
}

/**
 * Drops events before the cutoff: whole monthly partitions on PostgreSQL, bounded DELETEs on
 * PGlite (and for the few rows in `events_other`). Runs on start and daily, never in a request.
 */
export async function applyRetention(db: Db, months: number, o: RetentionOptions = {}): Promise<{ cutoff: Month | null; droppedMonths: Month[]; deleted: number }> {
  const cutoff = retentionCutoff(months, o.now)
  if (!cutoff) return { cutoff, droppedMonths: [], deleted: 0 }
  // Noted first: a rollup rebuild from here on keeps the days before it (rollups.ts).
  await db.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ('retention.cutoff', to_jsonb($1::text), now())
     ON CONFLICT (key) DO UPDATE SET value = greatest(settings.value, excluded.value), updated_at = now()`,
    [monthStart(cutoff)],
  )
  const partitioned = db.kind === 'postgres' && (await isPartitioned(db))
  const droppedMonths = partitioned ? await dropMonthsBefore(db, cutoff) : []
  const deleted = await deleteBefore(db, partitioned ? OTHER : 'events', monthStart(cutoff), o)
  // PGlite runs no autovacuum: the deleted rows' space is reused only once vacuumed.
  if (deleted && db.kind === 'pglite') await db.exec('VACUUM events')
  return { cutoff, droppedMonths, deleted }
}

/** DELETEs of at most `chunk` rows, found by the time index (events_at). */
async function deleteBefore(db: Db, table: string, before: string, o: RetentionOptions): Promise<number> {
  const chunk = o.chunk ?? 2000
  let deleted = 0
  for (;;) {
    const rows = await db.query<{ n: number }>(
      `WITH d AS (DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE at < $1 LIMIT $2)) RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [before, chunk],
    )
    deleted += rows[0]!.n
    if (rows[0]!.n < chunk) return deleted
    await new Promise((r) => setTimeout(r, o.pauseMs ?? 20))
  }
}
