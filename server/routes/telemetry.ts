import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { checkTelemetryEvents, formatZodError, TelemetryEnvelopeSchema } from '../../core'
import type { AppEnv } from '../lib/auth'
import type { Deps } from '../lib/deps'
import { ApiError, invalid } from '../lib/errors'
import { receive } from '../lib/receive'
import { readJson } from '../lib/validate'

const list = (indexes: number[]) => indexes.slice(0, 20).join('、') + (indexes.length > 20 ? ' 等' : '')

export function telemetryRoutes({ auth, store, published }: Deps) {
  return new Hono<AppEnv>().post('/telemetry', auth.role('drafter'), bodyLimit({ maxSize: 2 * 1024 * 1024 }), async (c) => {
    const envelope = TelemetryEnvelopeSchema.safeParse(await readJson(c))
    if (!envelope.success) throw invalid(envelope.error)
    // Nothing of a batch with bad events is stored; `indexes` tells the client which to set aside.
    const { events, bad } = checkTelemetryEvents(envelope.data.events)
    if (bad.length) {
      const details = bad.flatMap(({ index, error }) => formatZodError(error).map((d) => `events.${index}.${d}`.replace(/\.\(根\)/, '')))
      const indexes = bad.map((b) => b.index)
      throw new ApiError(400, 'invalid_events', `${indexes.length} 条事件不合约定（序号 ${list(indexes)}，从 0 起），整批未保存；请剔除这些事件后重发`, details, { indexes })
    }
    const p = c.get('principal')
    if (p.unit) {
      const indexes = events.flatMap((e, i) => (e.unit !== p.unit ? [i] : []))
      if (indexes.length)
        throw new ApiError(403, 'unit_forbidden', `此令牌只能上报本单位「${p.unit}」的事件（序号 ${list(indexes)} 属于其他单位），整批未保存`, indexes.slice(0, 20).map((i) => `events.${i}.unit: ${events[i]!.unit}`), { indexes })
    }
    const result = await store.telemetry.ingest(events, p.id)
    await receive({ store, published }, events)
    return c.json(result)
  })
}
