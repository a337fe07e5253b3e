/** The unit's yearly document quota (发文计划), for the filing check. Cached briefly in memory. */
import { z } from 'zod'
import type { QuotaResponse } from '../messages'
import type { ServiceClient } from './service'

const QuotaSchema = z.object({ filed: z.number(), quota: z.number(), level: z.enum(['ok', 'warn', 'over']) })
const TTL_MS = 60_000

let cache: { key: string; at: number; value: QuotaResponse } | null = null

export async function fetchQuota(client: ServiceClient, unit: string, now = new Date()): Promise<QuotaResponse | null> {
  if (!unit) return null
  const year = now.getFullYear()
  const key = `${unit}|${year}`
  if (cache?.key === key && now.getTime() - cache.at < TTL_MS) return cache.value
  try {
    const parsed = QuotaSchema.safeParse(await client.quota(unit, year))
    if (!parsed.success) return null
    const { filed, quota, level } = parsed.data
    const value: QuotaResponse = { filed, quota, level: level === 'warn' ? 'near' : level }
    cache = { key, at: now.getTime(), value }
    return value
  } catch {
    // No quota tracked (404) or service down: the filing check goes on without it.
    return cache?.key === key ? cache.value : null
  }
}
