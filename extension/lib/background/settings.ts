/** What the options page sets: where the service is, who we are, and local site profiles. */
import { z } from 'zod'
import { SiteProfileSchema, TelemetryUserSchema } from '../../../core'
import type { KV } from './kv'
import { applyManaged, storedPolicy } from './managed'

export const SETTINGS_KEY = 'settings'

export const SettingsSchema = z
  .object({
    /** Empty: no service; the extension runs on the bundled rule set and keeps telemetry local. */
    serverUrl: z.union([z.literal(''), z.string().url('服务地址应为完整网址，如 https://banwen.example.gov.cn').regex(/^https?:\/\//i, '服务地址须以 http:// 或 https:// 开头')]),
    token: z.string().max(500),
    unit: z.string().max(100),
    /** Pseudonymous: a code, never a name; the service takes the same shape (TelemetryUserSchema). */
    user: TelemetryUserSchema,
    siteProfiles: z.array(SiteProfileSchema),
    /** 严格模式: also show the picky tier (marks not yet proven on real documents), never scored. */
    strict: z.boolean(),
  })
  .strict()
export type Settings = z.infer<typeof SettingsSchema>

export const randomUser = () => `u-${crypto.randomUUID().slice(0, 8)}`

export const defaultSettings = (): Settings => ({ serverUrl: '', token: '', unit: '', user: randomUser(), siteProfiles: [], strict: false })

/** The settings in force: the drafter's own, with what the browser policy sets laid over them (managed.ts). */
export async function loadSettings(kv: KV): Promise<Settings> {
  return applyManaged(await loadLocalSettings(kv), await storedPolicy(kv))
}

/** The drafter's own stored settings, or defaults; a pseudonym is made once and kept. */
export async function loadLocalSettings(kv: KV): Promise<Settings> {
  const stored = await kv.get<unknown>(SETTINGS_KEY)
  const parsed = SettingsSchema.safeParse({ ...defaultSettings(), ...(typeof stored === 'object' && stored ? stored : {}) })
  if (parsed.success) {
    if (!(stored as Partial<Settings> | undefined)?.user) await kv.set(SETTINGS_KEY, parsed.data)
    return parsed.data
  }
  console.warn('[办文] 已存设置无效，改用默认设置', parsed.error.issues)
  return defaultSettings()
}

export const serviceBase = (s: Settings): string | null => (s.serverUrl ? s.serverUrl.replace(/\/+$/, '') : null)
