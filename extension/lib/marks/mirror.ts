/**
 * Marks for <textarea> and text inputs, whose text has no DOM nodes to range over: a mirror of
 * the field's text, laid out like the field, with transparent glyphs and coloured spans. It sits
 * over the field's client area in the shadow root and follows its scroll and size.
 */
import type { EditorAdapter } from '../adapters/types'
import { CATEGORY_ORDER } from './categories'
import { applyMirrorStyle } from './mirror-style'
import { contains } from './geometry'
import type { Mark, Painter } from './types'

type Field = HTMLTextAreaElement | HTMLInputElement

interface Run {
  text: string
  /** Class of the mark span, or '' for plain text. */
  cls: string
  ids: string[]
}

const sameRun = (x: Run, y: Run) => x.text === y.text && x.cls === y.cls && x.ids.join() === y.ids.join()

/** Flattens overlapping marks into runs; each run shows its most serious category. */
function toRuns(text: string, marks: Mark[]): Run[] {
  const cuts = new Set<number>([0, text.length])
  for (const m of marks) {
    cuts.add(Math.min(m.start, text.length))
    cuts.add(Math.min(m.end, text.length))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const rank = (m: Mark) => CATEGORY_ORDER.indexOf(m.category)
  const runs: Run[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    if (b <= a) continue
    const covering = marks.filter((m) => m.start <= a && m.end >= b)
    const piece = text.slice(a, b)
    if (covering.length === 0) {
      runs.push({ text: piece, cls: '', ids: [] })
      continue
    }
    const top = covering.reduce((x, y) => (rank(y) > rank(x) ? y : x))
    runs.push({ text: piece, cls: `bw-m bw-${top.category}`, ids: covering.map((m) => m.id) })
  }
  return runs
}

export class MirrorPainter implements Painter {
  private box: HTMLElement
  private mirror: HTMLElement
  private spans = new Map<string, HTMLElement[]>()
  private runs: Run[] = []
  private nodes: ChildNode[] = []
  private tail: Text
  private active: string | null = null
  private frame = 0
  private offs: Array<() => void> = []
  private resize: ResizeObserver
  private field: Field

  constructor(adapter: EditorAdapter, root: HTMLElement) {
    this.field = adapter.element as Field
    const doc = root.ownerDocument
    this.box = doc.createElement('div')
    this.box.className = 'bw-mirror-box'
    this.mirror = doc.createElement('div')
    this.mirror.className = 'bw-mirror'
    this.tail = doc.createTextNode('')
    this.mirror.appendChild(this.tail)
    this.box.appendChild(this.mirror)
    root.appendChild(this.box)
    const onScroll = () => this.syncScroll()
    this.field.addEventListener('scroll', onScroll, { passive: true })
    this.offs.push(() => this.field.removeEventListener('scroll', onScroll))
    const relayout = () => this.schedule()
    window.addEventListener('scroll', relayout, { capture: true, passive: true })
    window.addEventListener('resize', relayout, { passive: true })
    this.offs.push(() => {
      window.removeEventListener('scroll', relayout, { capture: true })
      window.removeEventListener('resize', relayout)
    })
    this.resize = new ResizeObserver(relayout)
    this.resize.observe(this.field)
  }

  paint(marks: Mark[]): void {
    const text = this.field.value
    const runs = toRuns(text, marks)
    this.patch(runs)
    this.spans.clear()
    runs.forEach((run, i) => {
      for (const id of run.ids) {
        const list = this.spans.get(id) ?? []
        list.push(this.nodes[i] as HTMLElement)
        this.spans.set(id, list)
      }
    })
    // Read the field's geometry before further writes: no forced synchronous layout of the mirror.
    const geo = this.measure()
    this.setActive(this.active)
    this.place(geo)
    this.box.style.visibility = ''
  }

  /**
   * Replaces only the runs that changed: typing touches one place, and re-laying out 5,000 字
   * of new text nodes on every analysis is what makes a mirror slow.
   */
  private patch(runs: Run[]): void {
    const old = this.runs
    let a = 0
    while (a < old.length && a < runs.length && sameRun(old[a]!, runs[a]!)) a++
    let b = 0
    while (b < old.length - a && b < runs.length - a && sameRun(old[old.length - 1 - b]!, runs[runs.length - 1 - b]!)) b++
    const doc = this.mirror.ownerDocument
    const fresh = runs.slice(a, runs.length - b).map((r) => {
      if (!r.cls) return doc.createTextNode(r.text)
      const span = doc.createElement('span')
      span.className = r.cls
      span.textContent = r.text
      return span
    })
    const removed = this.nodes.slice(a, old.length - b)
    const before = this.nodes[old.length - b] ?? this.tail
    for (const n of removed) n.remove()
    for (const n of fresh) this.mirror.insertBefore(n, before)
    this.nodes = [...this.nodes.slice(0, a), ...fresh, ...this.nodes.slice(old.length - b)]
    this.runs = runs
    // A trailing newline needs a character after it to take up its line, as in the textarea.
    this.tail.data = runs.length && runs[runs.length - 1]!.text.endsWith('\n') ? '\u200b' : ''
  }

  private schedule(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.layout()
    })
  }

  private layout(): void {
    this.place(this.measure())
  }

  private measure() {
    const f = this.field
    const r = f.getBoundingClientRect()
    return { x: r.left + f.clientLeft, y: r.top + f.clientTop, w: f.clientWidth, h: f.clientHeight, hidden: r.width === 0, sl: f.scrollLeft, st: f.scrollTop }
  }

  private place(g: ReturnType<MirrorPainter['measure']>): void {
    const st = this.box.style
    st.transform = `translate(${g.x}px, ${g.y}px)`
    st.width = `${g.w}px`
    st.height = `${g.h}px`
    st.display = g.hidden ? 'none' : ''
    applyMirrorStyle(this.field, this.mirror)
    this.mirror.style.transform = `translate(${-g.sl}px, ${-g.st}px)`
  }

  private syncScroll(): void {
    this.mirror.style.transform = `translate(${-this.field.scrollLeft}px, ${-this.field.scrollTop}px)`
  }

  setActive(id: string | null): void {
    for (const el of this.spans.get(this.active ?? '') ?? []) el.classList.remove('bw-active')
    this.active = id
    for (const el of this.spans.get(id ?? '') ?? []) el.classList.add('bw-active')
  }

  /** Page coordinates equal ours: the field lives in the same document as the shadow root. */
  hitTest(x: number, y: number): string[] {
    const box = this.box.getBoundingClientRect()
    if (!contains(box, x, y, 0)) return []
    const out: string[] = []
    for (const [id, els] of this.spans) {
      if (els.some((el) => [...el.getClientRects()].some((r) => contains(r, x, y, 1)))) out.push(id)
    }
    return out
  }

  rectsOf(id: string): DOMRect[] {
    return (this.spans.get(id) ?? []).flatMap((el) => [...el.getClientRects()])
  }

  stale(): void {
    this.box.style.visibility = 'hidden'
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    for (const off of this.offs) off()
    this.resize.disconnect()
    this.box.remove()
  }
}
