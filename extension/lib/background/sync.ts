/** One sync round with the service: rule set, superior fingerprints, the unit's policy. */
import { fingerprintsResource } from './fingerprints'
import { syncConditional, type Outcome } from './conditional-sync'
import type { KV } from './kv'
import { syncPolicy } from './policy'
import { rulesResource } from './rules'
import { serviceClient, type Fetch } from './service'
import { serviceBase, type Settings } from './settings'

export interface SyncReport {
  configured: boolean
  rules?: Outcome
  fingerprints?: Outcome
  policy?: 'updated' | 'unchanged' | 'failed'
}

export const changedAnything = (r: SyncReport) => r.rules === 'updated' || r.fingerprints === 'updated' || r.policy === 'updated'

export async function syncAll(kv: KV, settings: Settings, fetchImpl?: Fetch): Promise<SyncReport> {
  const base = serviceBase(settings)
  if (!base) return { configured: false }
  const client = serviceClient(base, settings.token, fetchImpl)
  const [rules, fingerprints, policy] = await Promise.all([
    syncConditional(kv, rulesResource(client, settings.unit), settings.unit),
    syncConditional(kv, fingerprintsResource(client), ''),
    syncPolicy(kv, client, settings.unit),
  ])
  return { configured: true, rules, fingerprints, policy }
}
