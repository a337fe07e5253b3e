import type { MiddlewareHandler } from 'hono'
import { header } from './headers'

const ALLOW_HEADERS = 'Authorization, Content-Type, If-None-Match'
const ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS'

/**
 * CORS for the extension (chrome-extension:// origins) and the configured origins. Requests
 * without an Origin header (same-origin dashboard, curl, load tests) pass untouched.
 */
export function corsFor(origins: string[]): MiddlewareHandler {
  const allowed = new Set(origins)
  return async (c, next) => {
    const origin = header(c, 'origin')
    if (!origin) return next()
    const ok = originAllowed(origin, allowed)
    if (c.req.method === 'OPTIONS' && header(c, 'access-control-request-method')) {
      if (!ok) return c.body(null, 204, { Vary: 'Origin' })
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      })
    }
    await next()
    for (const [k, v] of Object.entries(corsAnswerHeaders(origin, ok))) c.header(k, v, { append: k === 'Vary' })
  }
}

export const originAllowed = (origin: string, allowed: ReadonlySet<string>) => origin.startsWith('chrome-extension://') || allowed.has(origin)

/** What an answer to a request with an Origin header carries (besides a preflight's). */
export function corsAnswerHeaders(origin: string, ok: boolean): Record<string, string> {
  return ok ? { Vary: 'Origin', 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'ETag, Retry-After' } : { Vary: 'Origin' }
}
