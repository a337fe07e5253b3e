import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../lib/auth'
import { scopeUnit, type Deps } from '../lib/deps'
import { ApiError, notFound } from '../lib/errors'
import { jsonBody, param, query } from '../lib/validate'
import { ROLES } from '../store/tokens'

const CreateBody = z
  .object({
    role: z.enum(ROLES),
    name: z.string().trim().min(1, '名称不能为空').max(100),
    unit: z.string().min(1).max(100).nullable().optional(),
  })
  .strict()

export function tokenRoutes({ auth, store }: Deps) {
  return new Hono<AppEnv>()
    .get('/tokens', auth.role('admin'), async (c) => {
      const { all } = query(c, z.object({ all: z.enum(['0', '1']).default('0') }))
      const unit = c.get('principal').unit
      const tokens = await store.tokens.list(all === '1')
      return c.json({ tokens: unit ? tokens.filter((t) => t.unit === unit) : tokens })
    })
    .post('/tokens', auth.role('admin'), async (c) => {
      const body = await jsonBody(c, CreateBody)
      const p = c.get('principal')
      // A unit's admin mints tokens for that unit only, never an unbound one.
      if (p.unit && body.unit === null) throw new ApiError(403, 'unit_forbidden', `绑定单位「${p.unit}」的管理员只能创建本单位的令牌`)
      const { token, record } = await store.tokens.create({ ...body, unit: scopeUnit(p, body.unit ?? undefined) ?? null }, p)
      // The plain token is shown this once; only its hash is kept.
      return c.json({ token, ...record }, 201)
    })
    .delete('/tokens/:id', auth.role('admin'), async (c) => {
      const { id } = param(c, z.object({ id: z.string().min(1).max(40) }))
      const all = await store.tokens.list()
      const unit = c.get('principal').unit
      const target = all.find((t) => t.id === id && (!unit || t.unit === unit))
      if (!target) throw notFound(`令牌「${id}」`)
      if (target.role === 'admin' && all.filter((t) => t.role === 'admin').length === 1) throw new ApiError(409, 'last_admin', '不能吊销最后一个管理员令牌，请先创建新的管理员令牌')
      const revoked = await store.tokens.revoke(id, c.get('principal'))
      auth.forget()
      return c.json(revoked)
    })
}
