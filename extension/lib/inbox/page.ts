/**
 * A 收文 page (a site profile with role 'inbox'): reads the received document from the element
 * the profile names, with the engine, here; fingerprints it as the drafting side does; shows the
 * 逆向评估 card. Read-only: the page's DOM is observed, never changed.
 */
import { createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { createAnalyzer, localToday, type SiteProfile } from '../../../core'
import type { Config } from '../config'
import { docHash } from '../hash'
import { PageFields } from '../page/fields'
import { createHost, type UiHost } from '../ui/host'
import { inboxApi, type InboxApi } from './api'
import { demandOptions } from './demands'
import { InboxCard, type InboxDoc } from './InboxCard'
import { readReceived } from './read'
import { INBOX_CSS } from './styles'

/** Office pages fill the 正文 in after load: read again this long after the page stops changing. */
const SETTLE_MS = 500

export class InboxPage {
  private host: UiHost | null = null
  private root: Root | null = null
  private observer: MutationObserver | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private text: string | null = null
  private doc: InboxDoc | null = null
  private seq = 0

  constructor(
    private page: Document,
    private config: Config,
    private profile: SiteProfile,
    private api: InboxApi = inboxApi,
  ) {}

  start(): void {
    this.host = createHost(this.page, 'banwen-inbox')
    const style = this.page.createElement('style')
    style.textContent = INBOX_CSS
    this.host.shadow.append(style)
    // Typing in the card must not reach the page's own shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) this.host.app.addEventListener(type, (e) => e.stopPropagation())
    this.root = createRoot(this.host.app)
    this.render()
    this.read()
    this.observer = new MutationObserver(() => this.schedule())
    this.observer.observe(this.page.documentElement, { childList: true, subtree: true, characterData: true })
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.read()
    }, SETTLE_MS)
  }

  private read(): void {
    const text = readReceived(this.page, this.profile.editor)
    if (text === this.text) return
    this.text = text
    const seq = ++this.seq
    if (text === null) {
      this.doc = null
      this.render()
      return
    }
    const fields = new PageFields(this.page, this.profile, this.config.ruleSet.docTypes.map((t) => t.name))
    const title = fields.title()
    const report = createAnalyzer({ ruleSet: this.config.ruleSet, strict: this.config.strict }).analyzeSync(text, { ...(title ? { title } : {}), today: localToday() })
    void docHash(text).then((hash) => {
      if (seq !== this.seq) return
      this.doc = { docHash: hash, options: demandOptions(report, text) }
      this.host!.host.dataset.docHash = hash
      this.render()
    })
  }

  private render(): void {
    this.root?.render(createElement(InboxCard, { doc: this.doc, configured: this.config.serverConfigured, api: this.api }))
  }

  destroy(): void {
    this.observer?.disconnect()
    if (this.timer) clearTimeout(this.timer)
    this.root?.unmount()
    this.host?.host.remove()
  }
}
