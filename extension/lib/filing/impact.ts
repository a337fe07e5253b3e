/**
 * The pre-filing impact (docs/receiving.md, POST /api/monitor/impact): what filing the draft does
 * to its recipients' 绿/黄/红 codes. Only the burden profile leaves, through the background; the
 * filing never waits past IMPACT_WAIT_MS for it, nor fails when the service is down.
 */
import { filedBurden, type Report } from '../../../core'
import { IMPACT_TIMEOUT_MS } from '../background/receiving'
import type { Config } from '../config'
import { send } from '../messages'
import type { ImpactView } from '../ui/store'

/** The background's own timeout, plus the hop to it. */
export const IMPACT_WAIT_MS = IMPACT_TIMEOUT_MS + 500
export const IMPACT_DOWN = '负担监测暂不可用'

/** null when there is nothing to ask: no service set, or no 主送 line read. */
export function askImpact(report: Report, config: Config): Promise<ImpactView> | null {
  if (!config.serverConfigured || report.recipients.length === 0) return null
  return send('monitor:impact', { burden: filedBurden(report) }, IMPACT_WAIT_MS).then(
    (res): ImpactView => (!res ? { state: 'down', message: '后台未及时答复' } : 'impact' in res ? { state: 'ready', impact: res.impact } : { state: 'down', message: res.error }),
  )
}

/** A draft that would pass on its own is held when it adds to a unit that turns yellow or red, or is red already. */
export function impactWarns(view: ImpactView | null): boolean {
  if (view?.state !== 'ready') return false
  return view.impact.recipients.some((r) => r.after.index > r.before.index && (r.after.code === 'red' || r.after.code !== r.before.code))
}
