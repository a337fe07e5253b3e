/**
 * What a failed telemetry POST means for the batch. Only an outage is retried as it is; anything
 * the service says about the events themselves ends with those events set aside, so no batch is
 * retried forever.
 */
import { ServiceError } from './service'

export type Failure =
  /** Unreachable, timeout, rate limit, gateway: the service is away; back off, retry the same. */
  | { kind: 'outage' }
  /** 400/422 naming the bad events by index: set those aside, send the rest. */
  | { kind: 'events'; invalid: Map<number, string> }
  /** A 4xx about the batch that names no event (413, a plain 400, another unit's event): halve it. */
  | { kind: 'batch'; reason: string }
  /** A 4xx that no event can fix (token, role, route): set the batch aside and stop. */
  | { kind: 'refused'; reason: string }
  /** A 500: maybe one poison event; counted per event, halved after a few, set aside at a limit. */
  | { kind: 'server'; reason: string }

const OUTAGE = new Set([0, 408, 429, 502, 503, 504])

export function failureOf(e: unknown, size: number): Failure {
  if (!(e instanceof ServiceError)) return { kind: 'outage' }
  if (OUTAGE.has(e.status)) return { kind: 'outage' }
  const reason = `服务拒收（HTTP ${e.status}）：${e.message}`
  if (e.status >= 500) return { kind: 'server', reason: `服务多次出错（HTTP ${e.status}）：${e.message}` }
  if (e.status === 400 || e.status === 422) {
    const invalid = invalidEvents(e.body, size, e.message)
    if (invalid.size > 0) return { kind: 'events', invalid }
  }
  if (e.status === 400 || e.status === 413 || e.status === 422 || e.code === 'unit_forbidden') return { kind: 'batch', reason }
  return { kind: 'refused', reason }
}

/**
 * The events a 400 names, by index in the batch, with the service's reason when it gives one.
 * Tolerant of the shapes a service may use: details {invalid: [3, …]} or {invalid: [{index, reason}]},
 * a bare list of indexes or of {index, …}, or zod-style lines 'events.3.chars: …'.
 */
export function invalidEvents(error: unknown, size: number, fallback = '服务拒收'): Map<number, string> {
  const reasons = new Map<number, string[]>()
  const add = (index: unknown, why: unknown) => {
    const i = typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : index
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= size) return
    const list = reasons.get(i) ?? []
    if (typeof why === 'string' && why && !list.includes(why)) list.push(why)
    reasons.set(i, list)
  }
  const item = (x: unknown) => {
    if (typeof x === 'number') return add(x, null)
    if (typeof x === 'string') {
      if (/^\d+$/.test(x)) return add(x, null)
      const m = /^events\.(\d+)(?:\.|\s*:\s*)?(.*)$/.exec(x)
      return m ? add(m[1], m[2]) : undefined
    }
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>
      const why = [o.reason, o.message, o.error].find((v) => typeof v === 'string') ?? (Array.isArray(o.issues) ? o.issues.filter((v) => typeof v === 'string').join('；') : null)
      add(o.index ?? o.i, why)
    }
  }
  const list = (x: unknown) => Array.isArray(x) && x.forEach(item)
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>
    list(e.invalid)
    list(e.details)
    if (e.details && typeof e.details === 'object' && !Array.isArray(e.details)) {
      const d = e.details as Record<string, unknown>
      list(d.invalid)
      list(d.events)
    }
  }
  return new Map([...reasons].map(([i, why]) => [i, `服务拒收：${why.length ? why.join('；') : fallback}`]))
}
