import { Hono } from 'hono'
import { z } from 'zod'
import { FiledBurdenSchema, OrgUnitSchema, RecipientAliasSchema, resolveRecipients } from '../../core'
import type { AppEnv } from '../lib/auth'
import { requireAllUnits, type Deps } from '../lib/deps'
import { jsonBody } from '../lib/validate'

const UnitsBody = z.object({ units: z.array(OrgUnitSchema).max(5000) }).strict()
const AliasesBody = z.object({ aliases: z.array(RecipientAliasSchema).max(2000) }).strict()
const ResolveBody = z.object({ recipients: FiledBurdenSchema.shape.recipients }).strict()

/** The unit registry and the 主送 aliases: read by all, changed by unbound admins. */
export function orgRoutes({ auth, store }: Deps) {
  return new Hono<AppEnv>()
    .get('/org/units', auth.role('drafter'), async (c) => c.json({ units: await store.org.units() }))
    .put('/org/units', auth.role('admin'), async (c) => {
      requireAllUnits(c.get('principal'))
      const { units } = await jsonBody(c, UnitsBody)
      await store.org.replaceUnits(units, c.get('principal'))
      return c.json({ units: await store.org.units() })
    })
    .get('/org/aliases', auth.role('drafter'), async (c) => c.json({ aliases: await store.org.aliases() }))
    .put('/org/aliases', auth.role('admin'), async (c) => {
      requireAllUnits(c.get('principal'))
      const { aliases } = await jsonBody(c, AliasesBody)
      await store.org.replaceAliases(aliases, c.get('principal'))
      return c.json({ aliases: await store.org.aliases() })
    })
    .post('/org/resolve', auth.role('drafter'), async (c) => {
      const { recipients } = await jsonBody(c, ResolveBody)
      const [units, aliases] = await Promise.all([store.org.units(), store.org.aliases()])
      return c.json(resolveRecipients(recipients, units, aliases, c.get('principal').unit ?? undefined))
    })
}
