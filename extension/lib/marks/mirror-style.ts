/**
 * The textarea mirror (after textlint/editor): a div that lays text out exactly like the
 * textarea, so spans in it sit where the characters sit in the textarea.
 */

/** Computed properties that decide where glyphs land. */
const COPIED = [
  'boxSizing', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch',
  'fontFeatureSettings', 'fontKerning', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent',
  'textTransform', 'textAlign', 'textRendering', 'direction', 'tabSize', 'whiteSpace', 'wordBreak',
  'overflowWrap', 'lineBreak', 'hyphens', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'writingMode', 'textOrientation', 'unicodeBidi', 'fontSizeAdjust', 'fontVariantEastAsian',
] as const

/**
 * Styles the mirror's content box like the textarea's padding box: the mirror is placed at the
 * textarea's client area (inside borders, left of the scrollbar), so only the padding and text
 * properties are copied, and the width is the client width.
 */
export function applyMirrorStyle(field: HTMLTextAreaElement | HTMLInputElement, mirror: HTMLElement): void {
  const cs = field.ownerDocument.defaultView!.getComputedStyle(field)
  const st = mirror.style
  for (const p of COPIED) (st as unknown as Record<string, string>)[p] = cs[p as keyof CSSStyleDeclaration] as string
  st.boxSizing = 'border-box'
  st.border = '0'
  st.margin = '0'
  st.width = `${field.clientWidth}px`
  const isInput = field.tagName === 'INPUT'
  st.whiteSpace = isInput ? 'pre' : 'pre-wrap'
  if (!isInput) st.overflowWrap = cs.overflowWrap === 'normal' ? 'break-word' : cs.overflowWrap
  st.minHeight = `${field.clientHeight}px`
}

/** Top of the line holding `offset`, in the textarea's scroll coordinates (for scrolling to a finding). */
export function measureOffsetTop(field: HTMLTextAreaElement, offset: number): number {
  const doc = field.ownerDocument
  const mirror = doc.createElement('div')
  applyMirrorStyle(field, mirror)
  Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', top: '0', left: '-99999px', overflow: 'hidden' })
  mirror.textContent = field.value.slice(0, offset)
  const marker = doc.createElement('span')
  marker.textContent = '\u200b'
  mirror.appendChild(marker)
  // Measured in a detached-from-editor scratch node under <html>, removed at once.
  doc.documentElement.appendChild(mirror)
  const top = marker.offsetTop
  mirror.remove()
  return top
}
