import { CategorySchema, type TelemetryEvent } from '../../core'
import { ensureMonth, inWindow, isPartitioned, monthOf, monthPartitions, type Month } from '../db/partitions'
import { copyText } from '../db/copy-text'
import type { Db } from '../db/types'
import { groupCommit } from './group-commit'
import { retentionCutoff } from './retention'
import { ensureRollups, foldQueue, ROLLUP_SOURCE_COLUMNS } from './rollups'

/** Rows per INSERT on PostgreSQL: large enough to be fast, small enough for its parameter and memory limits. */
export const INGEST_CHUNK = 250
/** Rows per group commit on PGlite: one statement of this many rows holds its thread for about 0.15 s. */
export const GROUP_ROWS = 2000

const CATEGORIES = CategorySchema.options
const COLUMNS = `id text, kind text, at timestamptz, unit text, usr text, doc_type text, chars integer, cap integer, score real,
  ${CATEGORIES.map((c) => `c_${c} integer`).join(', ')}, rule_ids jsonb, ruleset_version text, extension_version text, action text,
  reason text, rule_id text, doc_hash text, over_cap boolean, disguised boolean, frame boolean, copied_share real, token_id text`
const COLUMN_NAMES = COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]!)
const NAMES = COLUMN_NAMES.join(', ')
const QUEUE_NAMES = ROLLUP_SOURCE_COLUMNS.split(',').map((c) => c.trim())

// On PostgreSQL rows go in by id, so two batches sharing events lock them in the same order and
// wait for each other instead of deadlocking. PGlite has one connection, so nothing to order, and
// sorting wide rows costs. The key is the id (PGlite) or the id and its time (PostgreSQL's
// partitioned table): a retry resends both.
const insert = (db: Db) => `INSERT INTO events (${NAMES})
  SELECT ${NAMES} FROM json_to_recordset($1::json) AS x(${COLUMNS}) ${db.kind === 'postgres' ? 'ORDER BY id' : ''}
  ON CONFLICT DO NOTHING`

/**
 * One statement per chunk: the new events, and a copy of what the rollups read of exactly those
 * in the rollup queue (a duplicate adds nothing); `foldQueue` adds them to the rollups later.
 */
const ingestStatement = (db: Db, answer: string) => `WITH ins AS (${insert(db)} RETURNING ${ROLLUP_SOURCE_COLUMNS}),
  queued AS (INSERT INTO rollup_queue (${ROLLUP_SOURCE_COLUMNS}) SELECT ${ROLLUP_SOURCE_COLUMNS} FROM ins)
  SELECT ${answer} FROM ins`
type Row = ReturnType<typeof toRow>

// A value that is absent stays out of the JSON (json_to_recordset reads it as NULL): less to send and parse.
const toRow = (e: TelemetryEvent, tokenId: string) => ({
  id: e.id,
  kind: e.kind,
  at: e.at,
  unit: e.unit,
  usr: e.user,
  doc_type: e.docType,
  chars: e.chars,
  cap: e.cap ?? undefined,
  score: e.score,
  ...Object.fromEntries(CATEGORIES.map((c) => [`c_${c}`, e.counts[c] ?? 0])),
  rule_ids: e.ruleIds,
  ruleset_version: e.rulesetVersion,
  extension_version: e.extensionVersion,
  action: e.action ?? undefined,
  reason: e.reason ?? undefined,
  rule_id: e.ruleId ?? undefined,
  doc_hash: e.docHash ?? undefined,
  over_cap: e.flags?.overCap ?? undefined,
  disguised: e.flags?.disguisedDirective ?? undefined,
  frame: e.flags?.frame ?? undefined,
  copied_share: e.flags?.copiedShare ?? undefined,
  token_id: tokenId,
})

/**
 * On a partitioned PostgreSQL table, the partitions a batch needs, made before it goes in
 * (in their own transaction: making one briefly locks the table). Known months are cached.
 */
