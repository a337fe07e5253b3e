/** The options page reads and writes chrome.storage.local directly; the background reacts to changes. */
import { useEffect, useState } from 'react'
import { browser } from 'wxt/browser'
import { storageKV } from '../../lib/background/kv'
import { OVERVIEW_KEYS, readOverview, type Overview } from '../../lib/background/overview'
import { MANAGED_KEY, storedPolicy } from '../../lib/background/managed'
import { loadLocalSettings, loadSettings, SETTINGS_KEY, SettingsSchema, type Settings } from '../../lib/background/settings'
import type { AsideRequest, AsideResponse, SyncNowResponse } from '../../lib/background/ui-protocol'

export const kv = storageKV(browser.storage.local)

/** Re-reads `read` whenever one of `keys` changes in storage.local. */
function useStored<T>(keys: string[], read: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null)
  useEffect(() => {
    let alive = true
    const refresh = () => void read().then((v) => alive && setValue(v))
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && keys.some((k) => k in changes)) refresh()
    }
    refresh()
    browser.storage.onChanged.addListener(listener)
    return () => {
      alive = false
      browser.storage.onChanged.removeListener(listener)
    }
  }, [])
  return value
}

export const useOverview = () => useStored(OVERVIEW_KEYS, () => readOverview(kv))
/** The settings in force (browser policy over the drafter's own). */
export const useSettings = () => useStored([SETTINGS_KEY, MANAGED_KEY], () => loadSettings(kv))
/** What the unit's browser policy sets: shown locked. */
export const useManaged = () => useStored([MANAGED_KEY], () => storedPolicy(kv))

/** Merges a change into the drafter's own stored settings (never the policy's values); returns Chinese errors, or [] when saved. */
export async function saveSettings(patch: Partial<Settings>): Promise<string[]> {
  const parsed = SettingsSchema.safeParse({ ...(await loadLocalSettings(kv)), ...patch })
  if (!parsed.success) return parsed.error.issues.map((i) => `${LABELS[String(i.path[0])] ?? i.path.join('.')}：${i.message}`)
  await kv.set(SETTINGS_KEY, parsed.data)
  return []
}

const LABELS: Record<string, string> = { serverUrl: '服务地址', token: '访问令牌', unit: '单位', user: '用户代号', siteProfiles: '站点配置', strict: '严格模式' }

export const syncNow = () => browser.runtime.sendMessage({ type: 'bg:sync-now' }) as Promise<SyncNowResponse | undefined>
export const asideAction = (action: AsideRequest['action']) => browser.runtime.sendMessage({ type: 'bg:telemetry-aside', action } satisfies AsideRequest) as Promise<AsideResponse | undefined>
