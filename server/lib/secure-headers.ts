import type { MiddlewareHandler } from 'hono'

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/** The API answers JSON only: nothing in it may run, load or be framed. */
const API = { ...COMMON, 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" }

/**
 * The dashboard loads its own scripts, styles and worker and talks to its own origin only.
 * Style attributes stay allowed for the not-built page and React's inline styles.
 */
const DASHBOARD = {
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

/** Security headers on every answer, error or not; set before the route, so the answer is built with them. */
export function secureHeaders(kind: 'api' | 'dashboard'): MiddlewareHandler {
  const headers = Object.entries(kind === 'api' ? API : DASHBOARD)
  return async (c, next) => {
    for (const [k, v] of headers) c.header(k, v)
    await next()
  }
}
