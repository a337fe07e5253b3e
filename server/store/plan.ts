import type { PlanItem } from '../../core'
import type { Db } from '../db/types'
import { writeAudit, type Actor } from './audit'

/** The year's approved 督查检查考核 and 创建示范 items (年度计划 + 动态备案). */
export function planStore(db: Db) {
  return {
    async items(year: number): Promise<Array<PlanItem & { id: string }>> {
      const rows = await db.query<{ id: string; item: PlanItem }>('SELECT id::text, item FROM plan_items WHERE year = $1 ORDER BY id', [year])
      return rows.map((r) => ({ ...r.item, id: r.id }))
    },

    /** Years that have a plan: a year without one yields no 计划外 findings. */
    async hasPlan(year: number): Promise<boolean> {
      return (await db.query('SELECT 1 FROM settings WHERE key = $1', [`plan.${year}`])).length > 0
    },

    async replace(year: number, items: PlanItem[], actor: Actor): Promise<void> {
      await db.tx(async (q) => {
        await q.query('DELETE FROM plan_items WHERE year = $1', [year])
        if (items.length) await q.query('INSERT INTO plan_items (year, item) SELECT $1, value FROM json_array_elements($2::json)', [year, JSON.stringify(items)])
        // The plan exists (even empty) once saved: from then on, every unlisted activity is 计划外.
        await q.query(
          `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
          [`plan.${year}`, JSON.stringify({ items: items.length })],
        )
        await writeAudit(q, actor, 'plan.replace', String(year), { items: items.length })
      })
    },
  }
}
export type PlanStore = ReturnType<typeof planStore>

/** Quotas per kind of issuer (议事协调机构…): this year's filed documents against last year's × (1 − cut). */
export function issuerQuotaStore(db: Db, tz: string) {
  return {
    async set(kind: string, year: number, cut: number, actor: Actor): Promise<void> {
      await db.tx(async (q) => {
        await q.query(
          'INSERT INTO issuer_quotas (kind, year, cut) VALUES ($1, $2, $3) ON CONFLICT (kind, year) DO UPDATE SET cut = excluded.cut, updated_at = now()',
          [kind, year, cut],
        )
        await writeAudit(q, actor, 'issuer-quota.set', kind, { year, cut })
      })
    },

    async status(year: number) {
      const [quotas, counts] = await Promise.all([
        db.query<{ kind: string; cut: number }>('SELECT kind, cut FROM issuer_quotas WHERE year = $1 ORDER BY kind', [year]),
        // Documents that went out, counted once by fingerprint, per issuing unit of a kind.
        db.query<{ kind: string; unit: string; y: number; n: number }>(
          `SELECT o.issuer_kind AS kind, e.unit, extract(year FROM e.at AT TIME ZONE $2)::int AS y, count(DISTINCT coalesce(e.doc_hash, e.id))::int AS n
           FROM events e JOIN org_units o ON o.name = e.unit
           WHERE o.issuer_kind IS NOT NULL AND e.kind = 'filed' AND coalesce(e.action, '') NOT IN ('block', 'returned')
             AND e.at >= make_timestamptz($1 - 1, 1, 1, 0, 0, 0, $2) AND e.at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, $2)
           GROUP BY 1, 2, 3`,
          [year, tz],
        ),
      ])
      const kinds = new Map<string, { kind: string; cut: number | null; units: Map<string, { unit: string; count: number; lastYear: number }> }>()
      for (const q of quotas) kinds.set(q.kind, { kind: q.kind, cut: Math.round(q.cut * 1000) / 1000, units: new Map() })
      for (const c of counts) {
        const k = kinds.get(c.kind) ?? kinds.set(c.kind, { kind: c.kind, cut: null, units: new Map() }).get(c.kind)!
        const u = k.units.get(c.unit) ?? k.units.set(c.unit, { unit: c.unit, count: 0, lastYear: 0 }).get(c.unit)!
        if (c.y === year) u.count += c.n
        else u.lastYear += c.n
      }
      return [...kinds.values()].map((k) => {
        const units = [...k.units.values()].sort((a, b) => b.count - a.count)
        const count = units.reduce((s, u) => s + u.count, 0)
        const lastYear = units.reduce((s, u) => s + u.lastYear, 0)
        const target = k.cut === null ? null : Math.floor(lastYear * (1 - k.cut))
        return { kind: k.kind, cut: k.cut, lastYear, count, target, over: target !== null && count > target, units }
      })
    },
  }
}
export type IssuerQuotaStore = ReturnType<typeof issuerQuotaStore>
