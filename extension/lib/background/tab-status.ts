/**
 * Each tab's latest 办文指数, for the popup. In storage.session: it outlives a worker restart
 * but not the browser, like the tabs it describes.
 */
import type { TabStatus } from '../messages'

export const tabKey = (tabId: number) => `tab:${tabId}`

export interface StoredTabStatus extends TabStatus {
  at: string
}

const GRADE_COLOR: Record<string, string> = { 优: '#2e7d32', 良: '#558b2f', 中: '#ef6c00', 差: '#c62828' }

interface Session {
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string): Promise<void>
}
interface Action {
  setBadgeText(d: { tabId: number; text: string }): Promise<void>
  setBadgeBackgroundColor(d: { tabId: number; color: string }): Promise<void>
}

export async function recordTabStatus(session: Session, action: Action | undefined, tabId: number, status: TabStatus): Promise<void> {
  const s: StoredTabStatus = { score: status.score, grade: status.grade, findings: status.findings, docType: status.docType, chars: status.chars, cap: status.cap, at: new Date().toISOString() }
  await session.set({ [tabKey(tabId)]: s })
  // The badge is a convenience; a closed tab makes these throw.
  await action?.setBadgeText({ tabId, text: String(Math.round(status.score)) }).catch(() => {})
  await action?.setBadgeBackgroundColor({ tabId, color: GRADE_COLOR[status.grade] ?? '#546e7a' }).catch(() => {})
}

export async function forgetTab(session: Session, tabId: number, action?: Action): Promise<void> {
  await session.remove(tabKey(tabId))
  await action?.setBadgeText({ tabId, text: '' }).catch(() => {})
}
