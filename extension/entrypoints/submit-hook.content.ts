/**
 * Runs in the page's own (MAIN) world before its scripts, in every frame: hooks form.submit() so
 * the filing check sees submissions made by script (see lib/filing/scripted-submit.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script'
import { hookFormSubmit } from '../lib/filing/scripted-submit'

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    // A core without MAIN-world scripts (before Chromium 111) runs this in the isolated world,
    // where the hook would only catch our own submit: leave it out there.
    if ((globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id) return
    hookFormSubmit(window)
  },
})
