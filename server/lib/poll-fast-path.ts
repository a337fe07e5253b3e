import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { serve } from '@hono/node-server'
import { bearer, type Auth } from './auth'
import { corsAnswerHeaders, originAllowed } from './cors'
import { etagMatches, type Published } from './published'

type Header = (name: string) => string | undefined

/**
 * The extension's rule poll, `GET /api/rules` with a matching If-None-Match: the headers of its
 * 304 from a cached token, the rule set in memory and headers built once per version; undefined
 * for anything else (no or unknown token, over the limit, a query, another version), which goes
 * the normal way and is answered in full. So this path changes how fast a 304 is, never what it says.
 */
export function rulePollAnswer(o: { auth: Auth; published: Published; corsOrigins: string[] }) {
  const allowed = new Set(o.corsOrigins)
  return (method: string, path: string, get: Header): Record<string, string> | undefined => {
    if (method !== 'GET' || path !== '/api/rules') return
    const ifNoneMatch = get('if-none-match')
    const authorization = get('authorization')
    if (!ifNoneMatch || !authorization) return
    const token = bearer(authorization)
    const p = token ? o.auth.cached(token) : null
    if (!p) return
    const served = o.published.peekRules(p.unit ?? undefined)
    if (!served || !etagMatches(ifNoneMatch, served.etag) || !o.auth.admit(p)) return
    const origin = get('origin')
    return origin ? { ...served.notModified, ...corsAnswerHeaders(origin, originAllowed(origin, allowed)) } : { ...served.notModified }
  }
}
export type RulePollAnswer = ReturnType<typeof rulePollAnswer>

/** The fast path in front of `fetch` (app.request, other runtimes): a 304 Response, else undefined. */
export function rulePollFastPath(answer: RulePollAnswer) {
  return (req: Request): Response | undefined => {
    const headers = answer(req.method, pathAndQuery(req.url), (name) => req.headers.get(name) ?? undefined)
    return headers && new Response(null, { status: 304, headers })
  }
}

/**
 * The fast path on Node's own request and response, before @hono/node-server builds a web
 * Request and Response for it: true when it answered.
 */
export function nodeRulePoll(answer: RulePollAnswer) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const headers = answer(req.method ?? '', req.url ?? '', (name) => rawHeader(req.rawHeaders, name))
    if (!headers) return false
    // No body and no Content-Length: RFC 9110 forbids a Content-Length other than the 200's on a 304.
    res.writeHead(304, headers)
    res.end()
    return true
  }
}

/** An app on Node's HTTP server, its rule poll answered before Hono sees it. */
export function serveWithPoll(o: { fetch: (req: Request) => Response | Promise<Response>; poll: RulePollAnswer; port: number; hostname?: string }): Server {
  const poll = nodeRulePoll(o.poll)
  const wrapped = ((options: object, listener: (req: IncomingMessage, res: ServerResponse) => void) =>
    createServer(options, (req, res) => poll(req, res) || listener(req, res))) as unknown as typeof createServer
  return serve({ fetch: o.fetch, port: o.port, hostname: o.hostname, createServer: wrapped }) as Server
}

const pathAndQuery = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2))

/** A header straight from the parser's raw list; `undefined` when absent or sent twice. */
function rawHeader(raw: string[], name: string): string | undefined {
  let found: string | undefined
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!
    if (key.length !== name.length || key.toLowerCase() !== name) continue
    if (found !== undefined) return undefined
    found = raw[i + 1]!
  }
  return found
}
