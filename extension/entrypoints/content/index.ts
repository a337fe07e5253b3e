/**
 * Runs in every frame (about:blank and srcdoc included). Each frame handles its own document;
 * an iframe whose body is an editor inside a same-origin page is handled by its parent frame,
 * where the form, the title and the submit button are.
 */
import { defineContentScript } from 'wxt/utils/define-content-script'
import { browser } from 'wxt/browser'
import { loadConfig } from '../../lib/config'
import { Controller } from '../../lib/controller'
import { send, type FramesUpdate } from '../../lib/messages'
import { isPanelSelect } from '../../lib/ui/panel-select'
import { InboxPage } from '../../lib/inbox/page'
import { findProfile } from '../../lib/page/profile'

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  async main() {
    if (document.documentElement.hasAttribute('data-banwen-off')) return
    const config = await loadConfig()
    const url = location.href === 'about:blank' || location.href === 'about:srcdoc' ? document.referrer || location.href : location.href
    const profile = findProfile([...config.siteProfiles, ...config.ruleSet.siteProfiles], url)
    // A 收文 page: the 逆向评估 card for the document it shows; its other fields (拟办意见) are checked as on any page.
    if (profile?.role === 'inbox') new InboxPage(document, config, profile).start()
    const controller = new Controller(document, config, profile?.role === 'inbox' ? null : profile)
    controller.start()
    browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: unknown) => void) => {
      const type = (msg as { type?: string } | null)?.type
      if (type === 'config:changed') void loadConfig().then((c) => controller.reload(c))
      if (type === 'frames:update') controller.setRemote((msg as FramesUpdate).frames)
      if (isPanelSelect(msg)) controller.selectFromPanel(msg.session, msg.finding)
      if (type !== 'frame:check') return undefined
      // Another frame of this tab is filing: answer with this frame's editors' checks.
      void controller.checkFrame().then(sendResponse, () => sendResponse([]))
      return true
    })
    // Leaving the page: its editors no longer count for the tab's filing check or side panel.
    window.addEventListener('pagehide', () => void send('frame:snapshots', { snapshots: [] }))
  },
})
