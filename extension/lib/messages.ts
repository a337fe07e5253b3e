/**
 * The message contract between the content script (one per frame) and the background service
 * worker. Content → background requests go through `send()`; the background answers them with
 * `handleMessages()`. Everything crossing the boundary is plain JSON (structured clone).
 *
 * Rules of the contract:
 * - Every request may go unanswered (no background yet, worker restarting, old build): `send()`
 *   resolves to `null` then, and the content script carries on with the bundled rule set.
 * - Document text never crosses this boundary except as sentences for `model:predict`, which
 *   stays inside the extension (offscreen document), and never reaches telemetry.
 */
import type { RuleSetInput, SentenceScores, SiteProfile, TelemetryEvent, Fingerprint } from '../../core'
import type { UndoTarget } from './background/undo-step'

/** What the content script needs to run; the background fills it from sync + options. */
export interface ConfigResponse {
  /** The rule set in force: synced from the service, cached, or the bundled default. */
  ruleSet: RuleSetInput
  /** Fingerprints of the superior documents loaded for copy detection (照抄照搬). */
  fingerprints: Fingerprint[]
  /** Unit and pseudonymous user from the options page; put on every telemetry event. */
  unit: string
  user: string
  /** The service's policy for this unit: may document text be sent. The content script never sends it today. */
  storeText: boolean
  /** Site profiles from the options page, tried before the rule set's own. */
  siteProfiles: SiteProfile[]
  /** A service URL is set; when false, telemetry stays local and quota:get answers null. */
  serverConfigured: boolean
  /** The sentence classifier the offscreen document runs, or null when none is loaded. */
  model: { id: string; thresholds: SentenceScores } | null
  /** manifest version, for telemetry's extensionVersion. */
  extensionVersion: string
}

/** The current tab's state, for the popup and the side panel. */
export interface TabStatus {
  score: number
  grade: string
  findings: number
  docType: string
  chars: number
  cap: number | null
}

/** The unit's yearly document quota (发文计划管理), when the service tracks it. */
export interface QuotaResponse {
  filed: number
  quota: number
  level: 'ok' | 'near' | 'over'
}

export type PredictResponse = { scores: SentenceScores[] } | { error: string }

/** Request payload and response of each message type. */
export interface MessageMap {
  'config:get': { req: Record<string, never>; res: ConfigResponse }
  'model:predict': { req: { sentences: string[] }; res: PredictResponse }
  'telemetry:push': { req: { events: TelemetryEvent[] }; res: { queued: number } }
  'tab:status': { req: TabStatus; res: { ok: true } }
  'quota:get': { req: Record<string, never>; res: QuotaResponse | null }
  /** 采纳: mark an undo step through the editor's own API in the page (TinyMCE, CKEditor 4, Quill). */
  'editor:undo-step': { req: { target: UndoTarget }; res: { marked: boolean } }
}
export type MessageType = keyof MessageMap
export type Message<K extends MessageType = MessageType> = K extends MessageType ? { type: K } & MessageMap[K]['req'] : never
export type Response<K extends MessageType> = MessageMap[K]['res']

/** Background → content scripts (chrome.tabs.sendMessage): the config changed, fetch it again. */
export interface ConfigChangedNotice {
  type: 'config:changed'
}

const MESSAGE_TYPES: readonly string[] = ['config:get', 'model:predict', 'telemetry:push', 'tab:status', 'quota:get', 'editor:undo-step']
export const isMessage = (x: unknown): x is Message =>
  typeof x === 'object' && x !== null && MESSAGE_TYPES.includes((x as { type?: unknown }).type as string)

/** The minimal runtime surface used here, so tests and the page bench can stub it. */
interface Runtime {
  id?: string
  sendMessage(message: unknown): Promise<unknown>
  lastError?: unknown
}
const runtime = (): Runtime | null => {
  const c = (globalThis as { chrome?: { runtime?: Runtime } }).chrome
  return c?.runtime?.id ? c.runtime : null
}

/**
 * Sends a request to the background. Resolves to null when nobody answers within `timeoutMs`
 * or the extension context is gone (after an update); never rejects.
 */
export async function send<K extends MessageType>(
  type: K,
  req: MessageMap[K]['req'],
  timeoutMs = 3000,
): Promise<Response<K> | null> {
  const rt = runtime()
  if (!rt) return null
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
  const call = rt
    .sendMessage({ ...req, type })
    .then((res) => (res === undefined ? null : (res as Response<K>)))
    .catch(() => null)
  return Promise.race([call, timeout])
}

export type Handlers = {
  [K in MessageType]?: (req: Message<K>, sender: { tab?: { id?: number; url?: string }; frameId?: number; url?: string }) => Promise<Response<K>> | Response<K>
}

/**
 * Wires handlers into chrome.runtime.onMessage. Unknown messages are left for other listeners;
 * a throwing handler answers undefined, which `send()` reads as "no answer".
 */
export function handleMessages(
  onMessage: { addListener(cb: (msg: unknown, sender: never, sendResponse: (r: unknown) => void) => boolean | undefined): void },
  handlers: Handlers,
): void {
  onMessage.addListener((msg, sender, sendResponse) => {
    if (!isMessage(msg)) return undefined
    const h = handlers[msg.type] as ((m: Message, s: unknown) => unknown) | undefined
    if (!h) return undefined
    Promise.resolve()
      .then(() => h(msg, sender))
      .then(sendResponse, (e) => {
        console.warn('[办文] 后台处理消息失败', msg.type, e)
        sendResponse(undefined)
      })
    return true
  })
}
