import { MODULES, pressureCode, pressureIndex, previousPeriod, type Module, type MonitorPolicy, type OrgUnit, type Period } from '../../core'
import type { Store } from '../store'
import { emptyLoad, namedReports, type IssuerShare } from '../store/monitor'

export interface MonitorRow {
  unit: string
  level: OrgUnit['level']
  parent: string | null
  index: number
  code: 'green' | 'yellow' | 'red'
  prev: { index: number; code: 'green' | 'yellow' | 'red' }
  modules: Record<Module, { fresh: number; inForce: number }>
  /** 直报 sent under the unit's name (anonymous ones count in the index only). */
  reports: number
  topIssuers: IssuerShare[]
}

/** The heat table: every registered unit the caller may see, in the period and the one before. */
export async function monitorTable(store: Store, period: Period, policy: MonitorPolicy, visible: Set<string> | null) {
  const units = (await store.org.units()).filter((u) => !visible || visible.has(u.name))
  const only = visible ? units.map((u) => u.name) : null
  const prevPeriod = previousPeriod(period)
  const [now, before, top] = await Promise.all([store.monitor.loads(period, only), store.monitor.loads(prevPeriod, only), store.monitor.topIssuers(period, policy, only)])
  const rows: MonitorRow[] = units.map((u) => {
    const load = now.get(u.name) ?? emptyLoad()
    const index = pressureIndex(load, policy)
    const prevIndex = pressureIndex(before.get(u.name) ?? emptyLoad(), policy)
    return {
      unit: u.name,
      level: u.level,
      parent: u.parent,
      index,
      code: pressureCode(index, policy, period.kind),
      prev: { index: prevIndex, code: pressureCode(prevIndex, policy, period.kind) },
      modules: Object.fromEntries(MODULES.map((m) => [m, { fresh: load.fresh[m] ?? 0, inForce: load.inForce[m] ?? 0 }])) as MonitorRow['modules'],
      reports: namedReports.get(now)?.get(u.name) ?? 0,
      topIssuers: top.get(u.name) ?? [],
    }
  })
  rows.sort((a, b) => b.index - a.index || a.unit.localeCompare(b.unit))
  const counts = { green: 0, yellow: 0, red: 0 }
  for (const r of rows) counts[r.code]++
  return { period, previous: prevPeriod, policy, counts, units: rows }
}
