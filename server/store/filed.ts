import { addDays, resolveRecipients, type FiledBurden, type Module, type OrgUnit, type RecipientAlias, type TelemetryEvent } from '../../core'
import { createHash } from 'node:crypto'
import type { Db } from '../db/types'

/** The SQL column of each module's new demands in filed_docs. */
export const MODULE_COLUMN: Record<Module, string> = {
  会议文件: 'm_meeting',
  督查检查: 'm_inspection',
  考核评比: 'm_ranking',
  报表材料: 'm_report',
  留痕: 'm_trace',
  政务APP: 'm_app',
}

/** Only filings that went out add to the recipients: not one blocked or sent back. */
export const SENT = new Set(['pass', 'submitted'])

/** The calendar day of an instant where the offices are. */
export const dayIn = (timeZone: string, at: string | Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at))

/** A 成文日期 far from the filing day is a misreading: the demands run from the filing day then. */
function startOf(issued: string | null, filedOn: string): string {
  if (!issued) return filedOn
  return issued >= addDays(filedOn, -366) && issued <= addDays(filedOn, 31) ? issued : filedOn
}

/** A set of units is named by its members: the same set always gets the same id. */
export const setIdOf = (units: string[]) => createHash('sha256').update([...units].sort().join('\n')).digest('hex').slice(0, 24)

export interface FiledDoc {
  id: string
  docHash: string | null
  issuer: string
  docType: string
  filedAt: string
  filedOn: string
  units: string[]
  unresolved: string[]
  burden: FiledBurden
}

/** What filed documents ask of each recipient, stored once per filed event (docs/receiving.md). */
export function filedStore(db: Db, tz: string) {
  return {
    /** Maps each sent document's 主送 to units and stores its profile; events seen before add nothing. Returns the documents added. */
    async ingest(events: TelemetryEvent[], units: OrgUnit[], aliases: RecipientAlias[]): Promise<FiledDoc[]> {
      const docs: FiledDoc[] = []
      for (const e of events) {
        if (e.kind !== 'filed' || !e.burden || !SENT.has(e.action ?? '')) continue
        const { units: reached, unresolved } = resolveRecipients(e.burden.recipients, units, aliases, e.unit)
        docs.push({ id: e.id, docHash: e.docHash ?? null, issuer: e.unit, docType: e.docType, filedAt: e.at, filedOn: dayIn(tz, e.at), units: reached, unresolved, burden: e.burden })
      }
      if (!docs.length) return []
      const rows = docs.map((d) => {
        const row: Record<string, unknown> = {
          id: d.id,
          doc_hash: d.docHash,
          issuer: d.issuer,
          doc_type: d.docType,
          filed_at: d.filedAt,
          filed_on: d.filedOn,
          start_on: startOf(d.burden.issued, d.filedOn),
          recipients: d.units.length,
          target_set: setIdOf(d.units),
          unresolved: d.unresolved,
          burden: d.burden,
        }
        for (const [m, col] of Object.entries(MODULE_COLUMN) as Array<[Module, string]>) {
          const c = d.burden.modules[m]
          row[col] = c ? Math.max(0, c.demands - c.recurring) : 0
        }
        return row
      })
      return db.tx(async (q) => {
        const cols = `id text, doc_hash text, issuer text, doc_type text, filed_at timestamptz, filed_on date, start_on date, ${Object.values(MODULE_COLUMN)
          .map((c) => `${c} integer`)
          .join(', ')}, recipients integer, target_set text, unresolved jsonb, burden jsonb`
        const names = cols.split(',').map((c) => c.trim().split(/\s+/)[0]).join(', ')
        const added = await q.query<{ id: string }>(
          `INSERT INTO filed_docs (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS x(${cols}) ORDER BY id ON CONFLICT (id) DO NOTHING RETURNING id`,
          [JSON.stringify(rows)],
        )
        const fresh = new Set(added.map((r) => r.id))
        const kept = docs.filter((d) => fresh.has(d.id))
        // Members of sets not seen before (a set's id fixes its members, so a known set is complete).
        const sets = new Map(kept.map((d) => [setIdOf(d.units), d.units]))
        const known = new Set(
          (await q.query<{ set_id: string }>('SELECT DISTINCT set_id FROM target_sets WHERE set_id = ANY($1::text[])', [[...sets.keys()]])).map((r) => r.set_id),
        )
        const members = [...sets].filter(([id]) => !known.has(id)).flatMap(([set_id, units]) => units.map((unit) => ({ set_id, unit })))
        if (members.length)
          await q.query(
            `INSERT INTO target_sets (set_id, unit) SELECT set_id, unit FROM json_to_recordset($1::json) AS x(set_id text, unit text) ON CONFLICT DO NOTHING`,
            [JSON.stringify(members)],
          )
        const recurring = kept.flatMap((d) =>
          d.burden.recurring.map((r) => ({
            doc: d.id,
            target_set: setIdOf(d.units),
            issuer: d.issuer,
            module: r.module,
            frequency: r.frequency,
            start_on: startOf(d.burden.issued, d.filedOn),
            until_on: r.until,
          })),
        )
        if (recurring.length)
          await q.query(
            `INSERT INTO filed_recurring (doc, target_set, issuer, module, frequency, start_on, until_on)
             SELECT doc, target_set, issuer, module, frequency, start_on, until_on
             FROM json_to_recordset($1::json) AS x(doc text, target_set text, issuer text, module text, frequency text, start_on date, until_on date)`,
            [JSON.stringify(recurring)],
          )
        return kept
      })
    },

    /** The latest filing of a document by its fingerprint, with its recipients. */
    async byHash(docHash: string): Promise<{ id: string; issuer: string; docType: string; filedAt: string; units: string[] } | null> {
      const [d] = await db.query<{ id: string; issuer: string; doc_type: string; filed_at: Date; target_set: string }>(
        'SELECT id, issuer, doc_type, filed_at, target_set FROM filed_docs WHERE doc_hash = $1 ORDER BY filed_at DESC LIMIT 1',
        [docHash],
      )
      if (!d) return null
      const units = await db.query<{ unit: string }>('SELECT unit FROM target_sets WHERE set_id = $1 ORDER BY unit', [d.target_set])
      return { id: d.id, issuer: d.issuer, docType: d.doc_type, filedAt: d.filed_at.toISOString(), units: units.map((u) => u.unit) }
    },
  }
}
export type FiledStore = ReturnType<typeof filedStore>
