/**
 * The content script's conductor for one document: finds editors, runs a session per editor,
 * renders the UI in a shadow root, and guards the submission with the filing check.
 */
import { createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { Report, SiteProfile, TelemetryKind } from '../../core'
import { EditorFinder } from './adapters/find'
import type { EditorAdapter } from './adapters/types'
import type { Config } from './config'
import { combineDecisions, filingEntry, mainEntry } from './filing/entries'
import { SubmitGuard } from './filing/guard'
import { askImpact, IMPACT_DOWN, impactWarns } from './filing/impact'
import { HighlightPainter, supportsHighlights } from './marks/highlight'
import { MirrorPainter } from './marks/mirror'
import { OverlayPainter } from './marks/overlay'
import type { Painter } from './marks/types'
import { send, type EditorSnapshot, type FilingEntry, type RemoteEditor } from './messages'
import { editorLabel } from './page/editor-label'
import { PageFields } from './page/fields'
import { EditorSession } from './session'
import { docHash } from './hash'
import { buildEvent, pushEvents, type EventExtra } from './telemetry'
import type { UiActions } from './ui/actions'
import { App } from './ui/App'
import { createHost, type UiHost } from './ui/host'
import { watchPointer } from './ui/pointer'
import { snapshotOf } from './ui/snapshot'
import { UiStore } from './ui/store'

const HOVER_DELAY_MS = 250
const HIDE_DELAY_MS = 350
/** Other frames learn of this frame's editors this long after their last analysis. */
const SNAPSHOT_DELAY_MS = 300
/** Panel width plus margins: less room than this beside the editor and the panel would cover it. */
const PANEL_ROOM = 316

interface Entry {
  session: EditorSession
  off: Array<() => void>
}

export class Controller {
  readonly store = new UiStore()
  private entries = new Map<EditorAdapter, Entry>()
  private host: UiHost | null = null
  private root: Root | null = null
  private finder: EditorFinder | null = null
  private guard: SubmitGuard | null = null
  private fields: PageFields
  private hoverTimer: ReturnType<typeof setTimeout> | null = null
  private hideTimer: ReturnType<typeof setTimeout> | null = null
  private insideCard = false
  private statusTimer: ReturnType<typeof setTimeout> | null = null
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null
  /** The tab's top frame: it shows the panel for the editors of its cross-origin frames too. */
  private readonly top: boolean
  private dialogSeq = 0
  private analyses = 0

  constructor(
    private doc: Document,
    private config: Config,
    private profile: SiteProfile | null,
  ) {
    this.fields = new PageFields(doc, profile, config.ruleSet.docTypes.map((t) => t.name))
    const win = doc.defaultView
    this.top = !win || win === win.top
  }

  start(): void {
    this.finder = new EditorFinder(this.doc, this.profile, {
      found: (a) => this.add(a),
      lost: (a) => this.remove(a),
      busy: () => [...this.entries.keys()].some((a) => a.composing),
    })
    this.guard = new SubmitGuard(this.doc, this.profile, {
      applies: (form) => this.appliesTo(form),
      check: (form) => this.fileCheck(form),
    })
    // Frames that found their editors before this one started: ask for them now.
    if (this.top) this.sendSnapshots()
    this.doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.store.get().card) this.actions.closeCard()
    })
    if (this.config.serverConfigured) void send('quota:get', {}).then((quota) => quota && this.store.set({ quota }))
  }

  private ensureHost(): UiHost {
    if (this.host) return this.host
    this.host = createHost(this.doc)
    this.root = createRoot(this.host.app)
    this.root.render(createElement(App, { store: this.store, actions: this.actions }))
    return this.host
  }

  private painterFor(adapter: EditorAdapter, host: UiHost): Painter {
    if (adapter.kind === 'textarea') return new MirrorPainter(adapter, host.layer)
    // data-banwen-marks="overlay" on <html> forces the fallback (tests, and cores we know misdraw).
    const forced = this.doc.documentElement.dataset.banwenMarks === 'overlay'
    if (!forced && supportsHighlights(adapter.doc)) return new HighlightPainter(adapter)
    return new OverlayPainter(adapter, host.layer)
  }

  private add(adapter: EditorAdapter): void {
    const host = this.ensureHost()
    const session = new EditorSession(adapter, this.painterFor(adapter, host), this.config, this.fields, (s) => this.onReport(s))
    const off = [
      watchPointer(session, {
        hover: (s, id) => this.hover(s, id),
        click: (s, id) => this.showCard(s, id, true),
        typing: () => {
          if (this.store.get().card) this.actions.closeCard()
        },
      }),
    ]
    const onFocus = () => {
      if (this.store.get().active !== session) this.store.set({ active: session })
    }
    const focusTarget: EventTarget = adapter.frame ? adapter.doc : adapter.element
    focusTarget.addEventListener('focusin', onFocus)
    off.push(() => focusTarget.removeEventListener('focusin', onFocus))
    this.entries.set(adapter, { session, off })
    const sessions = [...this.entries.values()].map((e) => e.session)
    this.store.set({ sessions, active: this.store.get().active ?? session })
    if (sessions.length === 1) this.placePanel(adapter)
    host.host.dataset.editors = [...this.entries.keys()].map((a) => a.kind).join(' ')
    session.run()
  }

  /** Docks the panel on the side with more room beside the editor; collapses it when neither has room. */
  private placePanel(adapter: EditorAdapter): void {
    const r = (adapter.frame ?? adapter.element).getBoundingClientRect()
    const right = window.innerWidth - r.right
    const left = r.left
    const dock = right >= left ? 'right' : 'left'
    const squeezed = Math.max(left, right) < PANEL_ROOM
    // In a frame (a cross-origin editor iframe) a squeezed panel would sit on the editor: the top frame shows it.
    if (squeezed && !this.top) this.store.set({ embedded: true })
    else this.store.set({ dock, collapsed: squeezed })
  }

  private remove(adapter: EditorAdapter): void {
    const entry = this.entries.get(adapter)
    if (!entry) return
    for (const off of entry.off) off()
    entry.session.destroy()
    this.entries.delete(adapter)
    const sessions = [...this.entries.values()].map((e) => e.session)
    const st = this.store.get()
    this.store.set({
      sessions,
      active: st.active === entry.session ? sessions[0] ?? null : st.active,
      card: st.card?.session === entry.session ? null : st.card,
    })
    this.sendSnapshots()
  }

  private onReport(session: EditorSession): void {
    this.analyses++
    const st = this.store.get()
    // A card for a finding that no longer exists would point at nothing.
    if (st.card && st.card.session === session && !session.visibleFindings().some((f) => f.id === st.card!.findingId)) {
      this.store.set({ card: null })
    } else this.store.touch()
    this.exposeState(session)
    this.sendStatus()
    this.sendSnapshots()
  }

  /** State on the host element, read by the end-to-end tests and the benchmark. */
  private exposeState(session: EditorSession): void {
    const h = this.host?.host
    if (!h || !session.report) return
    h.dataset.paintSeq = String([...this.entries.values()].reduce((n, e) => n + e.session.paintSeq, 0))
    h.dataset.analyses = String(this.analyses)
    h.dataset.lastPaint = session.lastPaintAt.toFixed(1)
    h.dataset.analysisMs = session.lastAnalysisMs.toFixed(2)
    h.dataset.paintMs = session.lastPaintMs.toFixed(2)
    h.dataset.runAt = session.lastRunAt.toFixed(1)
    h.dataset.score = String(session.report.score)
    h.dataset.findings = String(session.visibleFindings().length)
  }

  private sendStatus(): void {
    if (this.statusTimer) return
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null
      const r = this.store.get().active?.report
      if (r) void send('tab:status', { score: r.score, grade: r.grade, findings: r.findings.length, docType: r.docType, chars: r.chars, cap: r.cap })
    }, 1000)
  }

  /** This frame's editors, for the side panel and (from other frames) the top frame's panel and filing check. */
  private sendSnapshots(): void {
    if (this.snapshotTimer) return
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null
      const panelInFrame = !this.store.get().embedded
      const snapshots = [...this.entries].flatMap(([a, e]) => snapshotOf(e.session, editorLabel(a), panelInFrame) ?? [])
      void send('frame:snapshots', { snapshots }).then((res) => res?.frames && this.setRemote(res.frames))
    }, SNAPSHOT_DELAY_MS)
  }

  /** The editors of the tab's other frames (top frame only), from the background. */
  setRemote(frames: Record<string, EditorSnapshot[]>): void {
    if (!this.top) return
    const remote: RemoteEditor[] = Object.entries(frames).flatMap(([frameId, snaps]) => snaps.map((snap) => ({ frameId: Number(frameId), snap })))
    if (remote.some((r) => !r.snap.panelInFrame)) this.ensureHost()
    this.store.set({ remote })
  }

  /** A finding clicked in the side panel. */
  selectFromPanel(sessionId: string, findingId: string): void {
    const entry = [...this.entries.values()].find((e) => e.session.id === sessionId)
    if (entry) this.actions.selectFinding(entry.session, findingId)
  }

  private hover(session: EditorSession, id: string | null): void {
    const card = this.store.get().card
    if (this.hoverTimer) clearTimeout(this.hoverTimer)
    this.hoverTimer = null
    if (id) {
      if (this.hideTimer) clearTimeout(this.hideTimer)
      this.hideTimer = null
      if (card?.findingId === id) return
      this.hoverTimer = setTimeout(() => this.showCard(session, id, false), HOVER_DELAY_MS)
      return
    }
    if (card && !card.pinned) this.scheduleHide()
  }

  private scheduleHide(): void {
    if (this.hideTimer) return
    this.hideTimer = setTimeout(() => {
      this.hideTimer = null
      const card = this.store.get().card
      if (card && !card.pinned && !this.insideCard) this.actions.closeCard()
    }, HIDE_DELAY_MS)
  }

  private showCard(session: EditorSession, findingId: string, pinned: boolean): void {
    const rect = session.painter.rectsOf(findingId)[0]
    if (!rect) return
    const prev = this.store.get().card
    prev?.session.painter.setActive(null)
    session.painter.setActive(findingId)
    this.store.set({ card: { session, findingId, anchor: rect, pinned, showRule: false }, active: session })
  }

  private async telemetry(session: EditorSession, kind: TelemetryKind, extra: EventExtra = {}): Promise<void> {
    if (!session.report) return
    await this.reportEvent(session.report, kind, { ...extra, docHash: extra.docHash ?? (await docHash(session.text)) })
  }

  private reportEvent(report: Report, kind: TelemetryKind, extra: EventExtra): Promise<void> {
    return pushEvents([buildEvent(kind, report, this.config, extra)])
  }

  readonly actions: UiActions = {
    selectFinding: (session, id) => {
      const f = session.finding(id)
      if (!f) return
      session.adapter.select(f)
      this.store.set({ active: session })
      // The card goes where the span is after scrolling.
      requestAnimationFrame(() => this.showCard(session, id, true))
    },
    applyFix: (session, id) => {
      this.actions.closeCard()
      void session.applyFix(id).then((r) => {
        if ('failed' in r) return this.notice(r.failed === 'gone' ? '此处已改动，无需采纳' : '未能自动修改，请在正文中手动修改')
        void this.telemetry(session, 'apply', { ruleId: r.applied.ruleId })
        this.notice('已采纳（可按 Ctrl+Z 撤销）')
      })
    },
    ignore: (session, id) => {
      const f = session.finding(id)
      this.actions.closeCard()
      session.ignore(id)
      if (f) void this.telemetry(session, 'dismiss', { ruleId: f.ruleId })
      this.notice('已忽略（仅本文件）')
    },
    falsePositive: (session, id) => {
      const f = session.finding(id)
      if (!f) return
      void this.telemetry(session, 'false-positive', { ruleId: f.ruleId })
      this.actions.closeCard()
      session.ignore(id)
      this.notice('已报告误报，谢谢！')
    },
    toggleRule: () => {
      const card = this.store.get().card
      if (card) this.store.set({ card: { ...card, showRule: !card.showRule, pinned: true } })
    },
    closeCard: () => {
      this.store.get().card?.session.painter.setActive(null)
      this.store.set({ card: null })
      this.insideCard = false
    },
    cardHover: (inside) => {
      this.insideCard = inside
      if (!inside) this.scheduleHide()
    },
    setDocType: (session, docType) => session.setDocType(docType),
    setCollapsed: (collapsed) => this.store.set({ collapsed }),
    setDock: (dock) => this.store.set({ dock }),
  }

  private notice(text: string): void {
    this.store.set({ notice: text })
    setTimeout(() => this.store.get().notice === text && this.store.set({ notice: null }), 3000)
  }

  /** The editors a submission of `form` files: those inside it (all when there is no form or a site profile says where). */
  private editorsOf(form: HTMLFormElement | null): Array<[EditorAdapter, EditorSession]> {
    return [...this.entries]
      .filter(([a]) => !form || this.profile !== null || form.contains(a.frame ?? a.element))
      .map(([a, e]) => [a, e.session])
  }

  /** Every editor with any text counts, however short (拟办意见 too); the top frame also waits for its frames' editors. */
  private appliesTo(form: HTMLFormElement | null): boolean {
    return this.editorsOf(form).some(([a]) => a.getText().trim().length > 0) || this.filesFrames(form)
  }

  /**
   * Editors in other frames belong to this submission when it comes from the top frame and either
   * no form (a toolbar button) or a form that holds a frame: a search form elsewhere on the portal does not.
   */
  private filesFrames(form: HTMLFormElement | null): boolean {
    return this.top && this.store.get().remote.length > 0 && (!form || form.querySelector('iframe, frame') !== null)
  }

  /** This frame's part of a filing check started in another frame (frame:check from the background). */
  checkFrame(): Promise<FilingEntry[]> {
    return this.entriesOf(null)
  }

  private entriesOf(form: HTMLFormElement | null): Promise<FilingEntry[]> {
    const editors = this.editorsOf(form).filter(([a]) => a.getText().trim().length > 0)
    return Promise.all(editors.map(([a, s]) => filingEntry(s, editorLabel(a))))
  }

  private async fileCheck(form: HTMLFormElement | null): Promise<boolean> {
    const local = await this.entriesOf(form)
    // Editors in other frames (a cross-origin iframe) answer through the background.
    const frames = [...new Set(this.store.get().remote.map((r) => r.frameId))]
    const remote = this.filesFrames(form) ? ((await send('filing:collect', { frames }, 5000))?.entries ?? []) : []
    const entries = [...local, ...remote].filter((e) => e.report.chars > 0)
    const main = mainEntry(entries)
    if (!main) return true
    const decision = combineDecisions(entries)
    const docHash = main.docHash
    const impact = askImpact(main.report, this.config)
    // A passing draft waits (briefly) for the impact: held only when it would push a recipient into yellow or red.
    const seen = decision.action === 'pass' && impact ? await impact : null
    if (decision.action === 'pass' && !impactWarns(seen)) {
      if (seen) this.notice(seen.state === 'ready' ? seen.impact.line : IMPACT_DOWN)
      await this.reportEvent(main.report, 'filed', { action: 'pass', docHash })
      return true
    }
    this.actions.closeCard()
    this.ensureHost()
    const id = ++this.dialogSeq
    const choice = await new Promise<{ go: boolean; reason?: string }>((resolve) => {
      this.store.set({ dialog: { id, entries, decision, impact: seen ?? (impact ? { state: 'pending' } : null), resolve } })
      // The dialog is up at once; the impact line joins it when the service answers.
      void impact?.then((view) => {
        const d = this.store.get().dialog
        if (d?.id === id && d.impact?.state === 'pending') this.store.set({ dialog: { ...d, impact: view } })
      })
    })
    this.store.set({ dialog: null })
    if (!choice.go) {
      await this.reportEvent(main.report, 'filed', { action: decision.action === 'block' ? 'block' : 'returned', docHash })
      return false
    }
    if (decision.action === 'pass') {
      await this.reportEvent(main.report, 'filed', { action: 'pass', docHash })
      return true
    }
    // Going on past the check is an override (after a warning, or with a justification), and
    // the document is still filed: the quota counts filed events, so both are sent.
    await this.reportEvent(main.report, 'override', { action: decision.action, docHash, ...(choice.reason ? { reason: choice.reason } : {}) })
    await this.reportEvent(main.report, 'filed', { action: 'submitted', docHash })
    return true
  }

  /** New config from the background (rules synced): start every editor again with it. */
  reload(config: Config): void {
    this.config = config
    this.finder?.destroy()
    for (const a of [...this.entries.keys()]) this.remove(a)
    this.guard?.destroy()
    this.start()
  }
}
