/**
 * Offsets after an edit. Editors that re-render (Slate/wangEditor replaces the text nodes of a
 * paragraph after each keystroke) leave live Ranges collapsed or on other text; marks are then
 * carried over by text offsets: one edit region found by common prefix and suffix, spans before
 * it kept, spans after it shifted, spans it cuts into clipped.
 */
export interface Span {
  start: number
  end: number
}

/** The changed region: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextEdit {
  start: number
  oldEnd: number
  newEnd: number
}

export function textEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null
  const max = Math.min(before.length, after.length)
  let p = 0
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++
  let s = 0
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++
  return { start: p, oldEnd: before.length - s, newEnd: after.length - s }
}

/** Where a span of the old text stands in the new one; null when the edit swallowed it. */
export function mapSpan(span: Span, edit: TextEdit | null): Span | null {
  if (!edit) return span
  const delta = edit.newEnd - edit.oldEnd
  const start = span.start < edit.start ? span.start : span.start >= edit.oldEnd ? span.start + delta : edit.newEnd
  const end = span.end <= edit.start ? span.end : span.end >= edit.oldEnd ? span.end + delta : edit.start
  // Typing at a mark's very end is text after it, as a live Range would treat it.
  return end > start ? { start, end } : null
}
