/** UI state outside React, so the content script's controller can drive it directly. */
import type { FilingDecision, Impact } from '../../../core'
import type { FilingEntry, QuotaResponse, RemoteEditor } from '../messages'
import type { EditorSession } from '../session'

export interface CardState {
  session: EditorSession
  findingId: string
  /** Where the mark is, in the page viewport. */
  anchor: DOMRect
  /** Opened by a click or from the panel: stays until closed or the drafter types. */
  pinned: boolean
  showRule: boolean
}

/** The draft's effect on its recipients' 负担监测 codes, as the filing check shows it. */
export type ImpactView = { state: 'pending' } | { state: 'ready'; impact: Impact } | { state: 'down'; message: string }

export interface DialogState {
  id: number
  /** Every editor being filed (正文, 拟办意见, an editor in another frame). */
  entries: FilingEntry[]
  /** The strictest of their decisions. */
  decision: FilingDecision
  /** null: no service, or the draft names no recipients. */
  impact: ImpactView | null
  resolve(choice: { go: boolean; reason?: string }): void
}

export interface UiState {
  sessions: EditorSession[]
  active: EditorSession | null
  card: CardState | null
  dialog: DialogState | null
  collapsed: boolean
  dock: 'right' | 'left'
  quota: QuotaResponse | null
  /** A short notice in the panel (误报已提交 …). */
  notice: string | null
  /** A frame too narrow for the panel: the top frame shows it, this one only its marks and cards. */
  embedded: boolean
  /** Editors of the tab's other frames (top frame only); those without a panel of their own are shown here. */
  remote: RemoteEditor[]
}

export class UiStore {
  private state: UiState = { sessions: [], active: null, card: null, dialog: null, collapsed: false, dock: 'right', quota: null, notice: null, embedded: false, remote: [] }
  private version = 0
  private subs = new Set<() => void>()

  get = (): UiState => this.state
  getVersion = (): number => this.version

  subscribe = (cb: () => void): (() => void) => {
    this.subs.add(cb)
    return () => this.subs.delete(cb)
  }

  set(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch }
    this.touch()
  }

  /** Something inside a session (its report) changed. */
  touch(): void {
    this.version++
    for (const cb of this.subs) cb()
  }
}
