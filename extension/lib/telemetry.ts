/**
 * Telemetry events: scores, counts and rule ids from the report (and, on `filed`, the burden
 * profile: 主送 phrases and demand counts), never document text. The
 * background queues and sends them; here they are only built and handed over.
 */
import { filedBurden, TelemetryEventSchema, telemetryFromReport, type Report, type TelemetryEvent, type TelemetryKind, TELEMETRY_LIMITS } from '../../core'
import type { Config } from './config'
import { send } from './messages'
import { uuid } from './hash'

export { sha256Hex } from './hash'

export type EventExtra = Pick<TelemetryEvent, 'action' | 'reason' | 'ruleId' | 'docHash'>

export function buildEvent(kind: TelemetryKind, report: Report, config: Config, extra: EventExtra = {}): TelemetryEvent | null {
  const event: Record<string, unknown> & { docType: string; reason?: string } = {
    id: uuid(),
    kind,
    at: new Date().toISOString(),
    unit: config.unit || '未设置单位',
    user: config.user || 'anonymous',
    extensionVersion: config.extensionVersion,
    ...telemetryFromReport(report),
    // What a filed document asks of its recipients: 主送 phrases and counts, never its words.
    ...(kind === 'filed' ? { burden: filedBurden(report) } : {}),
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  }
  event.docType = event.docType.slice(0, 20)
  if (event.reason) event.reason = cut(event.reason, TELEMETRY_LIMITS.reason)
  let parsed = TelemetryEventSchema.safeParse(event)
  // A 主送 phrase the contract refuses must not cost the filed event itself: send it without the profile.
  if (!parsed.success && event.burden && parsed.error.issues.every((i) => i.path[0] === 'burden')) {
    delete event.burden
    parsed = TelemetryEventSchema.safeParse(event)
  }
  if (!parsed.success) {
    console.warn('[办文] 遥测事件不合约定，未发送', parsed.error.issues)
    return null
  }
  return parsed.data
}

export async function pushEvents(events: Array<TelemetryEvent | null>): Promise<void> {
  const ok = events.filter((e): e is TelemetryEvent => e !== null)
  if (ok.length) await send('telemetry:push', { events: ok })
}

/** At most `max` UTF-16 units (what the service counts), never splitting a surrogate pair. */
function cut(s: string, max: number): string {
  let out = ''
  for (const ch of s) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}