function monthsFor(db: Db, retentionMonths: number) {
  let known: Promise<Set<Month> | null> | null = null
  const load = async () => (db.kind === 'postgres' && (await isPartitioned(db)) ? new Set(await monthPartitions(db)) : null)
  return async (events: TelemetryEvent[]) => {
    const months = await (known ??= load().catch((e) => ((known = null), Promise.reject(e))))
    if (!months) return
    const now = Date.now()
    const cutoff = retentionCutoff(retentionMonths, now) ?? undefined
    for (const m of new Set(events.map((e) => monthOf(e.at)))) {
      if (months.has(m) || !inWindow(m, now, cutoff)) continue
      await ensureMonth(db, m)
      months.add(m)
    }
  }
}

/** PostgreSQL: a batch in chunks, one transaction; the number stored. */
function chunkWriter(db: Db): (rows: Row[]) => Promise<number> {
  const sql = ingestStatement(db, 'count(*)::int AS n')
  return async (rows) => {
    const steps = Array.from({ length: Math.ceil(rows.length / INGEST_CHUNK) }, (_, i) => ({ sql, params: [JSON.stringify(rows.slice(i * INGEST_CHUNK, (i + 1) * INGEST_CHUNK))] }))
    return (await db.script(steps)).reduce((sum, [r]) => sum + (r as { n: number }).n, 0)
  }
}

const UNIQUE_VIOLATION = '23505'

/**
 * PGlite: batches that arrive while one is written go in together (`groupCommit`), by COPY into
 * the events and the rollup queue: COPY reads rows far faster than json_to_recordset, and PGlite
 * has one connection, so nothing can store an event between the check COPY makes (its unique
 * key) and the write. A group with any event already stored (a client's retry) or sent twice
 * fails that key as a whole and goes in by the statement that skips those; it answers the ids it
 * stored, and each batch is credited with its own (an id in two batches of a group, with the first).
 */
function groupWriter(db: Db): (rows: Row[]) => Promise<number> {
  const copy = (table: string, names: string[], rows: Row[]) => ({ sql: `COPY ${table} (${names.join(', ')}) FROM '/dev/blob'`, params: [copyText(rows, names)] })
  const skipping = ingestStatement(db, `string_agg(id, ' ') AS ids`)
  return groupCommit(
    async (batches: Row[][]) => {
      const rows = batches.flat()
      try {
        await db.script([copy('events', COLUMN_NAMES, rows), copy('rollup_queue', QUEUE_NAMES, rows)])
        return batches.map((b) => b.length)
      } catch (e) {
        if ((e as { code?: unknown }).code !== UNIQUE_VIOLATION) throw e
      }
      const [r] = await db.query<{ ids: string | null }>(skipping, [JSON.stringify(rows)])
      const stored = new Set(r!.ids?.split(' '))
      return batches.map((b) => b.reduce((n, row) => n + (stored.delete(row.id) ? 1 : 0), 0))
    },
    // Two groups at once: PGlite's thread starts the next while this one builds the one after.
    { maxWeight: GROUP_ROWS, weight: (rows) => rows.length, inFlight: 2 },
  )
}

export function telemetryStore(db: Db, tz: string, o: { retentionMonths?: number } = {}) {
  const partitionsFor = monthsFor(db, o.retentionMonths ?? 0)
  const write = db.kind === 'pglite' ? groupWriter(db) : chunkWriter(db)
  return {
    /**
     * Stores a batch in one transaction (on PGlite, perhaps with batches sent at the same time):
     * every new event, or (on any failure) none. Events already stored, and repeats inside the
     * batch, are counted as duplicates, so a client that retries after a lost answer delivers each
     * event exactly once.
     */
    async ingest(events: TelemetryEvent[], tokenId: string): Promise<{ accepted: number; duplicates: number }> {
      const byId = new Map<string, TelemetryEvent>()
      for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e)
      const rows = [...byId.keys()].sort().map((id) => toRow(byId.get(id)!, tokenId))
      await partitionsFor(events)
      const accepted = await write(rows)
      return { accepted, duplicates: events.length - accepted }
    },

    /** Rollups for this store's time zone; true when they had to be rebuilt. */
    ensureRollups: () => ensureRollups(db, tz),

    /** Queued events into the rollups (see `foldQueue`); the number folded. */
    fold: (o: { wait?: boolean } = {}) => foldQueue(db, tz, o),

    async count(): Promise<number> {
      const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')
      return r!.n
    },
  }
}
export type TelemetryStore = ReturnType<typeof telemetryStore>
