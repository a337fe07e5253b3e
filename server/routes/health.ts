import { Hono } from 'hono'
import { ENGINE_VERSION } from '../../core'
import type { AppEnv } from '../lib/auth'
import type { Deps } from '../lib/deps'
import { SERVICE_VERSION } from '../version'

export function healthRoutes({ auth, store }: Deps) {
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ ok: true, version: SERVICE_VERSION, engine: ENGINE_VERSION, store: store.db.kind }))
    .get('/me', auth.role('drafter'), (c) => {
      const p = c.get('principal')
      return c.json({ id: p.id, name: p.name, role: p.role, unit: p.unit })
    })
}
