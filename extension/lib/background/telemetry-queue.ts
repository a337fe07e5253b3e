/**
 * The telemetry queue: persistent (chrome.storage.local survives browser and worker restarts),
 * validated on the way in, sent in batches, removed only after a 2xx. A lost response means a
 * resend, which the service absorbs (it stores each event id once). An outage backs off
 * exponentially with jitter; events the service refuses are set aside (kept, shown on the
 * options page with the reason, to retry or discard there), so no batch is retried forever.
 * The queue is bounded and drops its oldest events, with a warning.
 */
import { formatZodError, TelemetryEventSchema, type TelemetryEvent } from '../../../core'
import { mutex, type KV } from './kv'
import { ServiceError } from './service'
import { failureOf } from './telemetry-refusal'

export const QUEUE_KEY = 'telemetry:queue'
export const QUEUE_STATE_KEY = 'telemetry:state'
export const ASIDE_KEY = 'telemetry:aside'
const STRIKES_KEY = 'telemetry:strikes'

/** An event the service refused, kept with why until the user retries or discards it. */
export interface AsideEvent {
  event: TelemetryEvent
  reason: string
  at: string
}

export interface QueueState {
  pending: number
  /** Dropped because the queue was full (oldest first), since install. */
  dropped: number
  /** Set aside because the service refused them, since install. */
  rejected: number
  /** Set aside now (ASIDE_KEY), waiting for the user to retry or discard them. */
  aside: number
  /** Set-aside events the user discarded, since install. */
  discarded: number
  /** Accepted by the service, since install. */
  sent: number
  /** Consecutive failed attempts; 0 after a success. */
  attempt: number
  /** Epoch ms before which automatic sending waits; null: send when asked. */
  nextAttemptAt: number | null
  lastSentAt: string | null
  lastError: string | null
}

export interface QueueOptions {
  max: number
  batch: number
  baseMs: number
  capMs: number
  now: () => number
  random: () => number
  /** Failed 500s after which a batch is halved to find a poison event. */
  halveAfter: number
  /** Failed 500s after which an event is set aside. */
  maxStrikes: number
}

export const DEFAULT_QUEUE: QueueOptions = { max: 5000, batch: 500, baseMs: 2000, capMs: 10 * 60_000, now: Date.now, random: Math.random, halveAfter: 2, maxStrikes: 8 }

export type Post = (events: TelemetryEvent[]) => Promise<unknown>

export type FlushResult =
  | { status: 'idle' | 'waiting'; pending: number; nextAttemptAt: number | null }
  | { status: 'sent'; sent: number; pending: number }
  | { status: 'failed'; sent: number; pending: number; error: string; nextAttemptAt: number }

const emptyState = (): QueueState => ({ pending: 0, dropped: 0, rejected: 0, aside: 0, discarded: 0, sent: 0, attempt: 0, nextAttemptAt: null, lastSentAt: null, lastError: null })

export class TelemetryQueue {
  private readonly o: QueueOptions
  private readonly lock = mutex()
  private inFlight: Promise<FlushResult> | null = null

  constructor(
    private readonly kv: KV,
    options: Partial<QueueOptions> = {},
  ) {
    this.o = { ...DEFAULT_QUEUE, ...options }
  }

  async state(): Promise<QueueState> {
    return { ...emptyState(), ...(await this.kv.get<QueueState>(QUEUE_STATE_KEY)) }
  }

  /** Validates and appends; an id already queued is not queued twice. */
  enqueue(input: unknown[]): Promise<{ queued: number; invalid: number }> {
    const valid: TelemetryEvent[] = []
    let invalid = 0
    for (const e of input) {
      const parsed = TelemetryEventSchema.safeParse(e)
      if (parsed.success) valid.push(parsed.data)
      else {
        invalid++
        console.warn('[办文] 丢弃不合约定的遥测事件', formatZodError(parsed.error))
      }
    }
    return this.lock(async () => {
      const queue = await this.read()
      const ids = new Set(queue.map((e) => e.id))
      const fresh: TelemetryEvent[] = []
      for (const e of valid) if (!ids.has(e.id)) (ids.add(e.id), fresh.push(e))
      for (const e of fresh) queue.push(e) // not push(...fresh): a huge push would overflow the stack
      const over = queue.length - this.o.max
      const state = await this.state()
      if (over > 0) {
        queue.splice(0, over)
        state.dropped += over
        state.lastError = `待发送事件超过上限 ${this.o.max} 条，已丢弃最早的 ${over} 条`
        console.warn(`[办文] ${state.lastError}`)
      }
      await this.write(queue, state)
      return { queued: fresh.length, invalid }
    })
  }

