import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../lib/auth'
import { scopeUnit, type Deps } from '../lib/deps'
import { ApiError } from '../lib/errors'
import { applyOverrides, UnitOverridesSchema } from '../lib/overrides'
import { jsonBody, param, query } from '../lib/validate'

const UnitParam = z.object({ unit: z.string().min(1).max(100) })
import { yearIn } from '../lib/time'
/** Documents a unit may file in a year: far above any real quota, inside PostgreSQL's integer. */
const MAX_QUOTA = 1_000_000
const PolicyBody = z.object({ storeText: z.boolean() }).strict()
const QuotaBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** null: fall back to last year's count. */
    total: z.number().int().min(0).max(MAX_QUOTA).nullable(),
    byDocType: z.record(z.string().min(1).max(20), z.number().int().min(0).max(MAX_QUOTA)).default({}),
  })
  .strict()
const OverridesBody = z.object({ overrides: UnitOverridesSchema }).strict()

export function unitRoutes({ auth, store, published, config }: Deps) {
  const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).default(() => yearIn(config.timeZone)) })
  return (
    new Hono<AppEnv>()
      .get('/units', auth.role('reviewer'), async (c) => c.json({ units: await store.units.list(c.get('principal').unit ?? undefined) }))
      .get('/units/:unit/policy', auth.role('drafter'), async (c) => {
        const unit = scopeUnit(c.get('principal'), param(c, UnitParam).unit)!
        const u = await store.units.get(unit)
        return c.json({ unit, storeText: u.storeText })
      })
      .put('/units/:unit/policy', auth.role('admin'), async (c) => {
        const unit = scopeUnit(c.get('principal'), param(c, UnitParam).unit)!
        const { storeText } = await jsonBody(c, PolicyBody)
        const u = await store.units.setStoreText(unit, storeText, c.get('principal'))
        return c.json({ unit, storeText: u.storeText })
      })
      .get('/units/:unit/quota', auth.role('drafter'), async (c) => {
        const unit = scopeUnit(c.get('principal'), param(c, UnitParam).unit)!
        return c.json(await store.quotas.status(unit, query(c, YearQuery).year))
      })
      .put('/units/:unit/quota', auth.role('admin'), async (c) => {
        const unit = scopeUnit(c.get('principal'), param(c, UnitParam).unit)!
        const body = await jsonBody(c, QuotaBody)
        await store.quotas.set(unit, body.year, { total: body.total, byDocType: body.byDocType }, c.get('principal'))
        return c.json(await store.quotas.status(unit, body.year))
      })
      .get('/quotas', auth.role('reviewer'), async (c) => {
        const { year } = query(c, YearQuery)
        const unit = c.get('principal').unit
        return c.json({ year, units: unit ? [await store.quotas.status(unit, year)] : await store.quotas.statusAll(year) })
      })
      .get('/units/:unit/overrides', auth.role('drafter'), async (c) => {
        const unit = scopeUnit(c.get('principal'), param(c, UnitParam).unit)!
        const [u, served] = await Promise.all([store.units.get(unit), published.rules(unit)])
        return c.json({ unit, overrides: u.overrides, skipped: served.skipped })
      })
      .put('/units/:unit/overrides', auth.role('admin'), async (c) => {
        const unit = scopeUnit(c.get('principal'), param(c, UnitParam).unit)!
        const { overrides } = await jsonBody(c, OverridesBody)
        const { skipped } = applyOverrides((await published.rules()).ruleSet, overrides)
        if (skipped.length) throw new ApiError(400, 'invalid_overrides', '本单位设置与当前规则集不符', skipped)
        const u = await store.units.setOverrides(unit, overrides, c.get('principal'))
        await published.invalidate()
        return c.json({ unit, overrides: u.overrides, skipped: [] })
      })
  )
}
