import { proposeDemotion } from '../../core'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../lib/auth'
import { scopeUnit, type Deps } from '../lib/deps'
import { EventFilterSchema } from '../lib/filter'
import { query } from '../lib/validate'

const basis = z.enum(['filed', 'analyzed', 'all'])

export function statsRoutes({ auth, store, published }: Deps) {
  return (
    new Hono<AppEnv>()
      // Trends by unit, 文种 and week; score distribution; over-cap rate; disguised directives.
      .get('/stats/overview', auth.role('reviewer'), async (c) => {
        const q = query(c, EventFilterSchema.extend({ basis: basis.default('filed') }))
        const { basis: b, ...f } = q
        return c.json(await store.stats.overview({ ...f, unit: scopeUnit(c.get('principal'), f.unit) }, b))
      })
      // Which rules drafters dismiss or report as 误报: what admins should fix first.
      .get('/stats/rules', auth.role('reviewer'), async (c) => {
        const q = query(c, EventFilterSchema.extend({ basis: basis.default('analyzed') }))
        const { basis: b, ...f } = q
        const [rows, served] = await Promise.all([store.stats.rules({ ...f, unit: scopeUnit(c.get('principal'), f.unit) }, b), published.rules()])
        const policy = served.ruleSet.tiers
        const byId = new Map(served.ruleSet.rules.map((r) => [r.id, r]))
        return c.json({
          basis: b,
          policy,
          rules: rows.map((r) => {
            const rule = byId.get(r.ruleId)
            // Tier and judged precision come from the audit on real documents; the field's 误报
            // share can propose a demotion that the admin then makes in the rule set.
            const tier = rule?.tier ?? null
            return {
              ...r,
              title: rule?.title ?? null,
              category: rule?.category ?? null,
              tier,
              judged: rule?.judged ?? null,
              proposeDemotion: tier !== null && proposeDemotion({ tier, hits: r.hits, falsePositives: r.falsePositives }, policy),
            }
          }),
        })
      })
  )
}
