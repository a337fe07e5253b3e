/** The editors of the active tab (or ?tab=<id>), as the content scripts reported them to the background. */
import { useEffect, useState } from 'react'
import { browser } from 'wxt/browser'
import { editorsKey, type TabEditors } from '../../lib/background/tab-editors'

export function useTabEditors(): { tabId: number | null; frames: TabEditors | null } {
  const [state, setState] = useState<{ tabId: number | null; frames: TabEditors | null }>({ tabId: null, frames: null })
  useEffect(() => {
    let tabId: number | null = null
    const load = async (id: number | null) => {
      tabId = id
      const frames = id === null ? {} : (((await browser.storage.session.get(editorsKey(id)))[editorsKey(id)] as TabEditors | undefined) ?? {})
      if (tabId === id) setState({ tabId: id, frames })
    }
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && tabId !== null && editorsKey(tabId) in changes) setState({ tabId, frames: (changes[editorsKey(tabId)]!.newValue as TabEditors) ?? {} })
    }
    // ?tab=<id> pins a tab (tests, or the panel opened as a page); otherwise follow the active tab.
    const pinned = Number(new URLSearchParams(location.search).get('tab')) || null
    const onActivated = (info: { tabId: number }) => void load(info.tabId)
    if (pinned !== null) void load(pinned)
    else {
      void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => load(t?.id ?? null))
      browser.tabs.onActivated.addListener(onActivated)
    }
    browser.storage.onChanged.addListener(onChanged)
    return () => {
      browser.storage.onChanged.removeListener(onChanged)
      browser.tabs.onActivated.removeListener(onActivated)
    }
  }, [])
  return state
}
