import type { MiddlewareHandler } from 'hono'

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/** The API answers JSON only: nothing in it may run, load or be framed. */
export const API_HEADERS: Readonly<Record<string, string>> = { ...COMMON, 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" }

/**
 * The dashboard loads its own scripts, styles and worker and talks to its own origin only.
 * Style attributes stay allowed for the not-built page and React's inline styles.
 */
const DASHBOARD_HEADERS = {
  ...COMMON,
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
}

/**
 * Security headers on every answer; set before the route, so the answer is built with them.
 * `selfSecured`: GET routes that build their answers with API_HEADERS themselves (the hottest
 * polls, answered without a Headers object); their errors get them from onError.
 */
export function secureHeaders(kind: 'api' | 'dashboard', selfSecured: ReadonlySet<string> = new Set()): MiddlewareHandler {
  const headers = Object.entries(kind === 'api' ? API_HEADERS : DASHBOARD_HEADERS)
  return async (c, next) => {
    if (!(c.req.method === 'GET' && selfSecured.has(c.req.path))) for (const [k, v] of headers) c.header(k, v)
    await next()
  }
}
