/**
 * The unit's policy from the service: may document text be stored. Cached; unknown means no.
 * The product sends no document text today whatever this says; the flag is passed on only.
 */
import { z } from 'zod'
import type { KV } from './kv'
import type { ServiceClient } from './service'

export const POLICY_KEY = 'policy'

const PolicySchema = z.object({ unit: z.string(), storeText: z.boolean() })
export type Policy = z.infer<typeof PolicySchema>

/** 'updated' when the flag changed, so tabs can be told; failures keep the last known policy. */
export async function syncPolicy(kv: KV, client: ServiceClient, unit: string): Promise<'updated' | 'unchanged' | 'failed'> {
  if (!unit) return 'unchanged'
  try {
    const parsed = PolicySchema.safeParse(await client.policy(unit))
    if (!parsed.success) return 'failed'
    const before = await kv.get<Policy>(POLICY_KEY)
    if (before?.unit === parsed.data.unit && before.storeText === parsed.data.storeText) return 'unchanged'
    await kv.set(POLICY_KEY, parsed.data)
    return 'updated'
  } catch {
    return 'failed'
  }
}

export async function storeTextAllowed(kv: KV, unit: string): Promise<boolean> {
  const p = await kv.get<Policy>(POLICY_KEY)
  return p?.unit === unit && p.storeText === true
}
