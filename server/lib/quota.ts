export type QuotaLevel = 'ok' | 'warn' | 'over'

/** 发文总量预警: warn from 80% of the quota, over from 100%. No quota, no warning. */
export function quotaLevel(filed: number, quota: number | null): QuotaLevel {
  if (quota === null) return 'ok'
  if (filed >= quota) return 'over'
  return filed >= quota * 0.8 ? 'warn' : 'ok'
}

export interface QuotaStatus {
  unit: string
  year: number
  filed: number
  quota: number | null
  /** set: an admin's figure; last-year: last year's filed count (只减不增); none: nothing to go by. */
  quotaSource: 'set' | 'last-year' | 'none'
  lastYear: number
  byDocType: Record<string, { filed: number; quota: number | null; level: QuotaLevel }>
  level: QuotaLevel
}

export interface QuotaSetting {
  total: number | null
  byDocType: Record<string, number>
}

/** A unit's year from its counts and its setting. */
export function quotaStatus(
  unit: string,
  year: number,
  counts: { total: number; lastYear: number; byDocType: Record<string, number> },
  setting: QuotaSetting | null,
): QuotaStatus {
  const quota = setting?.total ?? (counts.lastYear > 0 ? counts.lastYear : null)
  const quotaSource = setting?.total != null ? 'set' : quota !== null ? 'last-year' : 'none'
  const byDocType: QuotaStatus['byDocType'] = {}
  for (const t of new Set([...Object.keys(counts.byDocType), ...Object.keys(setting?.byDocType ?? {})])) {
    const filed = counts.byDocType[t] ?? 0
    const q = setting?.byDocType[t] ?? null
    byDocType[t] = { filed, quota: q, level: quotaLevel(filed, q) }
  }
  return { unit, year, filed: counts.total, quota, quotaSource, lastYear: counts.lastYear, byDocType, level: quotaLevel(counts.total, quota) }
}
