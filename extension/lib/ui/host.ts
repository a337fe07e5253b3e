/** The extension's one element in the page: a shadow root holding the mark layer and the React UI. */
import { UI_CSS } from './styles'

export interface UiHost {
  host: HTMLElement
  shadow: ShadowRoot
  /** Non-interactive layer for mirror and overlay marks, under the UI. */
  layer: HTMLElement
  /** Where React renders. */
  app: HTMLElement
}

/** `tag`: the 收文 card has its own element, apart from the drafting UI's. */
export function createHost(doc: Document, tag = 'banwen-root'): UiHost {
  const host = doc.createElement(tag)
  // Inline, so page rules on unknown elements cannot move or hide it.
  host.setAttribute('style', 'all:initial;position:fixed;left:0;top:0;width:0;height:0;z-index:2147483646;display:block')
  // Open: the end-to-end tests and assistive tools read it; page CSS still cannot style inside.
  const shadow = host.attachShadow({ mode: 'open' })
  const style = doc.createElement('style')
  style.textContent = UI_CSS
  const layer = doc.createElement('div')
  layer.className = 'bw-layer'
  const app = doc.createElement('div')
  app.className = 'bw-app'
  shadow.append(style, layer, app)
  doc.documentElement.appendChild(host)
  return { host, shadow, layer, app }
}
