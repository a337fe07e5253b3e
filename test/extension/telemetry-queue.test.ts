/** The background's telemetry queue, in Node with a Map for chrome.storage and a fake service. */
import { describe, expect, it } from 'vitest'
import type { TelemetryEvent } from '../../core'
import { memoryKV } from '../../extension/lib/background/kv'
import { ServiceError } from '../../extension/lib/background/service'
import { QUEUE_KEY, TelemetryQueue } from '../../extension/lib/background/telemetry-queue'

let n = 0
const event = (over: Partial<TelemetryEvent> = {}): TelemetryEvent => ({
  id: `evt-${String(++n).padStart(6, '0')}`,
  kind: 'analyzed',
  at: '2026-03-01T08:00:00.000Z',
  unit: '测试局',
  user: 'u-test',
  docType: '通知',
  chars: 1200,
  cap: 3000,
  score: 72,
  counts: { tao: 2, burden: 0, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 },
  ruleIds: ['tao.gaodu-zhongshi'],
  rulesetVersion: '1',
  extensionVersion: '0.1.0',
  ...over,
})

/** A service that records what it accepted, by id, and can be made to fail. */
function fakeService() {
  const stored = new Map<string, number>()
  const posts: number[] = []
  let fail: ((batch: TelemetryEvent[]) => Error | null) | null = null
  return {
    stored,
    posts,
    failWith(f: typeof fail) {
      fail = f
    },
    post: async (batch: TelemetryEvent[]) => {
      posts.push(batch.length)
      const err = fail?.(batch)
      if (err) throw err
      for (const e of batch) stored.set(e.id, (stored.get(e.id) ?? 0) + 1)
      return { accepted: batch.length, duplicates: 0 }
    },
  }
}

function clock(start = 1_000_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe('telemetry queue', () => {
  it('persists, validates and does not queue an id twice', async () => {
    const kv = memoryKV()
    const q = new TelemetryQueue(kv)
    const e = event()
    expect(await q.enqueue([e, e, { ...event(), score: 400 }, { nonsense: true }])).toEqual({ queued: 1, invalid: 2 })
    expect(await q.enqueue([e])).toEqual({ queued: 0, invalid: 0 })
    // A new queue over the same storage (a restarted worker) sees the same event.
    expect((await new TelemetryQueue(kv).state()).pending).toBe(1)
  })

  it('sends in batches of at most 500 and removes only what the service accepted', async () => {
    const q = new TelemetryQueue(memoryKV())
    const svc = fakeService()
    await q.enqueue(Array.from({ length: 1201 }, () => event()))
    const r = await q.flush(svc.post)
    expect(r).toMatchObject({ status: 'sent', sent: 1201, pending: 0 })
    expect(svc.posts).toEqual([500, 500, 201])
    expect([...svc.stored.values()].every((c) => c === 1)).toBe(true)
  })

  it('keeps everything while the service is down, backs off with jitter, and delivers each event once after', async () => {
    const c = clock()
    const kv = memoryKV()
    const q = new TelemetryQueue(kv, { now: c.now, random: () => 0.5, baseMs: 1000, capMs: 8000 })
    const svc = fakeService()
    const events = Array.from({ length: 30 }, () => event())
    await q.enqueue(events)
    svc.failWith(() => new ServiceError(0, 'unreachable', '无法连接服务'))
    const delays: number[] = []
    for (let i = 0; i < 6; i++) {
      const r = await q.flush(svc.post)
      expect(r.status).toBe('failed')
      if (r.status === 'failed') delays.push(r.nextAttemptAt - c.now())
      // Before the back-off expires, an ordinary flush waits instead of posting.
      expect((await q.flush(svc.post)).status).toBe('waiting')
      c.advance(10_000)
    }
    // 3/4 of 1, 2, 4, 8, 8, 8 s (equal jitter at random()=0.5), capped.
    expect(delays).toEqual([750, 1500, 3000, 6000, 6000, 6000])
    expect((await q.state()).pending).toBe(30)
    svc.failWith(null)
    expect(await q.flush(svc.post)).toMatchObject({ status: 'sent', sent: 30 })
    expect(svc.stored.size).toBe(30)
    expect([...svc.stored.values()].every((n) => n === 1)).toBe(true)
    expect(await q.state()).toMatchObject({ pending: 0, attempt: 0, nextAttemptAt: null, lastError: null, sent: 30 })
  })

  it('honours Retry-After and sends at once when forced (立即同步)', async () => {
    const c = clock()
    const q = new TelemetryQueue(memoryKV(), { now: c.now, random: () => 0 })
    const svc = fakeService()
    await q.enqueue([event()])
    svc.failWith(() => new ServiceError(429, 'rate_limited', '请求过于频繁', 60_000))
    const r = await q.flush(svc.post)
    expect(r.status === 'failed' && r.nextAttemptAt - c.now()).toBe(60_000)
    svc.failWith(null)
    expect((await q.flush(svc.post)).status).toBe('waiting')
    expect(await q.flush(svc.post, true)).toMatchObject({ status: 'sent', sent: 1 })
  })

  it('isolates an event the service refuses and delivers the rest', async () => {
    const q = new TelemetryQueue(memoryKV())
    const svc = fakeService()
    const events = Array.from({ length: 9 }, () => event())
    const bad = events[6]!.id
    svc.failWith((batch) => (batch.some((e) => e.id === bad) ? new ServiceError(403, 'unit_forbidden', '此令牌只能上报本单位的事件') : null))
    await q.enqueue(events)
    expect(await q.flush(svc.post)).toMatchObject({ status: 'sent', sent: 8, pending: 0 })
    expect(svc.stored.has(bad)).toBe(false)
    expect((await q.state()).rejected).toBe(1)
  })

  it('does not lose events that arrive during a send', async () => {
    const kv = memoryKV()
    const q = new TelemetryQueue(kv)
    const svc = fakeService()
    await q.enqueue([event(), event()])
    const late = event()
    const slowPost = async (batch: TelemetryEvent[]) => {
      await q.enqueue([late])
      return svc.post(batch)
    }
    expect(await q.flush(slowPost)).toMatchObject({ status: 'sent', sent: 2, pending: 1 })
    expect((await kv.get<TelemetryEvent[]>(QUEUE_KEY))!.map((e) => e.id)).toEqual([late.id])
  })

  it('is bounded: drops the oldest with a warning', async () => {
    const q = new TelemetryQueue(memoryKV(), { max: 10 })
    const events = Array.from({ length: 14 }, () => event())
    await q.enqueue(events.slice(0, 8))
    await q.enqueue(events.slice(8))
    const s = await q.state()
    expect(s).toMatchObject({ pending: 10, dropped: 4 })
    expect(s.lastError).toMatch(/丢弃最早的 4 条/)
    const svc = fakeService()
    await q.flush(svc.post)
    expect([...svc.stored.keys()]).toEqual(events.slice(4).map((e) => e.id))
  })

  it('shares one run between concurrent flushes', async () => {
    const q = new TelemetryQueue(memoryKV())
    const svc = fakeService()
    await q.enqueue([event(), event(), event()])
    const [a, b] = await Promise.all([q.flush(svc.post), q.flush(svc.post)])
    expect(a).toBe(b)
    expect(svc.posts).toEqual([3])
  })
})
