import { Hono } from 'hono'
import { z } from 'zod'
import { plainText, PlanItemSchema } from '../../core'
import type { AppEnv } from '../lib/auth'
import { requireAllUnits, type Deps } from '../lib/deps'
import { yearIn } from '../lib/time'
import { jsonBody, param, query } from '../lib/validate'

const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) })
const PlanBody = z.object({ items: z.array(PlanItemSchema).max(2000) }).strict()
const KindParam = z.object({ kind: plainText(30, 1) })
const QuotaBody = z.object({ year: z.number().int().min(2000).max(2100), cut: z.number().min(0).max(1) }).strict()

/** The 督查检查考核 plan (served to extensions inside the rule set) and quotas per issuer kind. */
export function planRoutes({ auth, store, published, config }: Deps) {
  const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).default(() => yearIn(config.timeZone)) })
  return new Hono<AppEnv>()
    .get('/plan', auth.role('drafter'), async (c) => {
      const { year } = query(c, YearQuery)
      return c.json({ year, kept: await store.plan.hasPlan(year), items: await store.plan.items(year) })
    })
    .put('/plan/:year', auth.role('admin'), async (c) => {
      requireAllUnits(c.get('principal'))
      const { year } = param(c, YearParam)
      const { items } = await jsonBody(c, PlanBody)
      await store.plan.replace(year, items, c.get('principal'))
      await published.invalidate()
      return c.json({ year, kept: true, items: await store.plan.items(year) })
    })
    .get('/issuer-quotas', auth.role('reviewer'), async (c) => {
      const { year } = query(c, YearQuery)
      return c.json({ year, kinds: await store.issuerQuotas.status(year) })
    })
    .put('/issuer-quotas/:kind', auth.role('admin'), async (c) => {
      requireAllUnits(c.get('principal'))
      const { kind } = param(c, KindParam)
      const { year, cut } = await jsonBody(c, QuotaBody)
      await store.issuerQuotas.set(kind, year, cut, c.get('principal'))
      return c.json({ year, kinds: await store.issuerQuotas.status(year) })
    })
}
