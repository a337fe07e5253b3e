/**
 * A 收文 page's document text, read-only: the element the site profile's `editor` names may be
 * the text itself (div, pre), a read-only field, or a same-origin frame showing it. Read the way
 * the draft editor is read (blocks → line breaks), so the engine sees the same document; the
 * fingerprint (lib/hash.ts docHash) ignores whitespace, so layout differences do not matter.
 */
import { buildTextMap } from '../adapters/dom-text'
import { safeQueryAll } from '../page/profile'

export function readReceived(doc: Document, selector: string | undefined): string | null {
  const el = safeQueryAll(doc, selector)[0]
  if (!el) return null
  const text = textOf(el)
  return text && text.trim() ? text : null
}

function textOf(el: Element): string | null {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return (el as HTMLTextAreaElement).value
  if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
    let body: HTMLElement | null = null
    try {
      body = (el as HTMLIFrameElement).contentDocument?.body ?? null
    } catch {
      // A cross-origin frame: its own content script reads it, when a profile matches its URL.
    }
    return body ? buildTextMap(body).text : null
  }
  return buildTextMap(el).text
}
