import {
  addLoads,
  loadOf,
  MODULES,
  pressureCode,
  pressureIndex,
  type FiledBurden,
  type Module,
  type MonitorPolicy,
  type Period,
  type PressureCode,
  type UnitLoad,
} from '../../core'
import type { Db } from '../db/types'
import { MODULE_COLUMN } from './filed'

export interface IssuerShare {
  issuer: string
  points: number
}
export interface UnitPressureRow {
  unit: string
  index: number
  code: PressureCode
  load: UnitLoad
}

/**
 * 直报 a unit sent under its name, per loads() answer. Anonymous ones weigh in the index but are
 * never shown as a count beside the unit, where they could be matched to the report.
 */
export const namedReports = new WeakMap<Map<string, UnitLoad>, Map<string, number>>()

/** What weighs on a unit nothing reached. */
export const emptyLoad = (): UnitLoad => ({ fresh: {}, inForce: {}, reports: 0 })
const COLUMNS = Object.entries(MODULE_COLUMN) as Array<[Module, string]>

/** The 基层负担监测 figures: what weighs on each unit in a period, its index and code, and who added it. */
export function monitorStore(db: Db, tz: string) {
  /** Members of each set, read once: a set never changes after it is written. */
  const members = new Map<string, string[]>()
  async function membersOf(ids: string[]): Promise<Map<string, string[]>> {
    const missing = [...new Set(ids)].filter((id) => !members.has(id))
    if (missing.length) {
      const rows = await db.query<{ set_id: string; unit: string }>('SELECT set_id, unit FROM target_sets WHERE set_id = ANY($1::text[])', [missing])
      for (const id of missing) members.set(id, [])
      for (const r of rows) members.get(r.set_id)!.push(r.unit)
    }
    return members
  }

  /**
   * Loads of every unit (or of `only`) in the period: new demands, recurring in force, 直报.
   * Summed per set of recipients in SQL, then spread over each set's members here.
   */
  async function loads(p: Period, only: string[] | null): Promise<Map<string, UnitLoad>> {
    const [fresh, inForce, reports] = await Promise.all([
      db.query<Record<string, number> & { target_set: string }>(
        `SELECT target_set, ${COLUMNS.map(([, c]) => `sum(${c})::int AS ${c}`).join(', ')}
         FROM filed_docs WHERE filed_on >= $1 AND filed_on < $2 GROUP BY target_set`,
        [p.from, p.to],
      ),
      db.query<{ target_set: string; module: Module; n: number }>(
        `SELECT target_set, module, count(*)::int AS n FROM filed_recurring
         WHERE start_on < $2 AND (until_on IS NULL OR until_on >= $1) GROUP BY target_set, module`,
        [p.from, p.to],
      ),
      db.query<{ unit: string; n: number; named: number }>(
        `SELECT unit, count(*)::int AS n, count(*) FILTER (WHERE NOT anonymous)::int AS named FROM direct_reports
         WHERE at >= ($1::date)::timestamp AT TIME ZONE $3 AND at < ($2::date)::timestamp AT TIME ZONE $3 GROUP BY unit`,
        [p.from, p.to, tz],
      ),
    ])
    const sets = await membersOf([...fresh.map((r) => r.target_set), ...inForce.map((r) => r.target_set)])
    const wanted = only ? new Set(only) : null
    const out = new Map<string, UnitLoad>()
    const named = new Map<string, number>()
    const of = (u: string) => out.get(u) ?? out.set(u, emptyLoad()).get(u)!
    for (const r of fresh)
      for (const u of sets.get(r.target_set)!) {
        if (wanted && !wanted.has(u)) continue
        const l = of(u)
        for (const [m, c] of COLUMNS) if (r[c]) l.fresh[m] = (l.fresh[m] ?? 0) + r[c]!
      }
    for (const r of inForce)
      for (const u of sets.get(r.target_set)!) {
        if (wanted && !wanted.has(u)) continue
        const l = of(u)
        l.inForce[r.module] = (l.inForce[r.module] ?? 0) + r.n
      }
    for (const r of reports) {
      if (wanted && !wanted.has(r.unit)) continue
      of(r.unit).reports = r.n
      named.set(r.unit, r.named)
    }
    namedReports.set(out, named)
    return out
  }

  /** The issuing units whose documents add most points to each unit in the period. */
  async function topIssuers(p: Period, policy: MonitorPolicy, only: string[] | null): Promise<Map<string, IssuerShare[]>> {
    const w = (m: Module) => policy.weights[m] ?? 1
    const freshPoints = COLUMNS.map(([m, c]) => `${c} * ${Number(w(m))}`).join(' + ')
    const recurringWeight = `CASE module ${MODULES.map((m) => `WHEN '${m}' THEN ${Number(w(m) * policy.recurringFactor)}`).join(' ')} ELSE 0 END`
    const rows = await db.query<{ target_set: string; issuer: string; pts: number }>(
      `SELECT target_set, issuer, sum(pts)::float8 AS pts FROM (
         SELECT target_set, issuer, (${freshPoints})::float8 AS pts FROM filed_docs WHERE filed_on >= $1 AND filed_on < $2
         UNION ALL
         SELECT target_set, issuer, (${recurringWeight})::float8 AS pts FROM filed_recurring
         WHERE start_on < $2 AND (until_on IS NULL OR until_on >= $1)
       ) c GROUP BY target_set, issuer HAVING sum(pts) > 0`,
      [p.from, p.to],
    )
    const sets = await membersOf(rows.map((r) => r.target_set))
    const wanted = only ? new Set(only) : null
    const points = new Map<string, Map<string, number>>()
    for (const r of rows)
      for (const u of sets.get(r.target_set)!) {
        if (wanted && !wanted.has(u)) continue
        const byIssuer = points.get(u) ?? points.set(u, new Map()).get(u)!
        byIssuer.set(r.issuer, (byIssuer.get(r.issuer) ?? 0) + r.pts)
      }
    const out = new Map<string, IssuerShare[]>()
    for (const [u, byIssuer] of points)
      out.set(
        u,
        [...byIssuer]
          .map(([issuer, pts]) => ({ issuer, points: Math.round(pts * 10) / 10 }))
          .sort((a, b) => b.points - a.points || a.issuer.localeCompare(b.issuer))
          .slice(0, policy.topIssuers),
      )
    return out
  }

  const rate = (unit: string, load: UnitLoad, policy: MonitorPolicy, p: Period): UnitPressureRow => {
    const index = pressureIndex(load, policy)
    return { unit, index, code: pressureCode(index, policy, p.kind), load }
  }

  return {
    loads,
    topIssuers,

    /** Index and code of each unit named, in the period (a unit nothing reached is green at 0). */
    async pressure(p: Period, units: string[], policy: MonitorPolicy): Promise<UnitPressureRow[]> {
      const all = await loads(p, units)
      return units.map((u) => rate(u, all.get(u) ?? emptyLoad(), policy, p))
    },

    /** What a draft would add: each recipient's code now and once the draft is filed today. */
    async impact(burden: FiledBurden, units: string[], day: string, p: Period, policy: MonitorPolicy) {
      const now = await loads(p, units)
      const adds = loadOf(burden, p, day)
      return units.map((u) => {
        const before = now.get(u) ?? emptyLoad()
        return { unit: u, before: rate(u, before, policy, p), after: rate(u, addLoads(before, adds), policy, p) }
      })
    },

    /**
     * Records each unit's code in the period and raises one alert per unit that turns red,
     * naming the issuing units that added most. Returns the alerts raised.
     */
    async recordCodes(p: Period, units: string[], policy: MonitorPolicy): Promise<Array<{ unit: string; index: number; topIssuers: IssuerShare[] }>> {
      if (!units.length) return []
      const rows = await this.pressure(p, units, policy)
      const before = new Map(
        (await db.query<{ unit: string; code: PressureCode }>('SELECT unit, code FROM unit_codes WHERE period_kind = $1 AND period_from = $2 AND unit = ANY($3::text[])', [p.kind, p.from, units])).map(
          (r) => [r.unit, r.code],
        ),
      )
      const turned = rows.filter((r) => r.code === 'red' && before.get(r.unit) !== 'red')
      const top = turned.length ? await topIssuers(p, policy, turned.map((r) => r.unit)) : new Map<string, IssuerShare[]>()
      const alerts = turned.map((r) => ({ unit: r.unit, index: r.index, topIssuers: top.get(r.unit) ?? [] }))
      await db.tx(async (q) => {
        await q.query(
          `INSERT INTO unit_codes (unit, period_kind, period_from, code, idx)
           SELECT unit, $1, $2::date, code, idx FROM json_to_recordset($3::json) AS x(unit text, code text, idx real)
           ON CONFLICT (unit, period_kind, period_from) DO UPDATE SET code = excluded.code, idx = excluded.idx, updated_at = now()`,
          [p.kind, p.from, JSON.stringify(rows.map((r) => ({ unit: r.unit, code: r.code, idx: r.index })))],
        )
        if (alerts.length)
          await q.query(
            `INSERT INTO burden_alerts (unit, period_kind, period_from, period_to, idx, top_issuers)
             SELECT unit, $1, $2::date, $3::date, idx, top_issuers FROM json_to_recordset($4::json) AS x(unit text, idx real, top_issuers jsonb)`,
            [p.kind, p.from, p.to, JSON.stringify(alerts.map((a) => ({ unit: a.unit, idx: a.index, top_issuers: a.topIssuers })))],
          )
      })
      return alerts
    },

    async alerts(limit: number, only: Set<string> | null) {
      const rows = await db.query<{ id: string; unit: string; period_kind: 'week' | 'month'; period_from: Date | string; period_to: Date | string; at: Date; idx: number; top_issuers: IssuerShare[] }>(
        `SELECT id::text, unit, period_kind, period_from::text AS period_from, period_to::text AS period_to, at, idx, top_issuers FROM burden_alerts
         WHERE ($2::text[] IS NULL OR unit = ANY($2::text[])) ORDER BY at DESC, id DESC LIMIT $1`,
        [limit, only ? [...only] : null],
      )
      return rows.map((r) => ({
        id: r.id,
        unit: r.unit,
        period: { kind: r.period_kind, from: String(r.period_from), to: String(r.period_to) },
        at: r.at.toISOString(),
        index: Math.round(r.idx * 10) / 10,
        topIssuers: r.top_issuers,
      }))
    },
  }
}
export type MonitorStore = ReturnType<typeof monitorStore>
