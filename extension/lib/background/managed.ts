/**
 * Settings an IT department pushes by browser policy (chrome.storage.managed, described by
 * public/managed_schema.json): service URL, token, unit and the filing policy. They win over
 * what the drafter set on the options page, which shows them locked. The background mirrors the
 * managed area into storage.local (MANAGED_KEY), so every reader of settings sees one value.
 */
import { z } from 'zod'
import { FilingPolicySchema, type FilingPolicy } from '../../../core'
import type { KV } from './kv'
import type { Settings } from './settings'

export const MANAGED_KEY = 'managed'

/** The connection fields a policy may set (the pseudonymous user code stays the drafter's). */
export const MANAGEABLE = ['serverUrl', 'token', 'unit'] as const
export type ManagedField = (typeof MANAGEABLE)[number]

const score = z.number().min(0).max(100)
const flags = FilingPolicySchema.shape.blockOn.unwrap()
const FIELD_SCHEMAS = {
  serverUrl: z.union([z.literal(''), z.string().url().regex(/^https?:\/\//i)]),
  token: z.string().max(500),
  unit: z.string().max(100),
  filing: z.object({ warnBelow: score, justifyBelow: score, blockBelow: score, justifyOn: flags, blockOn: flags }).partial().strict(),
}
const LABELS: Record<keyof typeof FIELD_SCHEMAS, string> = { serverUrl: '服务地址', token: '访问令牌', unit: '单位', filing: '提交检查策略' }

export interface ManagedPolicy {
  serverUrl?: string
  token?: string
  unit?: string
  /** Overrides parts of the rule set's filing policy (warnBelow, blockOn …). */
  filing?: Partial<FilingPolicy>
}

/**
 * Reads what the browser policy holds, field by field: a bad field is left out with a Chinese
 * note and the others still apply. Strings are trimmed; unknown keys are reported.
 */
export function readManagedPolicy(raw: unknown): { policy: ManagedPolicy; problems: string[] } {
  const policy: Record<string, unknown> = {}
  const problems: string[] = []
  if (typeof raw !== 'object' || raw === null) return { policy, problems }
  for (const [key, value] of Object.entries(raw)) {
    const schema = FIELD_SCHEMAS[key as keyof typeof FIELD_SCHEMAS]
    if (!schema) {
      problems.push(`策略中有未知项“${key}”，已忽略`)
      continue
    }
    const parsed = schema.safeParse(typeof value === 'string' ? value.trim() : value)
    if (parsed.success) policy[key] = parsed.data
    else problems.push(`策略项“${LABELS[key as keyof typeof FIELD_SCHEMAS]}”无效，已忽略：${parsed.error.issues.map((i) => i.message).join('；')}`)
  }
  return { policy: policy as ManagedPolicy, problems }
}

export const lockedFields = (policy: ManagedPolicy): ManagedField[] => MANAGEABLE.filter((k) => policy[k] !== undefined)

/** The settings in force: the policy's fields over the drafter's own. */
export function applyManaged(local: Settings, policy: ManagedPolicy): Settings {
  const out = { ...local }
  for (const k of lockedFields(policy)) out[k] = policy[k]!
  return out
}

/** The rule set's filing policy with the managed parts laid over it. */
export const managedFiling = (base: FilingPolicy, policy: ManagedPolicy): FilingPolicy => ({ ...base, ...policy.filing })

export async function storedPolicy(kv: KV): Promise<ManagedPolicy> {
  return readManagedPolicy(await kv.get(MANAGED_KEY)).policy
}

interface ManagedArea {
  get(keys?: null): Promise<Record<string, unknown>>
}

/**
 * Copies the managed area into storage.local (or removes the copy when the policy is gone).
 * 'changed' when the copy differs, so tabs can be told. Browsers without a managed area, or
 * without a schema, answer nothing: then no policy applies.
 */
export async function mirrorManaged(kv: KV, area: ManagedArea | undefined): Promise<{ changed: boolean; problems: string[] }> {
  let raw: Record<string, unknown> = {}
  try {
    raw = (await area?.get(null)) ?? {}
  } catch {
    raw = {}
  }
  const { policy, problems } = readManagedPolicy(raw)
  for (const p of problems) console.warn('[办文] 管理策略', p)
  const before = await kv.get<unknown>(MANAGED_KEY)
  const empty = Object.keys(policy).length === 0
  if (JSON.stringify(before ?? null) === JSON.stringify(empty ? null : policy)) return { changed: false, problems }
  if (empty) await kv.remove(MANAGED_KEY)
  else await kv.set(MANAGED_KEY, policy)
  return { changed: true, problems }
}
