/** The active tab's latest status, as the background stored it from tab:status. */
import { useEffect, useState } from 'react'
import { browser } from 'wxt/browser'
import { tabKey, type StoredTabStatus } from '../../lib/background/tab-status'

export function useTabStatus(): { loaded: boolean; status: StoredTabStatus | null } {
  const [state, setState] = useState<{ loaded: boolean; status: StoredTabStatus | null }>({ loaded: false, status: null })
  useEffect(() => {
    let key: string | null = null
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key && key in changes) setState({ loaded: true, status: (changes[key]!.newValue as StoredTabStatus) ?? null })
    }
    void (async () => {
      // ?tab=<id> lets the popup be opened as a page (tests, or a pinned window).
      const fromQuery = Number(new URLSearchParams(location.search).get('tab'))
      const tabId = fromQuery || (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id
      if (tabId === undefined) return setState({ loaded: true, status: null })
      key = tabKey(tabId)
      const stored = (await browser.storage.session.get(key))[key] as StoredTabStatus | undefined
      setState({ loaded: true, status: stored ?? null })
    })()
    browser.storage.onChanged.addListener(listener)
    return () => browser.storage.onChanged.removeListener(listener)
  }, [])
  return state
}
