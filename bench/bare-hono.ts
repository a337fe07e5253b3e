/**
 * The yardstick for the rule poll: a bare Hono app on @hono/node-server answering 304 with an
 * ETag, no auth and no middleware. Prints its URL. `npx tsx bench/bare-hono.ts`
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono().get('/rules', (c) => c.body(null, 304, { ETag: '"bench"', 'Cache-Control': 'no-cache' }))
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
})
