import { CategorySchema } from '../../core'
import type { Db } from '../db/types'
import { whereOf, type EventFilter } from '../lib/filter'
import { writeAudit, type Actor } from './audit'

export interface OverrideNote {
  at: string
  user: string
  action: string | null
  reason: string | null
}

/** A filed document as telemetry saw it: no text, only what the extension reported. */
export interface FiledRecord {
  id: string
  at: string
  unit: string
  user: string
  docType: string
  chars: number
  cap: number | null
  score: number
  action: string | null
  docHash: string | null
  rulesetVersion: string
  extensionVersion: string
  counts: Record<string, number>
  ruleIds: string[]
  flags: { overCap: boolean | null; disguisedDirective: boolean | null; frame: boolean | null; copiedShare: number | null }
  overrides: OverrideNote[]
  hasText: boolean
}

type Row = {
  id: string; at: Date; unit: string; usr: string; doc_type: string; chars: number; cap: number | null; score: number; action: string | null
  doc_hash: string | null; ruleset_version: string; extension_version: string; counts: Record<string, number>; rule_ids: string[]
  over_cap: boolean | null; disguised: boolean | null; frame: boolean | null; copied_share: number | null
  overrides: Array<{ at: string; user: string; action: string | null; reason: string | null }>; has_text: boolean
}

const SELECT = `SELECT e.id, e.at, e.unit, e.usr, e.doc_type, e.chars, e.cap, e.score, e.action, e.doc_hash, e.ruleset_version, e.extension_version,
  jsonb_build_object(${CategorySchema.options.map((c) => `'${c}', e.c_${c}`).join(', ')}) AS counts, e.rule_ids, e.over_cap, e.disguised, e.frame, e.copied_share,
  coalesce((SELECT jsonb_agg(jsonb_build_object('at', o.at, 'user', o.usr, 'action', o.action, 'reason', o.reason) ORDER BY o.at)
            FROM events o WHERE o.kind = 'override' AND o.doc_hash = e.doc_hash AND o.unit = e.unit), '[]'::jsonb) AS overrides,
  EXISTS (SELECT 1 FROM document_texts t WHERE t.doc_hash = e.doc_hash AND t.unit = e.unit) AS has_text
  FROM events e`

const toRecord = (r: Row): FiledRecord => ({
  id: r.id,
  at: r.at.toISOString(),
  unit: r.unit,
  user: r.usr,
  docType: r.doc_type,
  chars: r.chars,
  cap: r.cap,
  score: r.score,
  action: r.action,
  docHash: r.doc_hash,
  rulesetVersion: r.ruleset_version,
  extensionVersion: r.extension_version,
  counts: r.counts,
  ruleIds: r.rule_ids,
  flags: { overCap: r.over_cap, disguisedDirective: r.disguised, frame: r.frame, copiedShare: r.copied_share },
  overrides: r.overrides.map((o) => ({ ...o, at: new Date(o.at).toISOString() })),
  hasText: r.has_text,
})

export interface StoredText {
  docHash: string
  unit: string
  title: string | null
  text: string
  storedAt: string
}

/** One document's history, as `byHash` finds it. */
export interface DocumentHistory {
  filed: FiledRecord[]
  analyses: Array<{ at: string; score: number; user: string; unit: string }>
  text: StoredText | null
}

/**
 * How far the list counts its matches. Counting every filed document of a busy year walks
 * hundreds of thousands of rows on each page view (200 ms at 700,000 events on PGlite, and the
 * database thread is shared with ingest); a page needs only to know whether there is more.
 */
export const LIST_COUNT_CAP = 10_000

export interface FiledPage {
  /** Matches counted, up to `LIST_COUNT_CAP` (or the end of this page, if further). */
  total: number
  /** More match than `total`: the count stopped there. */
  capped: boolean
  items: FiledRecord[]
}

export function documentStore(db: Db, tz: string) {
  return {
    async listFiled(f: EventFilter & { limit: number; offset: number; hash?: string; maxScore?: number }): Promise<FiledPage> {
      const w = whereOf(f, tz, 'e')
      let sql = `${w.sql} AND e.kind = 'filed'`
      const params = [...w.params]
      if (f.hash) sql += ` AND e.doc_hash = $${params.push(f.hash)}`
      if (f.maxScore !== undefined) sql += ` AND e.score <= $${params.push(f.maxScore)}`
      const cap = Math.max(LIST_COUNT_CAP, f.offset + f.limit)
      const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM events e WHERE ${sql} LIMIT $${params.length + 1}) m`, [...params, cap + 1])
      const rows = await db.query<Row>(`${SELECT} WHERE ${sql} ORDER BY e.at DESC, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, f.limit, f.offset])
      return { total: Math.min(count!.n, cap), capped: count!.n > cap, items: rows.map(toRecord) }
    },

    /** Everything known about one document: its filings, its analyses over time, the stored text if any; `unit` keeps to one unit's. */
    async byHash(hash: string, unit?: string): Promise<DocumentHistory> {
      const p = [hash, unit ?? null]
      const inUnit = `($2::text IS NULL OR unit = $2)`
      const [filed, analyses, texts] = await Promise.all([
        db.query<Row>(`${SELECT} WHERE e.doc_hash = $1 AND e.kind = 'filed' AND ($2::text IS NULL OR e.unit = $2) ORDER BY e.at DESC`, p),
        db.query<{ at: Date; score: number; usr: string; unit: string }>(`SELECT at, score, usr, unit FROM events WHERE doc_hash = $1 AND kind = 'analyzed' AND ${inUnit} ORDER BY at LIMIT 500`, p),
        db.query<{ doc_hash: string; unit: string; title: string | null; text: string; stored_at: Date }>(`SELECT doc_hash, unit, title, text, stored_at FROM document_texts WHERE doc_hash = $1 AND ${inUnit}`, p),
      ])
      const t = texts[0]
      return {
        filed: filed.map(toRecord),
        analyses: analyses.map((a) => ({ at: a.at.toISOString(), score: a.score, user: a.usr, unit: a.unit })),
        text: t ? { docHash: t.doc_hash, unit: t.unit, title: t.title, text: t.text, storedAt: t.stored_at.toISOString() } : null,
      }
    },

    /** Only called for units whose admin turned storing on; the route checks. */
    async storeText(unit: string, hash: string, title: string | null, text: string, actor: Actor): Promise<void> {
      await db.tx(async (q) => {
        await q.query(
          `INSERT INTO document_texts (doc_hash, unit, title, text, stored_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (doc_hash) DO UPDATE SET title = coalesce(excluded.title, document_texts.title)`,
          [hash, unit, title, text, actor.id],
        )
        await writeAudit(q, actor, 'document.text', hash, { unit, chars: text.length })
      })
    },
  }
}
export type DocumentStore = ReturnType<typeof documentStore>
