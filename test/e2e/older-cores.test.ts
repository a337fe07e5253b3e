/**
 * The fallbacks for older Chromium cores, forced on today's Chromium in altered copies of the
 * build: without chrome.offscreen (the permission taken out, so the API is missing as on cores
 * before 109) the model runs in the service worker; without CSS.highlights (deleted by a script
 * that runs before ours in the same isolated world, as on cores before 105) marks are drawn by
 * the overlay.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { loadNodeClassifier } from '../../models/runtime/node'
import { DRAFT, MODEL_SENTENCES, TITLE } from '../fixtures/drafts'
import { alteredBuild, withoutOffscreen } from './support/altered-build'
import { markCounts, openDraft, typeDraft } from './page'
import { launchProfile, type ExtensionBrowser } from './support/extension-profile'

const temp: string[] = []
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  temp.push(d)
  return d
}
const builds: Array<{ remove(): void }> = []
let demo: DemoServer

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 })
}, 60_000)

afterAll(async () => {
  await demo?.close()
  for (const d of temp) rmSync(d, { recursive: true, force: true })
  for (const b of builds) b.remove()
})

describe('older cores', () => {
  it('runs the model in the service worker when chrome.offscreen is missing, with the same probabilities as Node', async () => {
    const build = withoutOffscreen()
    builds.push(build)
    const b = await launchProfile(tempDir('banwen-old-'), { extensionDir: build.dir })
    try {
      expect(await b.worker.evaluate(() => typeof (globalThis as unknown as { chrome: { offscreen?: unknown } }).chrome.offscreen)).toBe('undefined')
      const page = await b.openPage('popup.html')
      type Predicted = { scores?: Array<{ tao: number; burden: number }>; error?: string; modelLoadMs?: number }
      const res = await page.evaluate((sentences) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Predicted> } } }).chrome.runtime.sendMessage({ type: 'model:predict', sentences }), MODEL_SENTENCES)
      expect(res.error).toBeUndefined()
      const want = await (await loadNodeClassifier())!.predict(MODEL_SENTENCES)
      res.scores!.forEach((s, i) => {
        expect(Math.abs(s.tao - want[i]!.tao)).toBeLessThan(1e-5)
        expect(Math.abs(s.burden - want[i]!.burden)).toBeLessThan(1e-5)
      })
      // It ran in the worker: no offscreen document was (or could be) made.
      const contexts = await b.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }))
      expect(contexts).toHaveLength(0)
      expect(res.modelLoadMs).toBeGreaterThan(0)
      await page.close()
    } finally {
      await b.close()
    }
  }, 90_000)

  it('draws overlay marks when the core has no CSS.highlights', async () => {
    const build = alteredBuild(
      (m) => {
        const ours = m.content_scripts.find((c) => c.world !== 'MAIN')!
        ours.js.unshift('no-highlights.js')
      },
      { 'no-highlights.js': 'delete CSS.highlights; delete self.Highlight; document.documentElement.dataset.noHighlights = String(!("highlights" in CSS))' },
    )
    builds.push(build)
    const b = await launchProfile(tempDir('banwen-nohl-'), { extensionDir: build.dir })
    try {
      const page = await b.context.newPage()
      await openDraft(page, demo.url, 'contenteditable')
      // Gone in the extension's world (the page's own world keeps its CSS object).
      expect(await page.evaluate(() => document.documentElement.dataset.noHighlights)).toBe('true')
      await page.fill('#doc-title', TITLE)
      await typeDraft(page, 'contenteditable', DRAFT)
      await expect
        .poll(() => page.locator('banwen-root').evaluate((h) => h.shadowRoot!.querySelectorAll('.bw-box.bw-tao').length), { timeout: 10_000 })
        .toBeGreaterThan(0)
      expect(await markCounts(page, 'contenteditable')).toEqual({})
      await page.close()
    } finally {
      await b.close()
    }
  }, 90_000)
})
