/** The rule set in force: the service's (synced with ETag, validated) or the bundled default. */
import { defaultRuleSetVersion, formatZodError, RuleSetSchema, type RuleSetInput } from '../../../core'
import type { Cached, ConditionalResource } from './conditional-sync'
import type { KV } from './kv'
import type { ServiceClient } from './service'

export const RULES_KEY = 'rules'

export function rulesResource(client: ServiceClient, unit: string): ConditionalResource<RuleSetInput> {
  return {
    key: RULES_KEY,
    label: '规则集',
    fetch: (etag) => client.rules(unit, etag),
    validate(body) {
      const parsed = RuleSetSchema.safeParse(body)
      // Keep what the service sent (the engine applies defaults itself on parse).
      return parsed.success ? { ok: true, value: body as RuleSetInput } : { ok: false, errors: formatZodError(parsed.error) }
    },
  }
}

export interface ActiveRules {
  /** null: the bundled default, which every content script carries itself (the worker does not). */
  ruleSet: RuleSetInput | null
  version: string
  source: 'service' | 'bundled'
  syncedAt: string | null
}

const bundled = (): ActiveRules => ({ ruleSet: null, version: defaultRuleSetVersion, source: 'bundled', syncedAt: null })

// Re-checked once per stored copy: a newer extension may read an older cache more strictly.
let checked: { stamp: string; ok: boolean } | null = null

export async function activeRules(kv: KV, serviceConfigured: boolean): Promise<ActiveRules> {
  if (!serviceConfigured) return bundled()
  const cached = await kv.get<Cached<RuleSetInput>>(RULES_KEY)
  if (!cached) return bundled()
  const stamp = `${cached.syncedAt}|${cached.etag}`
  if (checked?.stamp !== stamp) checked = { stamp, ok: RuleSetSchema.safeParse(cached.value).success }
  if (!checked.ok) return bundled()
  return { ruleSet: cached.value, version: String(cached.value.version), source: 'service', syncedAt: cached.syncedAt }
}
