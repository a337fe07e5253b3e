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
const COLS = 'unit, store_text, overrides, updated_at'
const toSettings = (r: Row): UnitSettings => ({ unit: r.unit, storeText: r.store_text, overrides: r.overrides, updatedAt: r.updated_at.toISOString() })
const blank = (unit: string): UnitSettings => ({ unit, storeText: false, overrides: {}, updatedAt: null })

export function unitStore(db: Db) {
  /** Writes one column of a unit's row (creating the row) and audits it, in one transaction. */
  const set = (unit: string, column: 'store_text' | 'overrides', value: boolean | string, actor: Actor, action: string, detail: unknown) =>
    db.tx(async (q) => {
      const [row] = await q.query<Row>(
        `INSERT INTO units (unit, ${column}) VALUES ($1, $2)
         ON CONFLICT (unit) DO UPDATE SET ${column} = excluded.${column}, updated_at = now()
         RETURNING ${COLS}`,
        [unit, value],
      )
      await writeAudit(q, actor, action, unit, detail)
      return toSettings(row!)
    })

  return {
    async get(unit: string): Promise<UnitSettings> {
      const [row] = await db.query<Row>(`SELECT ${COLS} FROM units WHERE unit = $1`, [unit])
      return row ? toSettings(row) : blank(unit)
    },

    /** Every unit's settings, or one unit's. */
    async list(unit?: string): Promise<UnitSettings[]> {
      return (await db.query<Row>(`SELECT ${COLS} FROM units WHERE ($1::text IS NULL OR unit = $1) ORDER BY unit`, [unit ?? null])).map(toSettings)
    },

    /** Units with overrides, for the rule-set cache. */
    async allOverrides(): Promise<Map<string, UnitOverrides>> {
      const rows = await db.query<{ unit: string; overrides: UnitOverrides }>(`SELECT unit, overrides FROM units WHERE overrides <> '{}'::jsonb`)
      return new Map(rows.map((r) => [r.unit, r.overrides]))
    },

    async setStoreText(unit: string, storeText: boolean, actor: Actor): Promise<UnitSettings> {
      return set(unit, 'store_text', storeText, actor, 'unit.policy', { storeText })
    },

    async setOverrides(unit: string, overrides: UnitOverrides, actor: Actor): Promise<UnitSettings> {
      return set(unit, 'overrides', JSON.stringify(overrides), actor, 'unit.overrides', overrides)
    },
  }
}
export type UnitStore = ReturnType<typeof unitStore>
