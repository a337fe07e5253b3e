import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../lib/auth'
import type { Deps } from '../lib/deps'
import { query } from '../lib/validate'

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(40).optional(),
})

export function auditRoutes({ auth, store }: Deps) {
  return new Hono<AppEnv>().get('/audit', auth.role('admin'), async (c) => {
    const q = query(c, AuditQuery)
    const entries = await store.audit.list({ ...q, unit: c.get('principal').unit ?? undefined })
    return c.json({ entries, next: entries.length === q.limit ? entries[entries.length - 1]!.id : null })
  })
}