  /**
   * Sends everything queued, batch by batch. Waits out the back-off unless `force` (立即同步).
   * Concurrent calls share one run.
   */
  flush(post: Post, force = false): Promise<FlushResult> {
    this.inFlight ??= this.run(post, force).finally(() => (this.inFlight = null))
    return this.inFlight
  }

  private async run(post: Post, force: boolean): Promise<FlushResult> {
    const start = await this.state()
    let queue = await this.read()
    if (queue.length === 0) return { status: 'idle', pending: 0, nextAttemptAt: null }
    if (!force && start.nextAttemptAt !== null && start.nextAttemptAt > this.o.now()) return { status: 'waiting', pending: queue.length, nextAttemptAt: start.nextAttemptAt }
    let sent = 0
    // Only what is queued now; events arriving meanwhile go out on the next flush.
    const todo = queue.map((e) => e.id)
    try {
      for (let i = 0; i < todo.length; i += this.o.batch) {
        const ids = new Set(todo.slice(i, i + this.o.batch))
        queue = await this.read()
        const batch = queue.filter((e) => ids.has(e.id))
        if (batch.length) sent += await this.deliver(post, batch)
      }
    } catch (e) {
      return this.failed(e, sent)
    }
    const pending = await this.lock(async () => {
      const s = await this.state()
      await this.kv.set(QUEUE_STATE_KEY, { ...s, attempt: 0, nextAttemptAt: null, lastError: null })
      return s.pending
    })
    return { status: 'sent', sent, pending }
  }

  /** Posts one batch; returns how many the service accepted. Throws only to end the run. */
  private async deliver(post: Post, batch: TelemetryEvent[]): Promise<number> {
    const e = await this.attempt(post, batch)
    return e === null ? batch.length : this.recover(post, batch, e)
  }

  /** null when the service took the batch (then it is removed), else the error. */
  private async attempt(post: Post, batch: TelemetryEvent[]): Promise<unknown> {
    try {
      await post(batch)
    } catch (e) {
      return e
    }
    await this.remove(batch)
    return null
  }

  private async recover(post: Post, batch: TelemetryEvent[], e: unknown): Promise<number> {
    const f = failureOf(e, batch.length)
    switch (f.kind) {
      case 'outage':
        throw e
      case 'events': {
        await this.setAside(batch.flatMap((event, i) => (f.invalid.has(i) ? [{ event, reason: f.invalid.get(i)! }] : [])))
        const rest = batch.filter((_, i) => !f.invalid.has(i))
        // Strictly fewer each time, so even a service that keeps naming indexes ends this.
        return rest.length ? this.deliver(post, rest) : 0
      }
      case 'batch':
        if (batch.length > 1) return this.halves(post, batch)
        await this.setAside([{ event: batch[0]!, reason: f.reason }])
        return 0
      case 'refused':
        await this.setAside(batch.map((event) => ({ event, reason: f.reason })))
        throw e
      case 'server': {
        const strikes = await this.strike(batch)
        if (batch.length === 1 && strikes >= this.o.maxStrikes) {
          await this.setAside([{ event: batch[0]!, reason: f.reason }])
          return 0
        }
        if (batch.length === 1 || strikes < this.o.halveAfter) throw e
        return this.halves(post, batch, e)
      }
    }
  }

  /**
   * Sends each half. When `serverError` led here and both halves fail the same way, it is not
   * one bad event but a failing service: stop and retry later rather than take it apart.
   */
  private async halves(post: Post, batch: TelemetryEvent[], serverError?: unknown): Promise<number> {
    const mid = Math.ceil(batch.length / 2)
    const parts = [batch.slice(0, mid), batch.slice(mid)]
    const errors: unknown[] = []
    for (const part of parts) errors.push(await this.attempt(post, part))
    const isServer = (e: unknown) => e !== null && failureOf(e, 1).kind === 'server'
    if (serverError !== undefined && errors.every(isServer)) throw errors[0]
    let sent = 0
    for (let i = 0; i < parts.length; i++) sent += errors[i] === null ? parts[i]!.length : await this.recover(post, parts[i]!, errors[i])
    return sent
  }

  /** Counts a failed 500 against each event; returns the highest count in the batch. */
  private strike(batch: TelemetryEvent[]): Promise<number> {
    return this.lock(async () => {
      const strikes = (await this.kv.get<Record<string, number>>(STRIKES_KEY)) ?? {}
      let max = 0
      for (const e of batch) max = Math.max(max, (strikes[e.id] = (strikes[e.id] ?? 0) + 1))
      await this.kv.set(STRIKES_KEY, strikes)
      return max
    })
  }

