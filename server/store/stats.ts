import { CategorySchema } from '../../core'
import type { Db } from '../db/types'
import { foldQueue, HISTOGRAM } from './rollups'
import { whereOf, type EventFilter } from '../lib/filter'
import { cubeWhereOf, userWhereOf, type CubeSlice } from './cube-filter'

export type Basis = 'filed' | 'analyzed' | 'all'
const BASIS: Record<Basis, string> = { filed: `kind = 'filed'`, analyzed: `kind = 'analyzed'`, all: `kind IN ('analyzed', 'filed')` }
const CATEGORIES = CategorySchema.options

/** The measures every grouping shares, summed from the rollups: volume, score, over-cap rate, disguised directives, findings per category. */
const MEASURES = `coalesce(sum(n), 0)::int AS documents,
  round((sum(score_sum) / nullif(sum(n), 0))::numeric, 1)::float8 AS avg_score,
  round(sum(over_cap)::numeric / nullif(sum(over_cap_known), 0), 4)::float8 AS over_cap_rate,
  coalesce(sum(over_cap), 0)::int AS over_cap,
  coalesce(sum(disguised), 0)::int AS disguised,
  coalesce(sum(frame), 0)::int AS frame,
  ${CATEGORIES.map((c) => `coalesce(sum(c_${c}), 0)::int AS "c_${c}"`).join(',\n  ')}`
const WEEK = `to_char(date_trunc('week', period), 'YYYY-MM-DD')`

export interface Measures {
  documents: number
  avgScore: number | null
  overCapRate: number | null
  overCap: number
  disguised: number
  frame: number
  findings: Record<string, number>
}
type MeasureRow = { documents: number; avg_score: number | null; over_cap_rate: number | null; over_cap: number; disguised: number; frame: number } & Record<string, unknown>
const measures = (r: MeasureRow): Measures => ({
  documents: r.documents,
  avgScore: r.avg_score,
  overCapRate: r.over_cap_rate,
  overCap: r.over_cap,
  disguised: r.disguised,
  frame: r.frame,
  findings: Object.fromEntries(CATEGORIES.map((c) => [c, Number(r[`c_${c}`] ?? 0)])),
})

export interface Overview {
  basis: Basis
  totals: Measures & { byKind: Record<string, number>; units: number; users: number }
  weekly: Array<Measures & { week: string }>
  byUnit: Array<Measures & { unit: string }>
  /** Weekly average score of the busiest units (up to 6), for a trend per unit. */
  byUnitWeek: Array<{ unit: string; week: string; documents: number; avgScore: number | null }>
  byDocType: Array<Measures & { docType: string }>
  scoreHistogram: Array<{ from: number; to: number; count: number }>
  overrides: { total: number; byAction: Record<string, number>; recent: Array<{ at: string; unit: string; user: string; docType: string; action: string | null; reason: string | null; score: number }> }
}

export interface RuleStat {
  ruleId: string
  hits: number
  dismissals: number
  falsePositives: number
  dismissRate: number | null
  falsePositiveRate: number | null
}

