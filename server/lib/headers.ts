import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/**
 * A request header (lower-case name). On @hono/node-server it is read from Node's own request,
 * which spares building a web Headers object on the hottest routes; elsewhere (tests) from Hono.
 */
export function header(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (!incoming) return c.req.header(name)
  const v = incoming.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}