  private remove(batch: TelemetryEvent[]): Promise<void> {
    const ids = new Set(batch.map((e) => e.id))
    return this.lock(async () => {
      const queue = (await this.read()).filter((e) => !ids.has(e.id))
      const state = await this.state()
      state.sent += batch.length
      state.lastSentAt = new Date(this.o.now()).toISOString()
      await this.write(queue, state, { forget: ids })
    })
  }

  /** Moves events out of the queue into the set-aside list (bounded like the queue). */
  private setAside(items: Array<{ event: TelemetryEvent; reason: string }>): Promise<void> {
    if (items.length === 0) return Promise.resolve()
    const ids = new Set(items.map((x) => x.event.id))
    return this.lock(async () => {
      const queue = (await this.read()).filter((e) => !ids.has(e.id))
      const at = new Date(this.o.now()).toISOString()
      const aside = [...(await this.readAside()).filter((x) => !ids.has(x.event.id)), ...items.map((x) => ({ ...x, at }))]
      const state = await this.state()
      const over = aside.length - this.o.max
      if (over > 0) {
        aside.splice(0, over)
        state.dropped += over
      }
      state.rejected += items.length
      state.lastError = `服务拒收 ${items.length} 条事件，已暂存：${items[0]!.reason}`
      console.warn(`[办文] ${state.lastError}`)
      await this.write(queue, state, { forget: ids, aside })
    })
  }

  /** Set-aside events by reason, most frequent first, for the options page. */
  async asideGroups(): Promise<Array<{ reason: string; count: number }>> {
    const counts = new Map<string, number>()
    for (const x of await this.readAside()) counts.set(x.reason, (counts.get(x.reason) ?? 0) + 1)
    return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count)
  }

  /** The user asks to send set-aside events again: back to the front of the queue, fresh counts. */
  retryAside(): Promise<number> {
    return this.lock(async () => {
      const aside = await this.readAside()
      const queue = await this.read()
      const ids = new Set(queue.map((e) => e.id))
      const back = aside.map((x) => x.event).filter((e) => !ids.has(e.id))
      const state = await this.state()
      await this.write([...back, ...queue], { ...state, attempt: 0, nextAttemptAt: null, lastError: null }, { forget: new Set(back.map((e) => e.id)), aside: [] })
      return aside.length
    })
  }

  /** The user gives set-aside events up. */
  discardAside(): Promise<number> {
    return this.lock(async () => {
      const aside = await this.readAside()
      const state = await this.state()
      state.discarded += aside.length
      await this.write(await this.read(), state, { aside: [] })
      return aside.length
    })
  }

  private failed(e: unknown, sent: number): Promise<FlushResult> {
    return this.lock(async () => {
      const state = await this.state()
      const attempt = state.attempt + 1
      const exp = Math.min(this.o.capMs, this.o.baseMs * 2 ** (attempt - 1))
      // "Equal jitter": at least half the delay, so retries spread out but never hammer.
      let delay = exp / 2 + (this.o.random() * exp) / 2
      if (e instanceof ServiceError && e.retryAfterMs) delay = Math.max(delay, e.retryAfterMs)
      const nextAttemptAt = Math.round(this.o.now() + delay)
      const error = e instanceof Error ? e.message : String(e)
      await this.kv.set(QUEUE_STATE_KEY, { ...state, attempt, nextAttemptAt, lastError: error })
      return { status: 'failed' as const, sent, pending: state.pending, error, nextAttemptAt }
    })
  }

  private async read(): Promise<TelemetryEvent[]> {
    return (await this.kv.get<TelemetryEvent[]>(QUEUE_KEY)) ?? []
  }

  private async readAside(): Promise<AsideEvent[]> {
    return (await this.kv.get<AsideEvent[]>(ASIDE_KEY)) ?? []
  }

  /**
   * One write, so the counts the options page shows never disagree with the lists. `forget`:
   * ids whose 500-strikes no longer matter; `aside`: the new set-aside list.
   */
  private async write(queue: TelemetryEvent[], state: QueueState, o: { forget?: Set<string>; aside?: AsideEvent[] } = {}): Promise<void> {
    const items: Record<string, unknown> = { [QUEUE_KEY]: queue, [QUEUE_STATE_KEY]: { ...state, pending: queue.length, aside: o.aside?.length ?? state.aside } }
    if (o.aside) items[ASIDE_KEY] = o.aside
    if (o.forget?.size) {
      const strikes = (await this.kv.get<Record<string, number>>(STRIKES_KEY)) ?? {}
      if ([...o.forget].some((id) => id in strikes)) {
        for (const id of o.forget) delete strikes[id]
        items[STRIKES_KEY] = strikes
      }
    }
    await this.kv.setAll(items)
  }
}
