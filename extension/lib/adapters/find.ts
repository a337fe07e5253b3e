/**
 * Finds editors as they appear: at start, on DOM changes (office pages build their editors
 * late), and when iframes load or turn editable (designMode changes fire no mutation).
 */
import type { SiteProfile } from '../../../core'
import { safeQueryAll } from '../page/profile'
import { EditableAdapter } from './editable'
import { TextareaAdapter } from './textarea'
import type { EditorAdapter, EditorKind } from './types'

/** Editors that keep their own document model: read like CKEditor 5, never written to. */
const MODEL_EDITORS = '.ProseMirror, .ql-editor, [data-slate-editor], [data-lexical-editor], .DraftEditor-root [contenteditable], .w-e-text'

const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'

function frameDoc(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument
  } catch {
    return null
  }
}

/** The editable root an element belongs to (the topmost contenteditable ancestor). */
function editableRoot(el: HTMLElement): HTMLElement {
  let root = el
  while (root.parentElement?.isContentEditable) root = root.parentElement
  return root
}

export interface FinderHooks {
  found(adapter: EditorAdapter): void
  lost(adapter: EditorAdapter): void
  /** True while the drafter is composing in some editor: rescans wait. */
  busy(): boolean
}

export class EditorFinder {
  private tracked = new Map<Element, EditorAdapter>()
  private observer: MutationObserver
  private timer: ReturnType<typeof setTimeout> | null = null
  private poll: ReturnType<typeof setInterval>
  /** Iframe documents whose rewrite (document.write: new <html>, same Document) we watch for. */
  private rewrites = new Map<Document, MutationObserver>()
  private soonTimers: Array<ReturnType<typeof setTimeout>> = []
  /** This document is an iframe editor's body inside a same-origin page: the parent handles it. */
  private readonly childOfSameOrigin: boolean

  constructor(
    private doc: Document,
    private profile: SiteProfile | null,
    private hooks: FinderHooks,
  ) {
    let parentEl: Element | null = null
    try {
      parentEl = doc.defaultView?.frameElement ?? null
    } catch {
      parentEl = null
    }
    this.childOfSameOrigin = parentEl !== null
    this.observer = new MutationObserver((records) => {
      // Typing in an editor changes text and inline nodes only; a rescan is for new elements.
      if (records.some((r) => r.type === 'attributes' || [...r.addedNodes, ...r.removedNodes].some((n) => n.nodeType === 1))) this.schedule()
    })
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'style', 'class', 'hidden'] })
    this.poll = setInterval(() => this.schedule(), 2000)
    this.scan()
  }

  adapters(): EditorAdapter[] {
    return [...this.tracked.values()]
  }

  private schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.hooks.busy()) return this.schedule()
      this.scan()
    }, 400)
  }

  scan(): void {
    for (const [el, a] of this.tracked) {
      if (a.connected()) continue
      this.tracked.delete(el)
      a.destroy()
      this.hooks.lost(a)
    }
    for (const [el, make] of this.candidates()) {
      if (this.tracked.has(el)) continue
      const adapter = make()
      this.tracked.set(el, adapter)
      if (adapter.frame) this.watchRewrite(adapter.doc)
      this.hooks.found(adapter)
    }
  }

  /**
   * CKEditor 4's setData() rewrites its iframe with document.write: the body (and every listener
   * on it) is new and is made editable a moment later. Look again soon, not at the next poll,
   * so marks are redrawn on the loaded draft at once.
   */
  private watchRewrite(doc: Document): void {
    if (this.rewrites.has(doc)) return
    const obs = new MutationObserver(() => {
      for (const t of this.soonTimers) clearTimeout(t)
      this.soonTimers = [0, 60, 200, 500, 1200].map((ms) => setTimeout(() => this.hooks.busy() || this.scan(), ms))
    })
    obs.observe(doc, { childList: true })
    this.rewrites.set(doc, obs)
  }

  /** Elements that are editors now, each with a factory for its adapter. */
  private candidates(): Array<[Element, () => EditorAdapter]> {
    const out = new Map<Element, () => EditorAdapter>()
    const fromProfile = safeQueryAll(this.doc, this.profile?.editor)
    const consider = (el: Element, byProfile: boolean) => {
      const c = this.classify(el, byProfile)
      if (c && !out.has(c[0])) out.set(c[0], c[1])
    }
    for (const el of fromProfile) consider(el, true)
    for (const el of this.doc.querySelectorAll('textarea, iframe, [contenteditable]')) consider(el, false)
    if (this.doc.designMode === 'on' && this.doc.body && !this.childOfSameOrigin) consider(this.doc.body, false)
    return [...out]
  }

  private classify(el: Element, byProfile: boolean): [Element, () => EditorAdapter] | null {
    const tag = el.tagName
    if (tag === 'TEXTAREA' || (tag === 'INPUT' && byProfile)) {
      const f = el as HTMLTextAreaElement
      if (f.disabled || f.readOnly || !visible(f)) return null
      if (!byProfile && f.clientHeight < 50 && f.rows < 3) return null
      return [f, () => new TextareaAdapter(f)]
    }
    if (tag === 'IFRAME') {
      const frame = el as HTMLIFrameElement
      const doc = frameDoc(frame)
      const body = doc?.body
      if (!doc || !body || !visible(frame)) return null
      if (!(body.isContentEditable || doc.designMode === 'on')) return null
      if (!byProfile && frame.offsetHeight < 60) return null
      return [body, () => new EditableAdapter('iframe', body, frame)]
    }
    const h = el as HTMLElement
    if (!h.isContentEditable) {
      // A profile may point at a wrapper: take the editor inside it.
      if (!byProfile) return null
      const inner = h.querySelector('iframe, textarea, [contenteditable="true"], [contenteditable=""]')
      return inner ? this.classify(inner, true) : null
    }
    const root = editableRoot(h)
    if (!visible(root)) return null
    if (root === this.doc.body && this.childOfSameOrigin) return null
    if (!byProfile && (root.offsetHeight < 40 || root.offsetWidth < 150)) return null
    const kind: EditorKind = root.classList.contains('ck-editor__editable') ? 'ckeditor5' : root.matches(MODEL_EDITORS) ? 'generic' : 'contenteditable'
    return [root, () => new EditableAdapter(kind as Exclude<EditorKind, 'textarea'>, root)]
  }

  destroy(): void {
    this.observer.disconnect()
    clearInterval(this.poll)
    if (this.timer) clearTimeout(this.timer)
    for (const t of this.soonTimers) clearTimeout(t)
    for (const obs of this.rewrites.values()) obs.disconnect()
    this.rewrites.clear()
    for (const a of this.tracked.values()) a.destroy()
    this.tracked.clear()
  }
}
