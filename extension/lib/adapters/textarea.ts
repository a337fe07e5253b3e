/** <textarea> and text inputs: the value is the text; marks are drawn by the mirror painter. */
import { ChangeHub } from './events'
import { replaceInField } from './input-path'
import { measureOffsetTop } from '../marks/mirror-style'
import type { EditorAdapter, Span } from './types'

type Field = HTMLTextAreaElement | HTMLInputElement

export class TextareaAdapter implements EditorAdapter {
  readonly kind = 'textarea' as const
  readonly doc: Document
  readonly frame = null
  private hub: ChangeHub
  private last = ''

  constructor(readonly element: Field) {
    this.doc = element.ownerDocument
    this.hub = new ChangeHub(element)
    this.last = element.value
    this.hub.listen(element, 'input', (e) => {
      this.hub.editStart()
      if ((e as InputEvent).isComposing || this.hub.composing) return
      this.hub.changed()
    })
    // Page scripts that set .value fire no input event; a cheap comparison catches them.
    const timer = setInterval(() => {
      if (this.hub.composing || element.value === this.last) return
      this.hub.changed()
    }, 1000)
    this.hub.addCleanup(() => clearInterval(timer))
  }

  get composing(): boolean {
    return this.hub.composing
  }

  getText(): string {
    this.last = this.element.value
    return this.last
  }

  get lastText(): string {
    return this.last
  }

  rangeFor(): Range | null {
    return null
  }

  offsetAtPoint(): number | null {
    return null
  }

  select(span: Span): void {
    const el = this.element
    el.scrollIntoView({ block: 'nearest' })
    el.focus({ preventScroll: true })
    el.setSelectionRange(span.start, span.end)
    if (el.tagName === 'TEXTAREA') {
      const top = measureOffsetTop(el as HTMLTextAreaElement, span.start)
      el.scrollTop = Math.max(0, top - el.clientHeight / 3)
    }
  }

  async replace(span: Span, text: string): Promise<void> {
    replaceInField(this.element, span.start, span.end, text)
  }

  onChange(cb: () => void): () => void {
    return this.hub.onChange(cb)
  }

  onEditStart(cb: () => void): () => void {
    return this.hub.onEditStart(cb)
  }

  connected(): boolean {
    return this.element.isConnected && !this.element.disabled && this.element.getClientRects().length > 0
  }

  destroy(): void {
    this.hub.destroy()
  }
}
