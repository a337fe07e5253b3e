/**
 * contenteditable editors: plain ones, iframe bodies (TinyMCE, UEditor, KindEditor), CKEditor 5
 * and other model-driven editors (the generic fallback). All are read through the DOM and never
 * written to: the text map turns findings into Ranges the highlight painter draws.
 */
import { buildTextMap, offsetFromPoint, rangeFromOffsets, type TextMap } from './dom-text'
import { ChangeHub } from './events'
import { send } from '../messages'
import { replaceSelection } from './input-path'
import type { EditorAdapter, EditorKind, Span } from './types'

export class EditableAdapter implements EditorAdapter {
  readonly doc: Document
  private map: TextMap = { text: '', segments: [] }
  private hub: ChangeHub
  private observer: MutationObserver

  constructor(
    readonly kind: Exclude<EditorKind, 'textarea'>,
    readonly element: HTMLElement,
    readonly frame: HTMLIFrameElement | null = null,
  ) {
    this.doc = element.ownerDocument
    // Composition events bubble to the iframe's document; listening there survives body swaps.
    this.hub = new ChangeHub(frame ? this.doc : element)
    // Mutations, not input events: CKEditor 5 renders from its model (no input event on undo or
    // on typing it handles itself), and page scripts load drafts by setting HTML.
    this.observer = new MutationObserver(() => {
      if (this.hub.composing) return
      this.hub.changed()
    })
    this.observer.observe(element, { childList: true, subtree: true, characterData: true })
    this.hub.addCleanup(() => this.observer.disconnect())
  }

  get composing(): boolean {
    return this.hub.composing
  }

  getText(): string {
    this.map = buildTextMap(this.element)
    return this.map.text
  }

  get lastText(): string {
    return this.map.text
  }

  rangeFor(span: Span): Range | null {
    return rangeFromOffsets(this.map, span.start, span.end)
  }

  offsetAtPoint(x: number, y: number): number | null {
    const hit = this.doc.caretRangeFromPoint?.(x, y)
    if (!hit || !this.element.contains(hit.startContainer)) return null
    return offsetFromPoint(this.map, hit.startContainer, hit.startOffset)
  }

  select(span: Span): void {
    const range = this.rangeFor(span)
    if (!range) return
    this.frame?.scrollIntoView({ block: 'nearest' })
    const target = range.startContainer.parentElement ?? this.element
    target.scrollIntoView({ block: 'center', inline: 'nearest' })
    if (this.frame) this.frame.contentWindow?.focus()
    this.element.focus({ preventScroll: true })
    const sel = this.doc.getSelection()
    if (!sel) return
    // A DOM selection is what the drafter would make; editors with a model (CKEditor 5) follow it.
    sel.removeAllRanges()
    sel.addRange(range)
  }

  async replace(span: Span, text: string): Promise<void> {
    this.select(span)
    const range = this.rangeFor(span)
    if (range) await replaceSelection(this.doc, this.element, range, text, () => this.undoStep())
  }

  /** Editors whose undo steps follow keys or time (TinyMCE, CKEditor 4, Quill) mark the step through their API. */
  private undoStep(): Promise<unknown> {
    const frame = this.frame
    const target = frame
      ? { frame: [...frame.ownerDocument.querySelectorAll('iframe')].indexOf(frame) }
      : { editable: [...this.doc.querySelectorAll('[contenteditable]')].indexOf(this.element) }
    return send('editor:undo-step', { target }, 1000)
  }

  onChange(cb: () => void): () => void {
    return this.hub.onChange(cb)
  }

  onEditStart(cb: () => void): () => void {
    return this.hub.onEditStart(cb)
  }

  connected(): boolean {
    if (!this.element.isConnected) return false
    if (this.frame) {
      if (!this.frame.isConnected) return false
      let doc: Document | null = null
      try {
        doc = this.frame.contentDocument
      } catch {
        return false
      }
      if (doc !== this.doc || doc.body !== this.element) return false
      return this.element.isContentEditable || doc.designMode === 'on'
    }
    return this.element.isContentEditable
  }

  destroy(): void {
    this.hub.destroy()
  }
}
