/** What the page calls an editor's field (正文, 拟办意见 …), for the filing dialog and the side panel. */
import type { EditorAdapter } from '../adapters/types'

const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s:：*＊]+/g, '').slice(0, 12)

export function editorLabel(adapter: EditorAdapter): string {
  const el = adapter.frame ?? adapter.element
  const doc = el.ownerDocument
  const byFor = el.id ? doc.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null
  const labelledBy = el.getAttribute('aria-labelledby')
  const direct = [byFor?.textContent, el.getAttribute('aria-label'), labelledBy ? doc.getElementById(labelledBy)?.textContent : null, el.getAttribute('title')]
  for (const c of direct) if (clean(c)) return clean(c)
  // Office forms put the label beside the field, in the same row: a <label> or <th> next to it.
  let box: Element | null = el.parentElement
  for (let depth = 0; box && depth < 4; depth++, box = box.parentElement) {
    const lab = box.querySelector(':scope > label, :scope > th, :scope > .label')
    if (lab && !lab.contains(el) && clean(lab.textContent)) return clean(lab.textContent)
  }
  return clean(el.getAttribute('placeholder')) || '正文'
}
