import type { Category } from '../../../core'

/** What a painter draws: a finding's span and category, nothing else. */
export interface Mark {
  id: string
  category: Category
  start: number
  end: number
}

export interface Painter {
  /** Replaces all marks (the adapter's last getText() is the reference for offsets). */
  paint(marks: Mark[]): void
  /** Emphasises one mark (hovered card, selected list item). */
  setActive(id: string | null): void
  /** Marks under a point given in the editor document's viewport coordinates. */
  hitTest(x: number, y: number): string[]
  /** Boxes of a mark in the top page's viewport, for placing the card. */
  rectsOf(id: string): DOMRect[]
  /** Stale marks (the text changed): painters that cannot follow edits hide them. */
  stale(): void
  destroy(): void
}
