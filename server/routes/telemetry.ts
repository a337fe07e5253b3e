import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { TelemetryBatchSchema } from '../../core'
import type { AppEnv } from '../lib/auth'
import type { Deps } from '../lib/deps'
import { ApiError } from '../lib/errors'
import { jsonBody } from '../lib/validate'

export function telemetryRoutes({ auth, store }: Deps) {
  return new Hono<AppEnv>().post('/telemetry', auth.role('drafter'), bodyLimit({ maxSize: 2 * 1024 * 1024 }), async (c) => {
    const { events } = await jsonBody(c, TelemetryBatchSchema)
    const p = c.get('principal')
    if (p.unit) {
      const other = events.findIndex((e) => e.unit !== p.unit)
      if (other >= 0) throw new ApiError(403, 'unit_forbidden', `此令牌只能上报本单位「${p.unit}」的事件`, [`events.${other}.unit: ${events[other]!.unit}`])
    }
    return c.json(await store.telemetry.ingest(events, p.id))
  })
}
