/** Coordinates: editor documents (maybe an iframe's) ↔ the page viewport the UI is drawn in. */

/** Offset of an iframe's content area in its parent's viewport. */
export function frameOffset(frame: HTMLIFrameElement | null): { x: number; y: number } {
  if (!frame) return { x: 0, y: 0 }
  const r = frame.getBoundingClientRect()
  const cs = frame.ownerDocument.defaultView!.getComputedStyle(frame)
  return {
    x: r.left + frame.clientLeft + parseFloat(cs.paddingLeft || '0'),
    y: r.top + frame.clientTop + parseFloat(cs.paddingTop || '0'),
  }
}

export function shift(rect: DOMRectReadOnly, d: { x: number; y: number }): DOMRect {
  return new DOMRect(rect.left + d.x, rect.top + d.y, rect.width, rect.height)
}

export const contains = (r: DOMRectReadOnly, x: number, y: number, slop = 2) =>
  x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop

/** Intersection of two rects, or null when they do not overlap. */
export function clip(r: DOMRectReadOnly, box: DOMRectReadOnly): DOMRect | null {
  const left = Math.max(r.left, box.left)
  const top = Math.max(r.top, box.top)
  const right = Math.min(r.right, box.right)
  const bottom = Math.min(r.bottom, box.bottom)
  if (right <= left || bottom <= top) return null
  return new DOMRect(left, top, right - left, bottom - top)
}

/** The visible client box of an element (inside borders, without scrollbars), in its viewport. */
export function clientBox(el: Element): DOMRect {
  const r = el.getBoundingClientRect()
  return new DOMRect(r.left + el.clientLeft, r.top + el.clientTop, el.clientWidth || r.width, el.clientHeight || r.height)
}

/** A live range's boxes in the top document's coordinates (ranges inside an iframe editor are shifted by the frame). */
export function rangeRects(range: Range, frame: HTMLIFrameElement | null): DOMRect[] {
  const d = frameOffset(frame)
  return [...range.getClientRects()].map((r) => shift(r, d))
}
