/**
 * Fallback marks for cores without CSS.highlights (older 信创 Chromium builds): boxes in the
 * extension's shadow root, placed from Range.getClientRects() and re-placed on scroll and
 * resize. Like the highlight painter, it never touches the editor.
 */
import type { EditorAdapter } from '../adapters/types'
import { CATEGORY_ORDER } from './categories'
import { clientBox, clip, contains, frameOffset, rangeRects, shift } from './geometry'
import type { Mark, Painter } from './types'

export class OverlayPainter implements Painter {
  private ranges = new Map<string, { mark: Mark; range: Range }>()
  private boxes = new Map<string, HTMLElement[]>()
  private layer: HTMLElement
  private frame = 0
  private active: string | null = null
  private offs: Array<() => void> = []
  private resize: ResizeObserver

  constructor(
    private adapter: EditorAdapter,
    root: HTMLElement,
  ) {
    this.layer = root.ownerDocument.createElement('div')
    this.layer.className = 'bw-overlay'
    root.appendChild(this.layer)
    const relayout = () => this.schedule()
    const targets: EventTarget[] = [window, adapter.doc]
    for (const t of targets) {
      t.addEventListener('scroll', relayout, { capture: true, passive: true })
      this.offs.push(() => t.removeEventListener('scroll', relayout, { capture: true }))
    }
    window.addEventListener('resize', relayout, { passive: true })
    this.offs.push(() => window.removeEventListener('resize', relayout))
    this.resize = new ResizeObserver(relayout)
    this.resize.observe(adapter.element)
    if (adapter.frame) this.resize.observe(adapter.frame)
  }

  paint(marks: Mark[]): void {
    this.ranges.clear()
    const rank = (m: Mark) => CATEGORY_ORDER.indexOf(m.category)
    for (const mark of [...marks].sort((a, b) => rank(a) - rank(b))) {
      const range = this.adapter.rangeFor(mark)
      if (range && !range.collapsed) this.ranges.set(mark.id, { mark, range })
    }
    this.layer.style.visibility = ''
    this.layout()
  }

  private schedule(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.layout()
    })
  }

  /** The editor's visible box in the page viewport: marks outside it are clipped away. */
  private visibleBox(): DOMRect {
    const { frame, element } = this.adapter
    if (frame) {
      const d = frameOffset(frame)
      const w = frame.contentWindow!
      return new DOMRect(d.x, d.y, Math.min(w.innerWidth, frame.clientWidth), Math.min(w.innerHeight, frame.clientHeight))
    }
    return clientBox(element)
  }

  private layout(): void {
    const doc = this.layer.ownerDocument
    const frag = doc.createDocumentFragment()
    const box = this.visibleBox()
    const d = frameOffset(this.adapter.frame)
    this.boxes.clear()
    for (const [id, { mark, range }] of this.ranges) {
      const els: HTMLElement[] = []
      for (const r of range.getClientRects()) {
        const v = clip(shift(r, d), box)
        if (!v) continue
        const el = doc.createElement('div')
        el.className = `bw-box bw-${mark.category}${id === this.active ? ' bw-active' : ''}`
        el.style.transform = `translate(${v.left}px, ${v.top}px)`
        el.style.width = `${v.width}px`
        el.style.height = `${v.height}px`
        els.push(el)
        frag.appendChild(el)
      }
      this.boxes.set(id, els)
    }
    this.layer.replaceChildren(frag)
  }

  setActive(id: string | null): void {
    for (const el of this.boxes.get(this.active ?? '') ?? []) el.classList.remove('bw-active')
    this.active = id
    for (const el of this.boxes.get(id ?? '') ?? []) el.classList.add('bw-active')
  }

  hitTest(x: number, y: number): string[] {
    const out: string[] = []
    for (const [id, { range }] of this.ranges) if ([...range.getClientRects()].some((r) => contains(r, x, y))) out.push(id)
    return out
  }

  rectsOf(id: string): DOMRect[] {
    const hit = this.ranges.get(id)
    return hit ? rangeRects(hit.range, this.adapter.frame) : []
  }

  /** Boxes do not follow edits: hide them until the next paint. */
  stale(): void {
    this.layer.style.visibility = 'hidden'
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    for (const off of this.offs) off()
    this.resize.disconnect()
    this.layer.remove()
  }
}
