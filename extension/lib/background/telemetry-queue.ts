/**
 * The telemetry queue: persistent (chrome.storage.local survives browser and worker restarts),
 * validated on the way in, sent in batches, removed only after a 2xx. A lost response means a
 * resend, which the service absorbs (it stores each event id once). Failures back off
 * exponentially with jitter; the queue is bounded and drops its oldest events, with a warning.
 */
import { formatZodError, TelemetryEventSchema, type TelemetryEvent } from '../../../core'
import { mutex, type KV } from './kv'
import { ServiceError } from './service'

export const QUEUE_KEY = 'telemetry:queue'
export const QUEUE_STATE_KEY = 'telemetry:state'

export interface QueueState {
  pending: number
  /** Dropped because the queue was full (oldest first), since install. */
  dropped: number
  /** Dropped because the service refused them as invalid, one by one. */
  rejected: number
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
}

export const DEFAULT_QUEUE: QueueOptions = { max: 5000, batch: 500, baseMs: 2000, capMs: 10 * 60_000, now: Date.now, random: Math.random }

export type Post = (events: TelemetryEvent[]) => Promise<unknown>

export type FlushResult =
  | { status: 'idle' | 'waiting'; pending: number; nextAttemptAt: number | null }
  | { status: 'sent'; sent: number; pending: number }
  | { status: 'failed'; sent: number; pending: number; error: string; nextAttemptAt: number }

const emptyState = (): QueueState => ({ pending: 0, dropped: 0, rejected: 0, sent: 0, attempt: 0, nextAttemptAt: null, lastSentAt: null, lastError: null })

/** The service refused these events themselves: split the batch; a single one is dropped. */
const refusesEvents = (e: unknown) => e instanceof ServiceError && ([400, 413, 422].includes(e.status) || e.code === 'unit_forbidden')

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
      queue.push(...fresh)
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
        if (batch.length) sent += await this.sendSplitting(post, batch)
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

  /** Posts one batch; on a refusal of the events themselves, halves it down to the culprit. */
  private async sendSplitting(post: Post, batch: TelemetryEvent[]): Promise<number> {
    try {
      await post(batch)
    } catch (e) {
      if (!refusesEvents(e)) throw e
      if (batch.length === 1) {
        console.warn('[办文] 服务拒收遥测事件，已丢弃', batch[0]!.id, (e as Error).message)
        await this.remove(batch, 'rejected', (e as Error).message)
        return 0
      }
      const mid = Math.ceil(batch.length / 2)
      return (await this.sendSplitting(post, batch.slice(0, mid))) + (await this.sendSplitting(post, batch.slice(mid)))
    }
    await this.remove(batch, 'sent')
    return batch.length
  }

  private remove(batch: TelemetryEvent[], as: 'sent' | 'rejected', error?: string): Promise<void> {
    const ids = new Set(batch.map((e) => e.id))
    return this.lock(async () => {
      const queue = (await this.read()).filter((e) => !ids.has(e.id))
      const state = await this.state()
      if (as === 'sent') {
        state.sent += batch.length
        state.lastSentAt = new Date(this.o.now()).toISOString()
      } else {
        state.rejected += batch.length
        state.lastError = `服务拒收 ${batch.length} 条事件：${error}`
      }
      await this.write(queue, state)
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

  private async write(queue: TelemetryEvent[], state: QueueState): Promise<void> {
    // One write, so the count the options page shows never disagrees with the queue.
    await this.kv.setAll({ [QUEUE_KEY]: queue, [QUEUE_STATE_KEY]: { ...state, pending: queue.length } })
  }
}
