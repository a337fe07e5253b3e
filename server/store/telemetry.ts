import { CategorySchema, type TelemetryEvent } from '../../core'
import { ensureMonth, inWindow, isPartitioned, monthOf, monthPartitions, type Month } from '../db/partitions'
import { copyField, copyLine } from '../db/copy-text'
import type { Db } from '../db/types'
import { groupCommit } from './group-commit'
import { retentionCutoff } from './retention'
import { ensureRollups, foldQueue, ROLLUP_SOURCE_COLUMNS } from './rollups'

/** Rows per INSERT on PostgreSQL: large enough to be fast, small enough for its parameter and memory limits. */
export const INGEST_CHUNK = 250
/** Rows per group commit on PGlite: one statement of this many rows holds its thread for about 0.15 s. */
export const GROUP_ROWS = 2000

const CATEGORIES = CategorySchema.options

/** An events column: its name, its SQL type, and its value in an event (absent: NULL). */
type Column = readonly [name: string, type: string, value: (e: TelemetryEvent, tokenId: string) => unknown]
/** The events table's columns, once for both ways in: JSON rows (PostgreSQL) and COPY text (PGlite). */
const EVENT_COLUMNS: readonly Column[] = [
  ['id', 'text', (e) => e.id],
  ['kind', 'text', (e) => e.kind],
  ['at', 'timestamptz', (e) => e.at],
  ['unit', 'text', (e) => e.unit],
  ['usr', 'text', (e) => e.user],
  ['doc_type', 'text', (e) => e.docType],
  ['chars', 'integer', (e) => e.chars],
  ['cap', 'integer', (e) => e.cap],
  ['score', 'real', (e) => e.score],
  ...CATEGORIES.map((c): Column => [`c_${c}`, 'integer', (e) => e.counts[c] ?? 0]),
  ['rule_ids', 'jsonb', (e) => e.ruleIds],
  ['ruleset_version', 'text', (e) => e.rulesetVersion],
  ['extension_version', 'text', (e) => e.extensionVersion],
  ['action', 'text', (e) => e.action],
  ['reason', 'text', (e) => e.reason],
  ['rule_id', 'text', (e) => e.ruleId],
  ['doc_hash', 'text', (e) => e.docHash],
  ['over_cap', 'boolean', (e) => e.flags?.overCap],
  ['disguised', 'boolean', (e) => e.flags?.disguisedDirective],
  ['frame', 'boolean', (e) => e.flags?.frame],
  ['copied_share', 'real', (e) => e.flags?.copiedShare],
  ['token_id', 'text', (_, tokenId) => tokenId],
]
const COLUMN_NAMES = EVENT_COLUMNS.map(([name]) => name)
const COLUMNS = EVENT_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')
const NAMES = COLUMN_NAMES.join(', ')
const QUEUE_NAMES = ROLLUP_SOURCE_COLUMNS.split(',').map((c) => c.trim())
// Where each column sits in an event's fields: all of them for events, the queue's for the queue.
const ALL_FIELDS = COLUMN_NAMES.map((_, i) => i)
const QUEUE_FIELDS = QUEUE_NAMES.map((n) => COLUMN_NAMES.indexOf(n))

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

/** An event as a row for json_to_recordset (an absent value stays out of the JSON: less to send and parse). */
const jsonRow = (e: TelemetryEvent, tokenId: string) => Object.fromEntries(EVENT_COLUMNS.map(([name, , value]) => [name, value(e, tokenId)]))

/**
 * Batches' events as COPY text, each field written once: the lines for the events table and for
 * the queue. Made just before the write, so the text dies young (kept while a batch waits, it
 * outlived the young generation and doubled the collector's work).
 */
function copyLines(batches: Batch[]): { events: string; queue: string } {
  const fields: string[] = new Array(EVENT_COLUMNS.length)
  let all = ''
  let queue = ''
  for (const { events, tokenId } of batches)
    for (const e of events) {
      for (let i = 0; i < EVENT_COLUMNS.length; i++) fields[i] = copyField(EVENT_COLUMNS[i]![2](e, tokenId))
      all += copyLine(fields, ALL_FIELDS)
      queue += copyLine(fields, QUEUE_FIELDS)
    }
  return { events: all, queue }
}

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

/** A batch's new events (unique, by id) from one token. */
type Batch = { events: TelemetryEvent[]; tokenId: string }

/** PostgreSQL: a batch in chunks, one transaction; the number stored. */
function chunkWriter(db: Db): (batch: Batch) => Promise<number> {
  const sql = ingestStatement(db, 'count(*)::int AS n')
  return async ({ events, tokenId }) => {
    const steps = Array.from({ length: Math.ceil(events.length / INGEST_CHUNK) }, (_, i) => ({ sql, params: [JSON.stringify(events.slice(i * INGEST_CHUNK, (i + 1) * INGEST_CHUNK).map((e) => jsonRow(e, tokenId)))] }))
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
function groupWriter(db: Db): (batch: Batch) => Promise<number> {
  const copy = (table: string, names: string[], text: string) => ({ sql: `COPY ${table} (${names.join(', ')}) FROM '/dev/blob'`, params: [text] })
  const skipping = ingestStatement(db, `string_agg(id, ' ') AS ids`)
  return groupCommit(
    async (batches: Batch[]) => {
      try {
        const lines = copyLines(batches)
        await db.script([copy('events', COLUMN_NAMES, lines.events), copy('rollup_queue', QUEUE_NAMES, lines.queue)])
        return batches.map((b) => b.events.length)
      } catch (e) {
        if ((e as { code?: unknown }).code !== UNIQUE_VIOLATION) throw e
      }
      const rows = batches.flatMap((b) => b.events.map((e) => jsonRow(e, b.tokenId)))
      const [r] = await db.query<{ ids: string | null }>(skipping, [JSON.stringify(rows)])
      const stored = new Set(r!.ids?.split(' '))
      return batches.map((b) => b.events.reduce((n, e) => n + (stored.delete(e.id) ? 1 : 0), 0))
    },
    // Two groups at once: PGlite's thread starts the next while this one builds the one after.
    { maxWeight: GROUP_ROWS, weight: (b) => b.events.length, inFlight: 2 },
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
      const unique = [...byId.keys()].sort().map((id) => byId.get(id)!)
      await partitionsFor(events)
      const accepted = await write({ events: unique, tokenId })
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
