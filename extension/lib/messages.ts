/**
 * The message contract between the content script (one per frame) and the background service
 * worker. Content → background requests go through `send()`; the background answers them with
 * `handleMessages()`. Everything crossing the boundary is plain JSON (structured clone).
 *
 * Rules of the contract:
 * - Every request may go unanswered (no background yet, worker restarting, old build): `send()`
 *   resolves to `null` then, and the content script carries on with the bundled rule set.
 * - Document text never crosses this boundary except as sentences for `model:predict`, which
 *   stays inside the extension (offscreen document), and as the short snippets of an
 *   EditorSnapshot (in memory only, for the side panel and the top frame's panel); neither
 *   ever reaches telemetry.
 */
import type { DirectReportInput, FiledBurden, FilingDecision, FilingPolicy, Fingerprint, Impact, RatingInput, Report, RuleSetInput, SentenceScores, SiteProfile, TelemetryEvent } from '../../core'
import type { UndoTarget } from './background/undo-step'

/** What the content script needs to run; the background fills it from sync + options. */
export interface ConfigResponse {
  /** The rule set in force, synced from the service and cached; null for the bundled default. */
  ruleSet: RuleSetInput | null
  /** Fingerprints of the superior documents loaded for copy detection (照抄照搬). */
  fingerprints: Fingerprint[]
  /** Unit and pseudonymous user from the options page; put on every telemetry event. */
  unit: string
  user: string
  /** The service's policy for this unit: may document text be sent. The content script never sends it today. */
  storeText: boolean
  /** Site profiles from the options page, tried before the rule set's own. */
  siteProfiles: SiteProfile[]
  /** 严格模式 from the options page: the picky tier is shown too (never scored). */
  strict: boolean
  /** Parts of the filing policy set by browser policy (IT), laid over the rule set's; null when none. */
  filing: Partial<FilingPolicy> | null
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

/** One editor's report as the side panel and the top frame's panel show it. */
export interface EditorSnapshot {
  /** The session's id, unique within its frame. */
  id: string
  /** What the page calls the field (正文, 拟办意见 …). */
  label: string
  report: Report
  /** The findings not dismissed with 忽略, with their rule title and a short snippet of the span. */
  findings: Array<{ id: string; title: string; snippet: string }>
  /** The frame shows its own panel; false when it is too narrow and leaves that to the top frame. */
  panelInFrame: boolean
}

/** An editor of another frame of the tab, as the top frame knows it. */
export interface RemoteEditor {
  frameId: number
  snap: EditorSnapshot
}

/** One editor's part in a filing check: its report, the policy's decision, the hash for telemetry. */
export interface FilingEntry {
  label: string
  report: Report
  decision: FilingDecision
  docHash: string
}

/** The unit's yearly document quota (发文计划管理), when the service tracks it. */
export interface QuotaResponse {
  filed: number
  quota: number
  level: 'ok' | 'near' | 'over'
}

/** A service call that did not go through: the service's own (Chinese) message, or ours; status 0 when unreachable. */
export interface ServiceFailure {
  error: string
  status: number
}

/** What the service knows of a received document (GET /api/received/:docHash). */
export interface ReceivedInfo {
  known: boolean
  issuer: string | null
  docType: string | null
  filedAt: string | null
  /** How many units it reached. */
  recipients: number | null
  /** This token's unit is among the document's recipients (null when the document is unknown). */
  isRecipient: boolean | null
  /** The unit's own 逆向评估 of it, when it has rated it. */
  mine: Partial<Pick<RatingInput, 'effect' | 'burden' | 'mergeable' | 'unnecessary'> & { heaviest: unknown; at: string }> | null
}

/** modelLoadMs: how long the model took to become ready where it runs (for the benchmark). */
export type PredictResponse = { scores: SentenceScores[]; modelLoadMs?: number } | { error: string }

/** Request payload and response of each message type. */
export interface MessageMap {
  'config:get': { req: Record<string, never>; res: ConfigResponse }
  'model:predict': { req: { sentences: string[] }; res: PredictResponse }
  'telemetry:push': { req: { events: TelemetryEvent[] }; res: { queued: number } }
  'tab:status': { req: TabStatus; res: { ok: true } }
  'quota:get': { req: Record<string, never>; res: QuotaResponse | null }
  /** This frame's editors now (an empty list when it has none left); kept per tab and frame. The top frame gets the others' back. */
  'frame:snapshots': { req: { snapshots: EditorSnapshot[] }; res: { ok: true; frames?: Record<string, EditorSnapshot[]> } }
  /** The filing check of every other frame of the tab, for the frame whose form is being submitted. */
  'filing:collect': { req: { frames?: number[] }; res: { entries: FilingEntry[] } }
  /** A finding clicked in the top frame's panel for another frame's editor: select it there. */
  'frame:select': { req: { frameId: number; session: string; finding: string }; res: { ok: boolean } }
  /** 采纳: mark an undo step through the editor's own API in the page (TinyMCE, CKEditor 4, Quill). */
  'editor:undo-step': { req: { target: UndoTarget }; res: { marked: boolean } }
  /** The pre-filing impact of a draft on its recipients' 负担监测 codes: the burden profile only, no text. */
  'monitor:impact': { req: { burden: FiledBurden }; res: { impact: Impact } | ServiceFailure }
  /** A 收文 page: what the service knows of the document, by its fingerprint. */
  'received:get': { req: { docHash: string }; res: { received: ReceivedInfo } | ServiceFailure }
  /** 逆向评估: the unit's rating of a received document (module and kind of its heaviest demand, no words). */
  'rating:send': { req: { rating: RatingInput }; res: { ok: true } | ServiceFailure }
  /** 直报: the user's own words about a burden, ≤ 300 字. */
  'direct-report:send': { req: { report: DirectReportInput }; res: { id: string } | ServiceFailure }
}
export type MessageType = keyof MessageMap
export type Message<K extends MessageType = MessageType> = K extends MessageType ? { type: K } & MessageMap[K]['req'] : never
export type Response<K extends MessageType> = MessageMap[K]['res']

/** Background → content scripts (chrome.tabs.sendMessage): the config changed, fetch it again. */
export interface ConfigChangedNotice {
  type: 'config:changed'
}

/** Background → one frame (chrome.tabs.sendMessage with frameId): run the filing check of your editors. */
export interface FrameCheckRequest {
  type: 'frame:check'
}
/** Background → the top frame: the editors of the tab's other frames, by frame id. */
export interface FramesUpdate {
  type: 'frames:update'
  frames: Record<string, EditorSnapshot[]>
}

const MESSAGE_TYPES: readonly string[] = [
  'config:get', 'model:predict', 'telemetry:push', 'tab:status', 'quota:get', 'frame:snapshots', 'filing:collect', 'frame:select', 'editor:undo-step',
  'monitor:impact', 'received:get', 'rating:send', 'direct-report:send',
]
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
