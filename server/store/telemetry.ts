import { CategorySchema, type TelemetryEvent } from '../../core'
import { ensureMonth, inWindow, isPartitioned, monthOf, monthPartitions, type Month } from '../db/partitions'
import type { Db } from '../db/types'
import { retentionCutoff } from './retention'
import { ensureRollups, foldQueue, ROLLUP_SOURCE_COLUMNS } from './rollups'

/** Rows per INSERT: large enough to be fast, small enough for PostgreSQL's parameter and memory limits. */
export const INGEST_CHUNK = 250

const CATEGORIES = CategorySchema.options
const COLUMNS = `id text, kind text, at timestamptz, unit text, usr text, doc_type text, chars integer, cap integer, score real,
  ${CATEGORIES.map((c) => `c_${c} integer`).join(', ')}, rule_ids jsonb, ruleset_version text, extension_version text, action text,
  reason text, rule_id text, doc_hash text, over_cap boolean, disguised boolean, frame boolean, copied_share real, token_id text`
const NAMES = COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]).join(', ')

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
const ingestStatement = (db: Db) => `WITH ins AS (${insert(db)} RETURNING ${ROLLUP_SOURCE_COLUMNS}),
  queued AS (INSERT INTO rollup_queue (${ROLLUP_SOURCE_COLUMNS}) SELECT ${ROLLUP_SOURCE_COLUMNS} FROM ins)
  SELECT count(*)::int AS n FROM ins`

const toRow = (e: TelemetryEvent, tokenId: string) => ({
  id: e.id,
  kind: e.kind,
  at: e.at,
  unit: e.unit,
  usr: e.user,
  doc_type: e.docType,
  chars: e.chars,
  cap: e.cap,
  score: e.score,
  ...Object.fromEntries(CATEGORIES.map((c) => [`c_${c}`, e.counts[c] ?? 0])),
  rule_ids: e.ruleIds,
  ruleset_version: e.rulesetVersion,
  extension_version: e.extensionVersion,
  action: e.action ?? null,
  reason: e.reason ?? null,
  rule_id: e.ruleId ?? null,
  doc_hash: e.docHash ?? null,
  over_cap: e.flags?.overCap ?? null,
  disguised: e.flags?.disguisedDirective ?? null,
  frame: e.flags?.frame ?? null,
  copied_share: e.flags?.copiedShare ?? null,
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

export function telemetryStore(db: Db, tz: string, o: { retentionMonths?: number } = {}) {
  const partitionsFor = monthsFor(db, o.retentionMonths ?? 0)
  const ingestSql = ingestStatement(db)
  return {
    /**
     * Stores a batch in one transaction (one trip to the database): every new event, or (on any
     * failure) none. Events already stored, and repeats inside the batch, are counted as
     * duplicates, so a client that retries after a lost answer delivers each event exactly once.
     */
    async ingest(events: TelemetryEvent[], tokenId: string): Promise<{ accepted: number; duplicates: number }> {
      const byId = new Map<string, TelemetryEvent>()
      for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e)
      const rows = [...byId.keys()].sort().map((id) => toRow(byId.get(id)!, tokenId))
      await partitionsFor(events)
      const steps = Array.from({ length: Math.ceil(rows.length / INGEST_CHUNK) }, (_, i) => ({ sql: ingestSql, params: [JSON.stringify(rows.slice(i * INGEST_CHUNK, (i + 1) * INGEST_CHUNK))] }))
      const accepted = (await db.script(steps)).reduce((sum, [r]) => sum + (r as { n: number }).n, 0)
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
