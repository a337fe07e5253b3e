import type { OrgUnit, RecipientAlias } from '../../core'
import type { Db } from '../db/types'
import { ApiError } from '../lib/errors'
import { writeAudit, type Actor } from './audit'

type UnitRow = { name: string; level: OrgUnit['level']; parent: string | null; issuer_kind: string | null }
type AliasRow = { phrase: string; units: string[]; level: RecipientAlias['level']; parent: string | null }
const toUnit = (r: UnitRow): OrgUnit => ({ name: r.name, level: r.level, parent: r.parent, issuerKind: r.issuer_kind })

/** Parents that exist and no unit under itself: what a registry must be before it replaces the old one. */
export function checkRegistry(units: OrgUnit[]): string[] {
  const byName = new Map<string, OrgUnit>()
  const problems: string[] = []
  units.forEach((u, i) => {
    if (byName.has(u.name)) problems.push(`units.${i}.name: 单位重复：${u.name}`)
    byName.set(u.name, u)
  })
  units.forEach((u, i) => {
    if (u.parent !== null && !byName.has(u.parent)) problems.push(`units.${i}.parent: 上级单位「${u.parent}」不在名册中`)
    const seen = new Set<string>([u.name])
    for (let p = u.parent; p !== null; p = byName.get(p)?.parent ?? null) {
      if (seen.has(p)) {
        problems.push(`units.${i}.parent: 「${u.name}」的上级关系成环`)
        break
      }
      seen.add(p)
    }
  })
  return problems
}

/** The unit registry (县 → 乡镇/街道 → 村/社区; 县直部门) and the admins' 主送 aliases. */
export function orgStore(db: Db) {
  return {
    async units(): Promise<OrgUnit[]> {
      return (await db.query<UnitRow>('SELECT name, level, parent, issuer_kind FROM org_units ORDER BY level, parent NULLS FIRST, name')).map(toUnit)
    },

    async replaceUnits(units: OrgUnit[], actor: Actor): Promise<void> {
      const problems = checkRegistry(units)
      if (problems.length) throw new ApiError(400, 'invalid_registry', '单位名册有误', problems)
      await db.tx(async (q) => {
        await q.query('DELETE FROM org_units')
        if (units.length)
          await q.query(
            `INSERT INTO org_units (name, level, parent, issuer_kind)
             SELECT name, level, parent, issuer_kind FROM json_to_recordset($1::json) AS x(name text, level text, parent text, issuer_kind text)`,
            [JSON.stringify(units.map((u) => ({ name: u.name, level: u.level, parent: u.parent, issuer_kind: u.issuerKind })))],
          )
        await writeAudit(q, actor, 'org.units', null, { units: units.length })
      })
    },

    async aliases(): Promise<RecipientAlias[]> {
      return (await db.query<AliasRow>('SELECT phrase, units, level, parent FROM recipient_aliases ORDER BY phrase')).map((r) => ({ ...r }))
    },

    async replaceAliases(aliases: RecipientAlias[], actor: Actor): Promise<void> {
      await db.tx(async (q) => {
        await q.query('DELETE FROM recipient_aliases')
        if (aliases.length)
          await q.query(
            `INSERT INTO recipient_aliases (phrase, units, level, parent)
             SELECT phrase, units, level, parent FROM json_to_recordset($1::json) AS x(phrase text, units jsonb, level text, parent text)
             ON CONFLICT (phrase) DO UPDATE SET units = excluded.units, level = excluded.level, parent = excluded.parent`,
            [JSON.stringify(aliases)],
          )
        await writeAudit(q, actor, 'org.aliases', null, { aliases: aliases.length })
      })
    },

    /** A unit and every unit under it: what a token bound to it may see. */
    async subtree(unit: string): Promise<Set<string>> {
      const rows = await db.query<{ name: string }>(
        `WITH RECURSIVE t(name) AS (SELECT $1::text UNION SELECT o.name FROM org_units o JOIN t ON o.parent = t.name) SELECT name FROM t`,
        [unit],
      )
      return new Set(rows.map((r) => r.name))
    },
  }
}
export type OrgStore = ReturnType<typeof orgStore>
