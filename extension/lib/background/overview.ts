/** What the options page shows about sync and telemetry, read straight from storage. */
import type { Fingerprint } from '../../../core'
import { stateKey, type Cached, type SyncState } from './conditional-sync'
import { FINGERPRINTS_KEY } from './fingerprints'
import type { KV } from './kv'
import { activeRules, RULES_KEY } from './rules'
import { loadSettings, serviceBase, SETTINGS_KEY } from './settings'
import { ASIDE_KEY, QUEUE_STATE_KEY, TelemetryQueue, type QueueState } from './telemetry-queue'

export interface Overview {
  serviceConfigured: boolean
  rules: { version: string; source: 'service' | 'bundled'; syncedAt: string | null; state: SyncState | null }
  fingerprints: { count: number; syncedAt: string | null; state: SyncState | null }
  telemetry: QueueState
  /** Events the service refused, grouped by its reason. */
  aside: Array<{ reason: string; count: number }>
}

/** Storage keys whose change should refresh the overview. */
export const OVERVIEW_KEYS = [SETTINGS_KEY, RULES_KEY, stateKey(RULES_KEY), FINGERPRINTS_KEY, stateKey(FINGERPRINTS_KEY), QUEUE_STATE_KEY, ASIDE_KEY]

export async function readOverview(kv: KV): Promise<Overview> {
  const settings = await loadSettings(kv)
  const configured = serviceBase(settings) !== null
  const rules = await activeRules(kv, configured)
  const fps = await kv.get<Cached<Fingerprint[]>>(FINGERPRINTS_KEY)
  const queue = new TelemetryQueue(kv)
  return {
    serviceConfigured: configured,
    rules: { version: rules.version, source: rules.source, syncedAt: rules.syncedAt, state: (await kv.get<SyncState>(stateKey(RULES_KEY))) ?? null },
    fingerprints: { count: configured ? (fps?.value.length ?? 0) : 0, syncedAt: fps?.syncedAt ?? null, state: (await kv.get<SyncState>(stateKey(FINGERPRINTS_KEY))) ?? null },
    telemetry: await queue.state(),
    aside: await queue.asideGroups(),
  }
}
