import type { IncomingMessage } from 'node:http'
import { bearer, type Auth } from './auth'
import { corsAnswerHeaders, originAllowed } from './cors'
import { etagMatches, type Published } from './published'

/**
 * The extension's rule poll, `GET /api/rules` with a matching If-None-Match, answered before
 * Hono routes it: a cached token, the rule set in memory and headers built once per version.
 * Anything else (no or unknown token, over the limit, a query, another version) goes the normal
 * way, which answers it in full; so this path changes how fast a 304 is, never what it says.
 */
export function rulePollFastPath(o: { auth: Auth; published: Published; corsOrigins: string[] }) {
  const allowed = new Set(o.corsOrigins)
  return (req: Request, env: unknown): Response | undefined => {
    // On @hono/node-server, Node's own request: no web Request or Headers is built.
    const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming
    const get = incoming
      ? (name: string) => {
          const v = incoming.headers[name]
          return Array.isArray(v) ? v.join(', ') : v
        }
      : (name: string) => req.headers.get(name) ?? undefined
    if ((incoming?.method ?? req.method) !== 'GET') return
    if ((incoming ? incoming.url : pathAndQuery(req.url)) !== '/api/rules') return
    const ifNoneMatch = get('if-none-match')
    const authorization = get('authorization')
    if (!ifNoneMatch || !authorization) return
    const token = bearer(authorization)
    const p = token ? o.auth.cached(token) : null
    if (!p) return
    const served = o.published.peekRules(p.unit ?? undefined)
    if (!served || !etagMatches(ifNoneMatch, served.etag) || !o.auth.admit(p)) return
    const origin = get('origin')
    const headers = origin ? { ...served.notModified, ...corsAnswerHeaders(origin, originAllowed(origin, allowed)) } : { ...served.notModified }
    // A null body, as a 304 has none: node-server then builds a web Response (about 10% of this
    // path's time). An empty string would skip that, but node-server would add Content-Length: 0,
    // which RFC 9110 forbids on a 304 (and a Content-Length of the 200 stalls some clients).
    return new Response(null, { status: 304, headers })
  }
}

const pathAndQuery = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2))
