/**
 * The service's HTTP API as the extension uses it (see docs/api.md): bearer token, ETags on the
 * polled resources, errors as {error:{code,message}}. Every failure becomes a ServiceError.
 */
import type { DirectReportInput, FiledBurden, RatingInput, TelemetryEvent } from '../../../core'

export class ServiceError extends Error {
  constructor(
    /** HTTP status; 0 when the service could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
    /** The service's error object as sent ({code, message, details?, …}), for callers that read more. */
    readonly body?: unknown,
  ) {
    super(message)
  }
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>

/** 200 with a body and its ETag, or 304. */
export type Conditional<T> = { status: 200; body: T; etag: string | null } | { status: 304 }

export interface ServiceClient {
  rules(unit: string, etag: string | null): Promise<Conditional<unknown>>
  fingerprints(etag: string | null): Promise<Conditional<unknown>>
  policy(unit: string): Promise<unknown>
  quota(unit: string, year: number): Promise<unknown>
  telemetry(events: TelemetryEvent[]): Promise<unknown>
  /** The pre-filing impact: a short timeout, since the drafter is waiting at the submit button. */
  impact(burden: FiledBurden, timeoutMs: number): Promise<unknown>
  received(docHash: string): Promise<unknown>
  rate(rating: RatingInput): Promise<unknown>
  directReport(report: DirectReportInput): Promise<unknown>
}

const TIMEOUT_MS = 15_000

export function serviceClient(base: string, token: string, fetchImpl: Fetch = (u, i) => fetch(u, i)): ServiceClient {
  async function call(path: string, init: RequestInit & { etag?: string | null; timeoutMs?: number } = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (token) headers.Authorization = `Bearer ${token}`
    if (init.etag) headers['If-None-Match'] = init.etag
    if (init.body) headers['Content-Type'] = 'application/json'
    let res: Response
    try {
      const { etag: _etag, timeoutMs = TIMEOUT_MS, ...rest } = init
      res = await fetchImpl(`${base}${path}`, { ...rest, headers, signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' })
    } catch (e) {
      throw new ServiceError(0, 'unreachable', `无法连接服务（${(e as Error).message}）`)
    }
    if (res.ok || res.status === 304) return res
    throw await errorOf(res)
  }

  async function conditional(path: string, etag: string | null): Promise<Conditional<unknown>> {
    const res = await call(path, { etag })
    if (res.status === 304) return { status: 304 }
    return { status: 200, body: await json(res), etag: res.headers.get('ETag') }
  }

  return {
    rules: (unit, etag) => conditional(`/api/rules${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`, etag),
    fingerprints: (etag) => conditional('/api/fingerprints', etag),
    policy: async (unit) => json(await call(`/api/units/${encodeURIComponent(unit)}/policy`)),
    quota: async (unit, year) => json(await call(`/api/units/${encodeURIComponent(unit)}/quota?year=${year}`)),
    telemetry: async (events) => json(await call('/api/telemetry', { method: 'POST', body: JSON.stringify({ events }) })),
    impact: async (burden, timeoutMs) => json(await call('/api/monitor/impact', { method: 'POST', body: JSON.stringify({ burden }), timeoutMs })),
    received: async (docHash) => json(await call(`/api/received/${docHash}`)),
    rate: async (rating) => json(await call('/api/ratings', { method: 'POST', body: JSON.stringify(rating) })),
    directReport: async (report) => json(await call('/api/direct-reports', { method: 'POST', body: JSON.stringify(report) })),
  }
}

async function json(res: Response): Promise<unknown> {
  try {
    return await res.json()
  } catch {
    throw new ServiceError(res.status, 'bad_json', '服务返回的不是合法 JSON')
  }
}

async function errorOf(res: Response): Promise<ServiceError> {
  let code = `http_${res.status}`
  let message = `服务返回 ${res.status}`
  let error: unknown
  try {
    error = ((await res.json()) as { error?: unknown }).error
    const e = (error ?? {}) as { code?: unknown; message?: unknown }
    if (typeof e.code === 'string' && e.code) code = e.code
    if (typeof e.message === 'string' && e.message) message = e.message
  } catch {
    // A proxy's HTML error page: keep the status line.
  }
  const retry = Number(res.headers.get('Retry-After'))
  return new ServiceError(res.status, code, message, Number.isFinite(retry) && retry > 0 ? retry * 1000 : undefined, error)
}
