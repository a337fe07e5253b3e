import { fingerprint, type Fingerprint } from '../../core'
import type { Db } from '../db/types'
import { randomId } from '../lib/hash'
import { writeAudit, type Actor } from './audit'

export interface SuperiorDoc {
  id: string
  title: string
  issuer: string | null
  docNo: string | null
  issuedOn: string | null
  chars: number
  shingles: number
  createdAt: string
  createdBy: string
}

type Row = { id: string; title: string; issuer: string | null; doc_no: string | null; issued_on: string | Date | null; chars: number; shingles: number; created_at: Date; created_by: string }
const day = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10))
const toDoc = (r: Row): SuperiorDoc => ({
  id: r.id,
  title: r.title,
  issuer: r.issuer,
  docNo: r.doc_no,
  issuedOn: day(r.issued_on),
  chars: r.chars,
  shingles: r.shingles,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
})
const COLS = 'id, title, issuer, doc_no, issued_on::text AS issued_on, chars, jsonb_array_length(hashes) AS shingles, created_at, created_by'

export interface SuperiorInput {
  title: string
  issuer?: string
  docNo?: string
  issuedOn?: string
}

export function superiorStore(db: Db) {
  return {
    /** Keeps the fingerprint and the metadata; the text itself is dropped here. */
    async add(meta: SuperiorInput, text: string, actor: Actor): Promise<SuperiorDoc> {
      const id = randomId('sd', 5)
      const fp = fingerprint(text, { id, title: meta.title })
      return db.tx(async (q) => {
        const [row] = await q.query<Row>(
          `INSERT INTO superior_docs (id, title, issuer, doc_no, issued_on, chars, k, hashes, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLS}`,
          [id, meta.title, meta.issuer ?? null, meta.docNo ?? null, meta.issuedOn ?? null, fp.chars, fp.k, JSON.stringify(fp.hashes), actor.name],
        )
        await writeAudit(q, actor, 'superior.add', id, { title: meta.title, chars: fp.chars })
        return toDoc(row!)
      })
    },

    async list(): Promise<SuperiorDoc[]> {
      return (await db.query<Row>(`SELECT ${COLS} FROM superior_docs ORDER BY created_at DESC, id`)).map(toDoc)
    },

    async fingerprints(): Promise<Fingerprint[]> {
      const rows = await db.query<{ id: string; title: string; k: number; chars: number; hashes: number[] }>('SELECT id, title, k, chars, hashes FROM superior_docs ORDER BY id')
      return rows.map((r) => ({ id: r.id, title: r.title, k: r.k, chars: r.chars, hashes: r.hashes }))
    },

    async remove(id: string, actor: Actor): Promise<boolean> {
      return db.tx(async (q) => {
        const rows = await q.query<{ title: string }>('DELETE FROM superior_docs WHERE id = $1 RETURNING title', [id])
        if (rows.length) await writeAudit(q, actor, 'superior.remove', id, { title: rows[0]!.title })
        return rows.length > 0
      })
    },
  }
}
export type SuperiorStore = ReturnType<typeof superiorStore>
