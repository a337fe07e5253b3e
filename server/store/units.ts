import type { Db } from '../db/types'
import type { UnitOverrides } from '../lib/overrides'
import { writeAudit, type Actor } from './audit'

export interface UnitSettings {
  unit: string
  storeText: boolean
  overrides: UnitOverrides
  updatedAt: string | null
}

type Row = { unit: string; store_text: boolean; overrides: UnitOverrides; updated_at: Date }
const toSettings = (r: Row): UnitSettings => ({ unit: r.unit, storeText: r.store_text, overrides: r.overrides, updatedAt: r.updated_at.toISOString() })
const blank = (unit: string): UnitSettings => ({ unit, storeText: false, overrides: {}, updatedAt: null })

export function unitStore(db: Db) {
  return {
    async get(unit: string): Promise<UnitSettings> {
      const [row] = await db.query<Row>('SELECT unit, store_text, overrides, updated_at FROM units WHERE unit = $1', [unit])
      return row ? toSettings(row) : blank(unit)
    },

    async list(): Promise<UnitSettings[]> {
      return (await db.query<Row>('SELECT unit, store_text, overrides, updated_at FROM units ORDER BY unit')).map(toSettings)
    },

    /** Units with overrides, for the rule-set cache. */
    async allOverrides(): Promise<Map<string, UnitOverrides>> {
      const rows = await db.query<{ unit: string; overrides: UnitOverrides }>(`SELECT unit, overrides FROM units WHERE overrides <> '{}'::jsonb`)
      return new Map(rows.map((r) => [r.unit, r.overrides]))
    },

    async setStoreText(unit: string, storeText: boolean, actor: Actor): Promise<UnitSettings> {
      return db.tx(async (q) => {
        const [row] = await q.query<Row>(
          `INSERT INTO units (unit, store_text) VALUES ($1, $2)
           ON CONFLICT (unit) DO UPDATE SET store_text = excluded.store_text, updated_at = now()
           RETURNING unit, store_text, overrides, updated_at`,
          [unit, storeText],
        )
        await writeAudit(q, actor, 'unit.policy', unit, { storeText })
        return toSettings(row!)
      })
    },

    async setOverrides(unit: string, overrides: UnitOverrides, actor: Actor): Promise<UnitSettings> {
      return db.tx(async (q) => {
        const [row] = await q.query<Row>(
          `INSERT INTO units (unit, overrides) VALUES ($1, $2)
           ON CONFLICT (unit) DO UPDATE SET overrides = excluded.overrides, updated_at = now()
           RETURNING unit, store_text, overrides, updated_at`,
          [unit, JSON.stringify(overrides)],
        )
        await writeAudit(q, actor, 'unit.overrides', unit, overrides)
        return toSettings(row!)
      })
    },
  }
}
export type UnitStore = ReturnType<typeof unitStore>
