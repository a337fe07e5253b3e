/**
 * The title and 文种 of the draft, read from the form around the editor: the site profile's
 * selectors first, else fields whose name, id, placeholder or label says 标题 / 文种.
 */
import type { SiteProfile } from '../../../core'
import { safeQueryAll } from './profile'

const TITLE_HINT = /标题|题目|文件名称|title|subject/i
const TYPE_HINT = /文种|公文种类|文件类型|公文类型|doctype|doc_type|wenzhong/i

function describe(el: Element): string {
  const id = el.id
  const label = id ? el.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '' : ''
  const wrapping = el.closest('label')?.textContent ?? ''
  return [el.getAttribute('name'), id, el.getAttribute('placeholder'), el.getAttribute('aria-label'), label, wrapping].join(' ')
}

function valueOf(el: Element | undefined): string | undefined {
  if (!el) return undefined
  if (el.tagName === 'SELECT') {
    const s = el as HTMLSelectElement
    const opt = s.selectedOptions[0]
    const v = (opt?.textContent ?? s.value).trim()
    return v || undefined
  }
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return (el as HTMLInputElement).value.trim() || undefined
  return el.textContent?.trim() || undefined
}

export class PageFields {
  constructor(
    private doc: Document,
    private profile: SiteProfile | null,
    private docTypes: string[],
  ) {}

  title(): string | undefined {
    const fromProfile = safeQueryAll(this.doc, this.profile?.title)[0]
    if (fromProfile) return valueOf(fromProfile)
    const inputs = [...this.doc.querySelectorAll('input[type=text], input:not([type])')]
    return valueOf(inputs.find((el) => TITLE_HINT.test(describe(el))))
  }

  /** A 文种 name of the rule set, or undefined (then the engine detects it from the title). */
  docType(): string | undefined {
    const fromProfile = safeQueryAll(this.doc, this.profile?.docType)[0]
    const field =
      fromProfile ??
      [...this.doc.querySelectorAll('select, input[type=text]')].find((el) => TYPE_HINT.test(describe(el)))
    const raw = valueOf(field)
    if (!raw) return undefined
    return this.docTypes.find((t) => raw === t) ?? this.docTypes.find((t) => raw.includes(t))
  }
}
