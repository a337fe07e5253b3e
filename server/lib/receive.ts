import { periodOf, type Period, type TelemetryEvent } from '../../core'
import type { Deps } from './deps'
import { safeError } from './log'
import { todayIn } from './time'

/**
 * After a telemetry batch is stored: what its sent documents ask of their recipients goes into
 * the monitor, and each recipient's code is recorded (a unit turning red raises an alert).
 * A failure to store the profiles fails the request, so the client retries; the batch's events
 * are duplicates then and the profiles go in once (keyed by event id).
 */
export async function receive({ store, published }: Pick<Deps, 'store' | 'published'>, events: TelemetryEvent[]): Promise<void> {
  if (!events.some((e) => e.kind === 'filed' && e.burden)) return
  const [units, aliases] = await Promise.all([store.org.units(), store.org.aliases()])
  const docs = await store.filed.ingest(events, units, aliases)
  if (!docs.length) return
  const policy = (await published.rules()).ruleSet.monitor
  const periods = new Map<string, { period: Period; units: Set<string> }>()
  for (const d of docs) {
    const period = periodOf(policy.period, d.filedOn)
    const entry = periods.get(period.from) ?? periods.set(period.from, { period, units: new Set() }).get(period.from)!
    for (const u of d.units) entry.units.add(u)
  }
  try {
    for (const { period, units: reached } of periods.values()) await store.monitor.recordCodes(period, [...reached], policy)
  } catch (e) {
    // The profiles are stored; the codes are recomputed on the next filing or view.
    console.error(`[banwen] 记录负担码失败：${safeError(e)}`)
  }
}

/** A 直报 counts in its unit's monitor: its code for today's period is recorded again. */
export async function receiveReport({ store, published, config }: Pick<Deps, 'store' | 'published' | 'config'>, unit: string): Promise<void> {
  try {
    const policy = (await published.rules()).ruleSet.monitor
    await store.monitor.recordCodes(periodOf(policy.period, todayIn(config.timeZone)), [unit], policy)
  } catch (e) {
    console.error(`[banwen] 记录负担码失败：${safeError(e)}`)
  }
}
