/**
 * Reads the text of an editable DOM subtree the way the engine expects it (blocks → '\n') and
 * keeps a map from every character back to its text node, so findings (UTF-16 offsets into
 * that text) become live DOM Ranges and a caret position becomes an offset. Read-only: it never
 * touches the DOM it reads.
 */

/** A run of characters copied verbatim from one text node. */
interface Segment {
  node: Text
  nodeStart: number
  textStart: number
  length: number
}

export interface TextMap {
  text: string
  segments: Segment[]
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'UL', 'CAPTION',
])
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK'])
/** Zero-width characters editors insert as caret fillers (CKEditor's INLINE_FILLER, TinyMCE's ZWSP). */
const INVISIBLE = /[\u200b\u2060\ufeff]/
const WHITESPACE_LINE = /^[\s\u200b\u2060\ufeff]*\n[\s\u200b\u2060\ufeff]*$/

/** A <br> that only keeps an empty or ending block open: editors add them, they are not line breaks. */
function isPlaceholderBr(el: Element): boolean {
  if (el.hasAttribute('data-cke-filler') || el.hasAttribute('data-mce-bogus')) return true
  if (el.nextSibling) return false
  const parent = el.parentElement
  return parent !== null && BLOCK_TAGS.has(parent.tagName)
}

export function buildTextMap(root: Element): TextMap {
  const parts: string[] = []
  const segments: Segment[] = []
  let length = 0
  let endsWithBreak = true
  const breakLine = () => {
    if (endsWithBreak) return
    parts.push('\n')
    length += 1
    endsWithBreak = true
  }
  const pushRun = (node: Text, data: string, from: number, to: number) => {
    if (to <= from) return
    // Source newlines/tabs render as spaces; replacing keeps the length, so offsets stay exact.
    parts.push(data.slice(from, to).replace(/[\n\r\t]/g, ' '))
    segments.push({ node, nodeStart: from, textStart: length, length: to - from })
    length += to - from
    endsWithBreak = false
  }

  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child as Text
        const data = t.data
        if (data.length === 0 || WHITESPACE_LINE.test(data)) continue
        if (!INVISIBLE.test(data)) {
          pushRun(t, data, 0, data.length)
          continue
        }
        let runStart = 0
        for (let i = 0; i < data.length; i++) {
          if (INVISIBLE.test(data[i]!)) {
            pushRun(t, data, runStart, i)
            runStart = i + 1
          }
        }
        pushRun(t, data, runStart, data.length)
      } else if (child.nodeType === 1) {
        const el = child as Element
        const tag = el.tagName
        if (SKIP_TAGS.has(tag)) continue
        if (tag === 'BR') {
          if (!isPlaceholderBr(el)) {
            parts.push('\n')
            length += 1
            endsWithBreak = true
          }
          continue
        }
        // Editor UI inside the editable (widget handles, fake carets) is not document text.
        if (el.getAttribute('contenteditable') === 'false' && el.getAttribute('data-mce-bogus')) continue
        const block = BLOCK_TAGS.has(tag)
        if (block) breakLine()
        walk(el)
        if (block) breakLine()
      }
    }
  }
  walk(root)
  let text = parts.join('')
  // A trailing break comes from the last block closing; the engine does not need it.
  if (text.endsWith('\n') && segments.length > 0 && segments[segments.length - 1]!.textStart + segments[segments.length - 1]!.length < text.length) {
    text = text.slice(0, -1)
  }
  return { text, segments }
}

/** Index of the last segment whose textStart ≤ offset. */
function segmentAt(map: TextMap, offset: number): number {
  const segs = map.segments
  let lo = 0
  let hi = segs.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (segs[mid]!.textStart <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Boundary point for a text offset. `edge` decides on which side of a virtual '\n' it lands. */
function pointAt(map: TextMap, offset: number, edge: 'start' | 'end'): [Text, number] | null {
  const segs = map.segments
  if (segs.length === 0) return null
  const i = segmentAt(map, offset)
  if (i >= 0) {
    const s = segs[i]!
    if (offset < s.textStart + s.length || (edge === 'end' && offset === s.textStart + s.length)) {
      return [s.node, s.nodeStart + (offset - s.textStart)]
    }
    if (edge === 'end') return [s.node, s.nodeStart + s.length]
  }
  const next = segs[i + 1]
  if (next) return [next.node, next.nodeStart]
  const last = segs[segs.length - 1]!
  return [last.node, last.nodeStart + last.length]
}

/** A live Range over [start, end) of the mapped text, or null when the nodes are gone. */
export function rangeFromOffsets(map: TextMap, start: number, end: number): Range | null {
  const a = pointAt(map, start, 'start')
  const b = pointAt(map, Math.max(start, end), 'end')
  if (!a || !b) return null
  if (!a[0].isConnected || !b[0].isConnected) return null
  const range = a[0].ownerDocument.createRange()
  try {
    range.setStart(a[0], Math.min(a[1], a[0].length))
    range.setEnd(b[0], Math.min(b[1], b[0].length))
  } catch {
    return null
  }
  return range
}

/** Text offset of a DOM boundary point inside the mapped root, or null when outside the text. */
export function offsetFromPoint(map: TextMap, node: Node, offset: number): number | null {
  if (node.nodeType === 3) {
    for (const s of map.segments) {
      if (s.node !== node) continue
      if (offset >= s.nodeStart && offset <= s.nodeStart + s.length) return s.textStart + (offset - s.nodeStart)
    }
    const segs = map.segments.filter((s) => s.node === node)
    if (segs.length) {
      const before = segs.filter((s) => s.nodeStart <= offset).pop() ?? segs[0]!
      return before.textStart + Math.min(Math.max(0, offset - before.nodeStart), before.length)
    }
    return null
  }
  // An element boundary: the first text at or after that child.
  const child = node.childNodes[offset] ?? null
  for (const s of map.segments) {
    if (child === null) {
      if (node.contains(s.node)) continue
      const pos = node.compareDocumentPosition(s.node)
      if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return s.textStart
    } else if (child === s.node || child.contains(s.node) || child.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING) {
      return s.textStart
    }
  }
  return map.text.length
}
