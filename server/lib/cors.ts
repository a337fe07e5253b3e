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
    const ok = origin.startsWith('chrome-extension://') || allowed.has(origin)
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
    c.header('Vary', 'Origin', { append: true })
    if (ok) {
      c.header('Access-Control-Allow-Origin', origin)
      c.header('Access-Control-Expose-Headers', 'ETag, Retry-After')
    }
  }
}
