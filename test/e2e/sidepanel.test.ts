/** The side panel: the active tab's full report, in step with the in-page panel both ways. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { hostData } from './page'
import { openTypedDraft } from './support/drafted'
import { launchProfile, type ExtensionBrowser } from './support/extension-profile'

let demo: DemoServer
let b: ExtensionBrowser
let profile: string

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 })
  profile = mkdtempSync(join(tmpdir(), 'banwen-sidepanel-'))
  b = await launchProfile(profile)
}, 180_000)

afterAll(async () => {
  await b?.close()
  await demo?.close()
  if (profile) rmSync(profile, { recursive: true, force: true })
})

describe('side panel', () => {
  it('shows the same score and findings as the in-page panel, grouped by category, and follows 忽略 and clicks', async () => {
    const page = await b.context.newPage()
    await openTypedDraft(page, demo.url)
    await page.waitForTimeout(800)
    const inPage = await page.locator('.bw-panel [data-testid=score]').textContent()
    const findings = Number((await hostData(page)).findings)

    const helper = await b.openPage('popup.html')
    const [tab] = await helper.evaluate((u) => (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<Array<{ id: number }>> } } }).chrome.tabs.query({ url: `${u}/*` }), demo.url)
    await helper.close()
    const side = await b.openPage(`sidepanel.html?tab=${tab!.id}`)
    const editor = side.locator('.sp-editor')
    await expect.poll(() => editor.locator('[data-testid=score]').textContent(), { timeout: 10_000 }).toBe(inPage)
    expect(await editor.getAttribute('data-label')).toBe('正文')
    expect(await editor.locator('.bw-item').count()).toBe(findings)
    expect(await editor.locator('.bw-dim').count()).toBeGreaterThan(0)
    expect(await editor.locator('.bw-length').count()).toBe(1)
    // Grouped: every item sits under a heading of its own category, tao and burden among them.
    const groups = await editor.locator('.sp-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')))
    expect(new Set(groups).size).toBe(groups.length)
    expect(groups).toContain('tao')
    await side.screenshot({ path: join(process.cwd(), 'test-results', 'e2e-sidepanel.png') }).catch(() => null)

    // 忽略 in the page: the side panel loses that finding too.
    await page.bringToFront()
    await page.locator('.bw-panel .bw-item').first().click()
    await page.locator('.bw-card button[data-action=ignore]').click()
    await expect.poll(() => editor.locator('.bw-item').count(), { timeout: 5000 }).toBe(findings - 1)

    // A click in the side panel selects the finding in the page and opens its card there.
    const id = await editor.locator('.sp-group[data-category=tao] .bw-item').first().getAttribute('data-finding')
    await side.locator(`.bw-item[data-finding="${id}"]`).click()
    await page.bringToFront()
    await expect.poll(() => page.locator(`.bw-card[data-finding="${id}"]`).count(), { timeout: 5000 }).toBe(1)
    await side.close()
    await page.close()
  }, 90_000)
})
