/**
 * Marks through the CSS Custom Highlight API: ranges registered with the document, styled by
 * ::highlight() rules in an adopted stylesheet. Nothing is inserted into the editor's document,
 * so editors with their own model cannot revert it, undo history stays clean, and full-page
 * editors (CKEditor 4 fullPage) never serialise anything of ours.
 */
import type { Category } from '../../../core'
import type { EditorAdapter } from '../adapters/types'
import { CATEGORY_ORDER, highlightCss, highlightName } from './categories'
import { adoptStyle } from './doc-style'
import { contains, rangeRects } from './geometry'
import { TrackedRanges } from './tracked'
import type { Mark, Painter } from './types'

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight
interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistry }
  Highlight?: HighlightCtor
}

/** True when the window of `doc` can draw custom highlights (Chromium 105+). */
export function supportsHighlights(doc: Document): boolean {
  const w = doc.defaultView as unknown as HighlightWindow | null
  return !!(w?.CSS?.highlights && typeof w.Highlight === 'function')
}

/** One Highlight per category per document, shared by the painters of all editors in it. */
class DocHighlights {
  readonly byName = new Map<string, Highlight>()
  constructor(private doc: Document) {
    const w = doc.defaultView as unknown as Required<HighlightWindow>
    const names = [...CATEGORY_ORDER, 'active' as const]
    names.forEach((c, i) => {
      const h = new w.Highlight()
      // Later categories are more serious and paint over earlier ones; the active one is on top.
      h.priority = i
      w.CSS.highlights!.set(highlightName(c), h)
      this.byName.set(highlightName(c), h)
    })
    this.ensureStyle()
  }

  /** Re-adopted before each paint: a rewritten document (document.write) or a page script may have dropped it. */
  ensureStyle(): void {
    adoptStyle(this.doc, highlightCss())
  }
}

const registries = new WeakMap<Document, DocHighlights>()
function registryFor(doc: Document): DocHighlights {
  let r = registries.get(doc)
  if (!r) {
    r = new DocHighlights(doc)
    registries.set(doc, r)
  }
  return r
}

export class HighlightPainter implements Painter {
  private tracked: TrackedRanges
  private active: Range | null = null
  private activeId: string | null = null
  private reg: DocHighlights

  constructor(private adapter: EditorAdapter) {
    this.reg = registryFor(adapter.doc)
    this.tracked = new TrackedRanges(adapter, (before, after) => {
      for (const t of before) this.highlight(t.mark.category).delete(t.range)
      for (const t of after) this.highlight(t.mark.category).add(t.range)
      this.setActive(this.activeId)
    })
  }

  private highlight(c: Category | 'active'): Highlight {
    return this.reg.byName.get(highlightName(c))!
  }

  paint(marks: Mark[]): void {
    this.clear()
    this.reg.ensureStyle()
    for (const t of this.tracked.set(marks)) this.highlight(t.mark.category).add(t.range)
  }

  setActive(id: string | null): void {
    const h = this.highlight('active')
    if (this.active) h.delete(this.active)
    this.active = null
    this.activeId = id
    const hit = id ? this.tracked.items.get(id) : undefined
    if (hit) {
      this.active = hit.range
      h.add(hit.range)
    }
  }

  hitTest(x: number, y: number): string[] {
    const offset = this.adapter.offsetAtPoint(x, y)
    if (offset === null) return []
    const out: string[] = []
    for (const [id, { mark, range }] of this.tracked.items) {
      if (offset < mark.start || offset > mark.end) continue
      // The caret lands on the nearest character even beside the text: check the boxes too.
      if ([...range.getClientRects()].some((r) => contains(r, x, y))) out.push(id)
    }
    return out
  }

  rectsOf(id: string): DOMRect[] {
    const hit = this.tracked.items.get(id)
    return hit ? rangeRects(hit.range, this.adapter.frame) : []
  }

  /** Ranges follow edits (live, or remapped by offsets when the editor re-renders): nothing to hide. */
  stale(): void {}

  private clear(): void {
    for (const { mark, range } of this.tracked.items.values()) this.highlight(mark.category).delete(range)
    this.tracked.items.clear()
    this.setActive(null)
  }

  destroy(): void {
    this.clear()
    this.tracked.destroy()
  }
}
