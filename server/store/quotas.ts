import type { Db } from '../db/types'
import { quotaStatus, type QuotaSetting, type QuotaStatus } from '../lib/quota'
import { writeAudit, type Actor } from './audit'
import { foldQueue } from './rollups'

type CountRow = { unit: string; y: number; doc_type: string | null; n: number }
type Counts = { total: number; lastYear: number; byDocType: Record<string, number> }

export function quotaStore(db: Db, tz: string) {
  /**
   * Filed counts for the year and the year before, per unit and 文种: a document counts once (by
   * its fingerprint) unless its filing was blocked or sent back. From quota_counts, which the fold
   * keeps beside quota_docs (rollups.ts), queued filings folded in first.
   */
  async function counts(year: number, unit?: string): Promise<Map<string, Counts>> {
    await foldQueue(db, tz, { wait: true })
    const rows = await db.query<CountRow>(
      `SELECT unit, year AS y, CASE WHEN grouped = 0 THEN doc_type END AS doc_type, n
       FROM quota_counts WHERE year IN ($1 - 1, $1) AND ($2::text IS NULL OR unit = $2)`,
      [year, unit ?? null],
    )
    const out = new Map<string, Counts>()
    for (const r of rows) {
      const c = out.get(r.unit) ?? { total: 0, lastYear: 0, byDocType: {} }
      out.set(r.unit, c)
      if (r.y !== year) {
        if (r.doc_type === null) c.lastYear = r.n
      } else if (r.doc_type === null) c.total = r.n
      else c.byDocType[r.doc_type] = r.n
    }
    return out
  }

  async function settings(year: number, unit?: string): Promise<Map<string, QuotaSetting>> {
    const rows = await db.query<{ unit: string; total: number | null; by_doc_type: Record<string, number> }>(
      'SELECT unit, total, by_doc_type FROM quotas WHERE year = $1 AND ($2::text IS NULL OR unit = $2)',
      [year, unit ?? null],
    )
    return new Map(rows.map((r) => [r.unit, { total: r.total, byDocType: r.by_doc_type }]))
  }

  const none: Counts = { total: 0, lastYear: 0, byDocType: {} }

  return {
    async status(unit: string, year: number): Promise<QuotaStatus> {
      const [c, s] = await Promise.all([counts(year, unit), settings(year, unit)])
      return quotaStatus(unit, year, c.get(unit) ?? none, s.get(unit) ?? null)
    },

    /** Every unit that filed or has a quota this year or last. */
    async statusAll(year: number): Promise<QuotaStatus[]> {
      const [c, s] = await Promise.all([counts(year), settings(year)])
      const units = [...new Set([...c.keys(), ...s.keys()])].sort()
      return units.map((u) => quotaStatus(u, year, c.get(u) ?? none, s.get(u) ?? null))
    },

    async set(unit: string, year: number, q: QuotaSetting, actor: Actor): Promise<void> {
      await db.tx(async (t) => {
        await t.query(
          `INSERT INTO quotas (unit, year, total, by_doc_type) VALUES ($1, $2, $3, $4)
           ON CONFLICT (unit, year) DO UPDATE SET total = excluded.total, by_doc_type = excluded.by_doc_type, updated_at = now()`,
          [unit, year, q.total, JSON.stringify(q.byDocType)],
        )
        await writeAudit(t, actor, 'quota.set', unit, { year, ...q })
      })
    },
  }
}
export type QuotaStore = ReturnType<typeof quotaStore>
