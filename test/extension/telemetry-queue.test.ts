/** The background's telemetry queue, in Node with a Map for chrome.storage and a fake service. */
import { describe, expect, it } from 'vitest'
import type { TelemetryEvent } from '../../core'
import { memoryKV } from '../../extension/lib/background/kv'
import { serviceClient, ServiceError } from '../../extension/lib/background/service'
import { ASIDE_KEY, QUEUE_KEY, TelemetryQueue, type AsideEvent } from '../../extension/lib/background/telemetry-queue'
import { invalidEvents } from '../../extension/lib/background/telemetry-refusal'

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
    expect(await q.state()).toMatchObject({ rejected: 1, aside: 1, pending: 0 })
    expect(await q.asideGroups()).toEqual([{ reason: '服务拒收（HTTP 403）：此令牌只能上报本单位的事件', count: 1 }])
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

  it('sets aside the events a 400 names by index, with the reason, and sends the rest in the same run', async () => {
    const kv = memoryKV()
    const q = new TelemetryQueue(kv)
    const svc = fakeService()
    const events = Array.from({ length: 10 }, () => event())
    const bad = new Set([events[2]!.id, events[7]!.id])
    svc.failWith((batch) => {
      const invalid = batch.flatMap((e, i) => (bad.has(e.id) ? [{ index: i, reason: `events.${i}.chars: 数值过大` }] : []))
      return invalid.length ? new ServiceError(400, 'invalid_events', '部分事件不合约定', undefined, { code: 'invalid_events', message: '部分事件不合约定', details: { invalid: invalid } }) : null
    })
    await q.enqueue(events)
    expect(await q.flush(svc.post)).toMatchObject({ status: 'sent', sent: 8, pending: 0 })
    expect(svc.posts).toEqual([10, 8])
    expect(await q.state()).toMatchObject({ aside: 2, rejected: 2, sent: 8, attempt: 0 })
    const aside = (await kv.get<AsideEvent[]>(ASIDE_KEY))!
    expect(aside.map((x) => x.event.id)).toEqual([events[2]!.id, events[7]!.id])
    expect(aside[0]!.event).toEqual(events[2]) // kept whole, to send again
    expect(aside.map((x) => x.reason)).toEqual(['服务拒收：events.2.chars: 数值过大', '服务拒收：events.7.chars: 数值过大'])
  })

  it('reads the bad indexes from the shapes a service may use, and ignores what is not an index of the batch', () => {
    const reasons = (error: unknown) => Object.fromEntries(invalidEvents(error, 5, '部分事件不合约定'))
    expect(reasons({ details: { invalid: [1, 3] } })).toEqual({ 1: '服务拒收：部分事件不合约定', 3: '服务拒收：部分事件不合约定' })
    expect(reasons({ details: { invalid: [{ index: 0, reason: '日期无效' }, { index: 0, issues: ['含 NUL'] }] } })).toEqual({ 0: '服务拒收：日期无效；含 NUL' })
    expect(reasons({ invalid: ['4'] })).toEqual({ 4: '服务拒收：部分事件不合约定' })
    expect(reasons({ details: ['events.2.counts.tao: 数值过大', 'events.2: 重复'] })).toEqual({ 2: '服务拒收：counts.tao: 数值过大；重复' })
    expect(reasons({ details: [{ i: 1, message: '超长' }] })).toEqual({ 1: '服务拒收：超长' })
    // Not indexes of this batch, or not indexes at all: nothing is per-event.
    expect(reasons({ details: { invalid: [5, -1, 1.5, 'x', null] } })).toEqual({})
    expect(reasons({ details: ['events: 至少 1 条', 'unit: 无效'] })).toEqual({})
    expect(reasons('Bad Request')).toEqual({})
    expect(reasons(undefined)).toEqual({})
  })

  it('takes the indexes from the service error body through the HTTP client', async () => {
    const q = new TelemetryQueue(memoryKV())
    const events = Array.from({ length: 4 }, () => event())
    const bodies: TelemetryEvent[][] = []
    const client = serviceClient('http://127.0.0.1:1', 't', async (_url, init) => {
      const batch = (JSON.parse(String(init.body)) as { events: TelemetryEvent[] }).events
      bodies.push(batch)
      const i = batch.findIndex((e) => e.id === events[1]!.id)
      if (i < 0) return new Response(JSON.stringify({ accepted: batch.length, duplicates: 0 }), { status: 200 })
      return new Response(JSON.stringify({ error: { code: 'invalid_events', message: '部分事件不合约定', details: { invalid: [i] } } }), { status: 400, headers: { 'Content-Type': 'application/json' } })
    })
    await q.enqueue(events)
    expect(await q.flush((b) => client.telemetry(b))).toMatchObject({ status: 'sent', sent: 3 })
    expect(bodies.map((b) => b.length)).toEqual([4, 3])
    expect(await q.asideGroups()).toEqual([{ reason: '服务拒收：部分事件不合约定', count: 1 }])
  })

  it('ends even when the service names an index on every answer', async () => {
    const q = new TelemetryQueue(memoryKV())
    const svc = fakeService()
    svc.failWith(() => new ServiceError(400, 'invalid_events', '不合约定', undefined, { details: { invalid: [0] } }))
    await q.enqueue(Array.from({ length: 30 }, () => event()))
    expect(await q.flush(svc.post)).toMatchObject({ status: 'sent', sent: 0, pending: 0 })
    expect(svc.posts).toHaveLength(30)
    expect((await q.state()).aside).toBe(30)
  })

  it('sets a batch aside on a 4xx that no event can fix (a bad token) and stops the run, without retrying it', async () => {
    const q = new TelemetryQueue(memoryKV())
    const svc = fakeService()
    const events = Array.from({ length: 600 }, () => event())
    svc.failWith(() => new ServiceError(401, 'unauthorized', '令牌无效'))
    await q.enqueue(events)
    const r = await q.flush(svc.post)
    expect(r).toMatchObject({ status: 'failed', sent: 0, pending: 100, error: '令牌无效' })
    expect(svc.posts).toEqual([500])
    expect(await q.asideGroups()).toEqual([{ reason: '服务拒收（HTTP 401）：令牌无效', count: 500 }])
    // Fixed token, then the user retries what was set aside: all of it goes, oldest first.
    svc.failWith(null)
    expect(await q.retryAside()).toBe(500)
    expect(await q.flush(svc.post)).toMatchObject({ status: 'sent', sent: 600, pending: 0 })
    expect([...svc.stored.keys()]).toEqual(events.map((e) => e.id))
    expect(await q.state()).toMatchObject({ aside: 0, sent: 600, lastError: null })
  })

  it('isolates a poison event behind a 500, delivers the rest once, and sets it aside after a bounded number of tries', async () => {
    const c = clock()
    const q = new TelemetryQueue(memoryKV(), { now: c.now, random: () => 0 })
    const svc = fakeService()
    const events = Array.from({ length: 500 }, () => event())
    const poison = events[321]!.id
    svc.failWith((batch) => (batch.some((e) => e.id === poison) ? new ServiceError(500, 'internal_error', '服务内部错误，请稍后重试') : null))
    await q.enqueue(events)
    const statuses: string[] = []
    for (let i = 0; i < 20 && (await q.state()).pending > 0; i++) {
      statuses.push((await q.flush(svc.post)).status)
      c.advance(11 * 60_000)
    }
    expect((await q.state()).pending).toBe(0)
    expect(svc.stored.size).toBe(499)
    expect([...svc.stored.values()].every((n) => n === 1)).toBe(true)
    expect(await q.asideGroups()).toEqual([{ reason: '服务多次出错（HTTP 500）：服务内部错误，请稍后重试', count: 1 }])
    expect(statuses.length).toBeLessThanOrEqual(8)
    expect(svc.posts.length).toBeLessThan(40)
  })

  it('keeps retrying a service that fails every batch with 500, without taking the queue apart or setting it aside', async () => {
    const c = clock()
    const q = new TelemetryQueue(memoryKV(), { now: c.now, random: () => 0 })
    const svc = fakeService()
    await q.enqueue(Array.from({ length: 40 }, () => event()))
    svc.failWith(() => new ServiceError(500, 'internal_error', '服务内部错误'))
    for (let i = 0; i < 15; i++) {
      const before = svc.posts.length
      expect((await q.flush(svc.post)).status).toBe('failed')
      expect(svc.posts.length - before).toBeLessThanOrEqual(3)
      c.advance(11 * 60_000)
    }
    expect(await q.state()).toMatchObject({ pending: 40, aside: 0 })
    svc.failWith(null)
    expect(await q.flush(svc.post)).toMatchObject({ status: 'sent', sent: 40 })
  })

  it('retries outages (unreachable, 429, 502, 503, 504) as they are, never setting events aside', async () => {
    for (const status of [0, 408, 429, 502, 503, 504]) {
      const c = clock()
      const q = new TelemetryQueue(memoryKV(), { now: c.now })
      const svc = fakeService()
      await q.enqueue([event(), event()])
      svc.failWith(() => new ServiceError(status, 'x', '不可用'))
      for (let i = 0; i < 12; i++) {
        await q.flush(svc.post)
        c.advance(11 * 60_000)
      }
      expect(svc.posts.every((n) => n === 2)).toBe(true)
      expect(await q.state()).toMatchObject({ pending: 2, aside: 0 })
    }
  })

  it('lets the user discard what was set aside, and counts it', async () => {
    const kv = memoryKV()
    const q = new TelemetryQueue(kv)
    const svc = fakeService()
    svc.failWith(() => new ServiceError(413, 'payload_too_large', '请求体过大'))
    await q.enqueue([event(), event(), event()])
    await q.flush(svc.post)
    expect((await q.state()).aside).toBe(3)
    expect(await q.discardAside()).toBe(3)
    expect(await q.state()).toMatchObject({ aside: 0, discarded: 3, pending: 0 })
    expect(await kv.get(ASIDE_KEY)).toEqual([])
    expect(await q.asideGroups()).toEqual([])
  })
})
