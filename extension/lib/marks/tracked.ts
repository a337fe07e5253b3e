/**
 * The Ranges a painter draws, kept on the right text while the editor changes. Live Ranges
 * follow typing inside a text node by themselves; when the editor replaces the nodes instead
 * (Slate, and others on some edits), the ranges are rebuilt from text offsets in the same
 * microtask as the mutation, before the next frame is drawn, so marks never blink away.
 */
import type { EditorAdapter } from '../adapters/types'
import { mapSpan, textEdit } from './remap'
import type { Mark } from './types'

export interface Tracked {
  mark: Mark
  range: Range
  /** The boundary nodes when drawn: another node there means the editor re-rendered. */
  from: Node
  to: Node
}

export class TrackedRanges {
  readonly items = new Map<string, Tracked>()
  /** The text the marks' offsets refer to. */
  private text = ''
  private observer: MutationObserver

  constructor(
    private adapter: EditorAdapter,
    /** Called after a remap with the ranges that were dropped and the new ones. */
    private onRemap: (before: Tracked[], after: Tracked[]) => void,
  ) {
    this.observer = new MutationObserver(() => this.check())
    this.observer.observe(adapter.element, { childList: true, subtree: true, characterData: true })
  }

  /** Marks for the adapter's last read text. */
  set(marks: Mark[]): Tracked[] {
    this.text = this.adapter.lastText
    this.items.clear()
    for (const mark of marks) this.add(mark)
    return [...this.items.values()]
  }

  private add(mark: Mark): void {
    const range = this.adapter.rangeFor(mark)
    if (!range || range.collapsed) return
    this.items.set(mark.id, { mark, range, from: range.startContainer, to: range.endContainer })
  }

  private broken(): boolean {
    for (const t of this.items.values()) {
      const r = t.range
      if (r.startContainer !== t.from || r.endContainer !== t.to || !t.from.isConnected || r.collapsed) return true
    }
    return false
  }

  /** After the editor's DOM changed: rebuild every range by offsets if any one lost its nodes. */
  private check(): void {
    // Under the IME the text is the drafter's unfinished input; compositionend brings a new analysis.
    if (this.items.size === 0 || this.adapter.composing || !this.broken()) return
    const before = [...this.items.values()]
    const edit = textEdit(this.text, this.adapter.getText())
    this.text = this.adapter.lastText
    this.items.clear()
    for (const t of before) {
      const span = mapSpan(t.mark, edit)
      if (span) this.add({ ...t.mark, ...span })
    }
    this.onRemap(before, [...this.items.values()])
  }

  destroy(): void {
    this.observer.disconnect()
    this.items.clear()
  }
}