export function statsStore(db: Db, tz: string) {
  return {
    /** From the rollup cubes (queued events folded in first), except the overrides (few, read from the events). */
    async overview(f: EventFilter, basis: Basis): Promise<Overview> {
      await foldQueue(db, tz, { wait: true })
      const on = (slice: CubeSlice = {}) => {
        const c = cubeWhereOf(f, slice)
        return { sql: `${c.sql} AND ${BASIS[basis]}`, params: c.params }
      }
      const total = on()
      const perUnit = on({ byUnit: true })
      const u = userWhereOf(f)
      const k = cubeWhereOf(f)
      const weeks = on({ days: true })
      const unitWeeks = on({ byUnit: true, days: true })
      const top = cubeWhereOf(f, { byUnit: true }, unitWeeks.params.length + 1)
      const perDocType = on({ byDocType: true })
      const w = whereOf(f, tz)
      const [totals, users, kinds, weekly, byUnit, byUnitWeek, byDocType, ovr, recent] = await Promise.all([
        db.query<MeasureRow & Record<string, number>>(
          `SELECT ${MEASURES}, ${HISTOGRAM.map((h) => `coalesce(sum(${h}), 0)::int AS ${h}`).join(', ')} FROM event_cube WHERE ${total.sql}`,
          total.params,
        ),
        db.query<{ users: number }>(`SELECT count(DISTINCT usr)::int AS users FROM user_year WHERE ${u.sql} AND ${BASIS[basis]}`, u.params),
        db.query<{ kind: string; n: number }>(`SELECT kind, sum(n)::int AS n FROM event_cube WHERE ${k.sql} GROUP BY kind`, k.params),
        db.query<MeasureRow & { week: string }>(`SELECT ${WEEK} AS week, ${MEASURES} FROM event_cube WHERE ${weeks.sql} GROUP BY 1 ORDER BY 1`, weeks.params),
        // How many units: counted over the groups before the LIMIT, so no second pass for it.
        db.query<MeasureRow & { unit: string; units: number }>(
          `SELECT unit, ${MEASURES}, count(*) OVER ()::int AS units FROM event_cube WHERE ${perUnit.sql} GROUP BY unit ORDER BY documents DESC, unit LIMIT 200`,
          perUnit.params,
        ),
        db.query<{ unit: string; week: string; documents: number; avg_score: number | null }>(
          `SELECT unit, ${WEEK} AS week, sum(n)::int AS documents, round((sum(score_sum) / nullif(sum(n), 0))::numeric, 1)::float8 AS avg_score
           FROM event_cube WHERE ${unitWeeks.sql} AND unit IN (SELECT unit FROM event_cube WHERE ${top.sql} AND ${BASIS[basis]} GROUP BY unit ORDER BY sum(n) DESC, unit LIMIT 6)
           GROUP BY 1, 2 ORDER BY 2, 1`,
          [...unitWeeks.params, ...top.params],
        ),
        db.query<MeasureRow & { doc_type: string }>(`SELECT doc_type, ${MEASURES} FROM event_cube WHERE ${perDocType.sql} GROUP BY doc_type ORDER BY documents DESC, doc_type LIMIT 100`, perDocType.params),
        db.query<{ action: string | null; n: number }>(`SELECT action, count(*)::int AS n FROM events WHERE ${w.sql} AND kind = 'override' GROUP BY action`, w.params),
        db.query<{ at: Date; unit: string; usr: string; doc_type: string; action: string | null; reason: string | null; score: number }>(
          `SELECT at, unit, usr, doc_type, action, reason, score FROM events WHERE ${w.sql} AND kind = 'override' ORDER BY at DESC LIMIT 20`,
          w.params,
        ),
      ])
      const counts = totals[0]!
      return {
        basis,
        totals: { ...measures(totals[0]!), byKind: Object.fromEntries(kinds.map((k) => [k.kind, k.n])), units: byUnit[0]?.units ?? 0, users: users[0]!.users },
        weekly: weekly.map((r) => ({ week: r.week, ...measures(r) })),
        byUnit: byUnit.map((r) => ({ unit: r.unit, ...measures(r) })),
        byUnitWeek: byUnitWeek.map((r) => ({ unit: r.unit, week: r.week, documents: r.documents, avgScore: r.avg_score })),
        byDocType: byDocType.map((r) => ({ docType: r.doc_type, ...measures(r) })),
        scoreHistogram: Array.from({ length: 10 }, (_, b) => ({ from: b * 10, to: b === 9 ? 100 : b * 10 + 10, count: counts[`h${b}`] ?? 0 })),
        overrides: {
          total: ovr.reduce((a, r) => a + r.n, 0),
          byAction: Object.fromEntries(ovr.map((r) => [r.action ?? '未注明', r.n])),
          recent: recent.map((r) => ({ at: r.at.toISOString(), unit: r.unit, user: r.usr, docType: r.doc_type, action: r.action, reason: r.reason, score: r.score })),
        },
      }
    },

    /** Per rule: how often it fired, and how often drafters dismissed it or called it a 误报. */
    async rules(f: EventFilter, basis: Basis): Promise<RuleStat[]> {
      await foldQueue(db, tz, { wait: true })
      const r = cubeWhereOf(f)
      const rows = await db.query<{ rule_id: string; hits: number; dismissals: number; false_positives: number }>(
        `SELECT rule_id, coalesce(sum(n) FILTER (WHERE ${BASIS[basis]}), 0)::int AS hits,
           coalesce(sum(n) FILTER (WHERE kind = 'dismiss'), 0)::int AS dismissals,
           coalesce(sum(n) FILTER (WHERE kind = 'false-positive'), 0)::int AS false_positives
         FROM rule_cube WHERE ${r.sql} GROUP BY rule_id
         HAVING sum(n) FILTER (WHERE ${BASIS[basis]} OR kind IN ('dismiss', 'false-positive')) > 0`,
        r.params,
      )
      const rate = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 10000) / 10000 : null)
      return rows
        .map((r) => ({
          ruleId: r.rule_id,
          hits: r.hits,
          dismissals: r.dismissals,
          falsePositives: r.false_positives,
          dismissRate: rate(r.dismissals, r.hits),
          falsePositiveRate: rate(r.false_positives, r.hits),
        }))
        .sort((a, b) => (b.falsePositiveRate ?? -1) - (a.falsePositiveRate ?? -1) || (b.dismissRate ?? -1) - (a.dismissRate ?? -1) || b.hits - a.hits || a.ruleId.localeCompare(b.ruleId))
    },
  }
}
export type StatsStore = ReturnType<typeof statsStore>
