import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { setup, type Env } from './helpers'

let env: Env
let server: ServerType
let base: string
beforeAll(async () => {
  env = await setup(() => openPgliteThread())
  server = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => server.once('listening', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.close()
  await env?.db.close()
})

it('PGlite 在自己的线程：重查询运行期间 /api/health 照常应答', async () => {
  let heavyDone = false
  // A heavy aggregate in the embedded database: seconds of WASM work on the database's thread.
  const heavy = env.db.query(`SELECT count(DISTINCT (g::bigint * 7919) % 1000003)::int AS n FROM generate_series(1, 1000000) g`).then((r) => {
    heavyDone = true
    return r
  })
  await new Promise((r) => setTimeout(r, 100))
  expect(heavyDone).toBe(false)
  const answers = []
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${base}/api/health`)
    answers.push({ status: res.status, heavyDone })
  }
  expect(answers).toEqual(Array(5).fill({ status: 200, heavyDone: false }))
  expect((await heavy)[0]).toEqual({ n: expect.any(Number) })
  // The extension's poll (an Origin, an If-None-Match) over real HTTP: 304 with CORS and security headers.
  const auth = { authorization: `Bearer ${env.tokens.drafter}` }
  const etag = (await fetch(`${base}/api/rules`, { headers: auth })).headers.get('etag')!
  const poll = await fetch(`${base}/api/rules`, { headers: { ...auth, 'if-none-match': etag, origin: 'chrome-extension://abcdefgh' } })
  expect(poll.status).toBe(304)
  expect(poll.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefgh')
  expect(poll.headers.get('x-content-type-options')).toBe('nosniff')
  // The database still serves requests afterwards.
  expect((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${env.tokens.admin}` } })).status).toBe(200)
}, 60_000)
