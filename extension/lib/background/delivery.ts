/**
 * When telemetry goes out: shortly after events arrive (so a burst makes one batch), when the
 * back-off expires, on each sync round, and on 立即同步. A timer covers the live worker; an
 * alarm covers a worker that Chrome stopped in between.
 */
import type { KV } from './kv'
import { serviceClient } from './service'
import { loadSettings, serviceBase } from './settings'
import type { FlushResult, TelemetryQueue } from './telemetry-queue'

export const RETRY_ALARM = 'banwen:telemetry-retry'
const SOON_MS = 1000
/** Chrome fires alarms of packed extensions no sooner than 30 s. */
const ALARM_MIN_MS = 30_000

interface Alarms {
  create(name: string, info: { when: number }): Promise<void> | void
  clear(name: string): Promise<boolean> | void
}

export function delivery(kv: KV, queue: TelemetryQueue, alarms: Alarms) {
  let timer: ReturnType<typeof setTimeout> | null = null

  const schedule = (at: number) => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), Math.max(0, at - Date.now()))
    void alarms.create(RETRY_ALARM, { when: Math.max(at, Date.now() + ALARM_MIN_MS) })
  }

  async function flush(force = false): Promise<FlushResult | null> {
    if (timer) clearTimeout(timer)
    timer = null
    try {
      const settings = await loadSettings(kv)
      const base = serviceBase(settings)
      // No service: events stay queued (bounded) until one is configured.
      if (!base) return null
      const client = serviceClient(base, settings.token)
      const r = await queue.flush((events) => client.telemetry(events), force)
      if ((r.status === 'failed' || r.status === 'waiting') && r.nextAttemptAt) schedule(r.nextAttemptAt)
      else if (r.status === 'sent' && r.pending > 0) schedule(Date.now() + SOON_MS)
      else void alarms.clear(RETRY_ALARM)
      return r
    } catch (e) {
      // Storage failed under us: the events are still stored; the sync alarm tries again.
      console.warn('[办文] 发送遥测事件出错', e)
      return null
    }
  }

  /** After new events: wait a moment for more, then send, unless backing off. */
  function soon() {
    if (!timer) timer = setTimeout(() => void flush(), SOON_MS)
  }

  return { flush, soon }
}
