import { defaultRuleSet } from '../core'
import type { Store } from './store'
import { SYSTEM } from './store/tokens'
import { sha256 } from './lib/hash'

/**
 * First start: the bundled rule set becomes version 1, and an admin token exists. With
 * `adminToken` that token is the admin token; otherwise a new one is made once and returned
 * so the caller can print it (it is never shown again).
 */
export async function bootstrap(store: Store, o: { adminToken?: string } = {}): Promise<{ newAdminToken: string | null; seeded: boolean }> {
  const seeded = await store.rulesets.seed(defaultRuleSet())
  await store.telemetry.ensureRollups()
  if (o.adminToken) {
    if (o.adminToken.length < 16) throw new Error('BANWEN_ADMIN_TOKEN 至少需要 16 个字符')
    if (!(await store.tokens.byHash(sha256(o.adminToken))))
      await store.tokens.create({ role: 'admin', name: '管理员（环境变量）', plain: o.adminToken }, SYSTEM).catch((e) => {
        // Another instance starting at the same time stored it first.
        if ((e as { code?: string }).code !== '23505') throw e
      })
    return { newAdminToken: null, seeded }
  }
  if ((await store.tokens.countAdmins()) > 0) return { newAdminToken: null, seeded }
  const { token } = await store.tokens.create({ role: 'admin', name: '初始管理员' }, SYSTEM)
  return { newAdminToken: token, seeded }
}
