import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { serveWithPoll } from '../../server/lib/poll-fast-path'
import { setup, type Env } from './helpers'

const EXTENSION = 'chrome-extension://abcdefghijklmnop'
// @hono/node-server gives every answer without one a text/plain Content-Type, a 304 too; the
// fast path sends none (RFC 9110 § 15.4.5: a 304 carries no representation metadata of its own).
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => !['date', 'connection', 'keep-alive', 'content-type'].includes(k)))

describe('规则轮询 304 的快速路径', () => {
  let env: Env
  let base: string
  let close: () => void
  let etag: string
  beforeAll(async () => {
    env = await setup(() => openPgliteThread(), { config: { corsOrigins: ['https://oa.example.gov.cn'] } })
    // As the service runs: the poll answered on Node's request, everything else through Hono.
    const server = serveWithPoll({ fetch: env.app.routedFetch, poll: env.app.poll, port: 0, hostname: '127.0.0.1' })
    await new Promise((r) => server.once('listening', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
    // The first poll goes the normal way and leaves the token checked and the rule set loaded.
    etag = (await env.call('GET', '/api/rules', { token: env.tokens.drafter })).headers.get('etag')!
  })
  afterAll(async () => {
    close()
    await env.db.close()
  })

  const poll = (path: string, headers: Record<string, string>) => fetch(base + path, { headers: { authorization: `Bearer ${env.tokens.drafter}`, 'if-none-match': etag, ...headers } })

  it('命中时不经路由即答（同步返回），未命中、无令牌、带查询时走完整路由', () => {
    const req = (path: string, h: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${env.tokens.drafter}`, 'if-none-match': etag, ...h } })
    expect(env.app.fetch(req('/api/rules'))).toBeInstanceOf(Response)
    expect(env.app.fetch(req('/api/rules?unit='))).toBeInstanceOf(Promise)
    expect(env.app.fetch(req('/api/rules', { 'if-none-match': '"old"' }))).toBeInstanceOf(Promise)
    expect(env.app.fetch(req('/api/rules', { authorization: 'Bearer nobody-has-this-token' }))).toBeInstanceOf(Promise)
  })

  // `?unit=` takes the full route to the same answer: both must carry the same headers.
  for (const [name, origin] of [
    ['不带 Origin', null],
    ['扩展来源', EXTENSION],
    ['配置的来源', 'https://oa.example.gov.cn'],
    ['不允许的来源', 'https://evil.example'],
  ] as const) {
    it(`${name}：304 的头与完整路由的完全相同（CORS、安全头、ETag）`, async () => {
      const h: Record<string, string> = origin ? { origin } : {}
      const [fast, routed] = [await poll('/api/rules', h), await poll('/api/rules?unit=', h)]
      expect([fast.status, routed.status]).toEqual([304, 304])
      expect(headersOf(fast)).toEqual(headersOf(routed))
      expect(fast.headers.get('etag')).toBe(etag)
      // Answered on Node's own request: through Hono it would carry node-server's text/plain.
      expect(fast.headers.get('content-type')).toBeNull()
      expect(fast.headers.get('content-length')).toBeNull()
      expect(fast.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
      if (origin === EXTENSION || origin === 'https://oa.example.gov.cn') {
        expect(fast.headers.get('access-control-allow-origin')).toBe(origin)
        expect(fast.headers.get('access-control-expose-headers')).toContain('ETag')
      } else expect(fast.headers.get('access-control-allow-origin')).toBeNull()
      expect(fast.headers.get('vary')).toBe(origin ? 'Origin' : null)
    })
  }

  // Raw headers as a client may send them: names in any case, a header twice.
  const rawGet = (raw: string[]) =>
    new Promise<{ status: number; contentType: string | undefined }>((resolve, reject) =>
      request(`${base}/api/rules`, { headers: ['Host', new URL(base).host, ...raw] }, (res) => {
        res.resume()
        resolve({ status: res.statusCode!, contentType: res.headers['content-type'] })
      })
        .on('error', reject)
        .end(),
    )

  it('头名大小写不论：照样走快速路径', async () => {
    const r = await rawGet(['AUTHORIZATION', `Bearer ${env.tokens.drafter}`, 'If-None-Match', etag])
    expect(r).toEqual({ status: 304, contentType: undefined })
  })

  it('同名头出现两次时不走快速路径，由完整路由按 Node 的规则作答', async () => {
    const twice = await rawGet(['authorization', `Bearer ${env.tokens.drafter}`, 'Authorization', 'Bearer nobody-has-this-token', 'if-none-match', etag])
    // Node keeps the first Authorization: the full route answers 304 too, with node-server's Content-Type.
    expect(twice.status).toBe(304)
    expect(twice.contentType).toMatch(/text\/plain/)
    const etagTwice = await rawGet(['authorization', `Bearer ${env.tokens.drafter}`, 'if-none-match', etag, 'if-none-match', '"old"'])
    expect(etagTwice.status).toBe(304)
    expect(etagTwice.contentType).toMatch(/text\/plain/)
  })

  it('吊销的令牌不再得到 304', async () => {
    const { token, id } = await (await env.call('POST', '/api/tokens', { json: { role: 'drafter', name: '将被吊销' } })).json()
    const h = { authorization: `Bearer ${token}`, 'if-none-match': etag }
    expect((await fetch(`${base}/api/rules`, { headers: h })).status).toBe(304)
    expect((await env.call('DELETE', `/api/tokens/${id}`)).status).toBeLessThan(300)
    expect((await fetch(`${base}/api/rules`, { headers: h })).status).toBe(401)
  })
})
