/**
 * The filing check over a whole form, wherever its editors live: two editors in one form, an
 * editor in a cross-origin iframe filed by the parent's 提交, and a page submitting by script.
 * Each time the dialog appears and, after 仍然提交, the office system receives exactly one submission.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Frame, Page } from 'playwright-core'
import { startDemoServer, type DemoServer, type Submission } from '../../demo/server'
import { launchWithExtension, type Launched } from './browser'
import { typeLines } from './support/drafted'
import { DRAFT, TITLE } from '../fixtures/drafts'

/** A short 拟办意见 heavy with 套话: few characters, but findings enough to fall below the warning line. */
const OPINION = '拟同意。请各单位高度重视，以钉钉子精神扎实推进，确保取得实实在在的成效。要建立工作台账，每日报送照片，实行一票否决。'

let demo: DemoServer
/** A second origin for the embedded editor: 127.0.0.1 and another port, against the page's localhost. */
let other: DemoServer
let browser: Launched

beforeAll(async () => {
  ;[demo, other] = await Promise.all([startDemoServer({ port: 0 }), startDemoServer({ port: 0 })])
  browser = await launchWithExtension({ viewport: { width: 1600, height: 1000 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all([demo?.close(), other?.close()])
})

async function openCase(query: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(`${demo.url}/demo/assets/forms.html?${query}`)
  await page.waitForSelector('html[data-editor-ready]')
  await page.fill('#doc-title', TITLE)
  await page.selectOption('#doc-type', '通知')
  return page
}

/** Clicks `control`, confirms the dialog (with a reason when asked) and returns the one submission the office system got. */
async function fileOnce(page: Page, control: string): Promise<Submission> {
  const before = demo.submissions.length
  await page.click(control)
  return confirmAndExpectOneSubmission(page, before)
}

async function confirmAndExpectOneSubmission(page: Page, before: number): Promise<Submission> {
  const modal = page.locator('.bw-modal')
  await modal.waitFor({ timeout: 8000 })
  // Nothing reached the office system while the dialog is open.
  expect(demo.submissions.length).toBe(before)
  if ((await modal.getAttribute('data-action')) === 'justify') await modal.locator('textarea').fill('已经分管领导审定，按程序办理。')
  await Promise.all([page.waitForURL('**/demo/api/submit', { timeout: 10_000 }), modal.locator('button[data-choice=submit]').click()])
  await page.waitForSelector('#receipt')
  await page.waitForTimeout(600)
  expect(demo.submissions.length).toBe(before + 1)
  return demo.submissions.at(-1)!
}

describe('filing check over the whole form', () => {
  it('checks a small 拟办意见 typed beside an empty 正文, and lists both editors it checked', async () => {
    const page = await openCase('case=two')
    await page.waitForFunction(() => (document.querySelector('banwen-root')?.getAttribute('data-editors') ?? '').split(' ').length === 2)
    await page.locator('#opinion').click()
    await page.keyboard.insertText(OPINION)
    // The drafter's last stop is the empty 正文: the check must not follow the focus alone.
    await page.locator('#doc-editor').click()
    const before = demo.submissions.length
    await page.click('#submit-doc')
    const modal = page.locator('.bw-modal')
    await modal.waitFor({ timeout: 8000 })
    // Only the editor with text is filed: the 拟办意见, named as the page names it.
    const labels = await modal.locator('.bw-modal-score').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))
    expect(labels).toEqual(['拟办意见'])
    await confirmAndExpectOneSubmission(page, before)
    await page.close()
  }, 60_000)

  it('with text in both editors (one of 4 characters), the dialog shows each and takes the stricter decision', async () => {
    const page = await openCase('case=two')
    await page.locator('#doc-editor').click()
    await typeLines(page, DRAFT)
    await page.locator('#opinion').click()
    await page.keyboard.insertText('拟同意。')
    const before = demo.submissions.length
    await page.click('#submit-doc')
    const modal = page.locator('.bw-modal')
    await modal.waitFor({ timeout: 8000 })
    const labels = await modal.locator('.bw-modal-score').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))
    expect(labels.sort()).toEqual(['拟办意见', '正文'])
    await confirmAndExpectOneSubmission(page, before)
    expect(demo.submissions.at(-1)!.body).toContain('高度重视')
    await page.close()
  }, 60_000)

  it('checks an editor in a cross-origin iframe when the parent page submits, with the panel in the top frame', async () => {
    const child = `http://127.0.0.1:${other.port}/demo/assets/child-editor.html`
    const page = await openCase(`case=cross&child=${encodeURIComponent(child)}`)
    const frame = await childFrame(page, child)
    await frame.waitForSelector('html[data-editor-ready]')
    await frame.locator('#child-editor').click()
    await typeLines(page, DRAFT)
    // The panel is the top frame's, showing the embedded editor's report; the frame has none.
    const panel = page.locator('banwen-root .bw-panel[data-remote]')
    await panel.waitFor({ timeout: 10_000 })
    await expect.poll(async () => Number(await panel.locator('[data-testid=score]').textContent())).toBeLessThan(100)
    expect(await frame.locator('banwen-root .bw-panel').count()).toBe(0)
    // A click in the top frame's panel opens the finding's card where the mark is, in the frame.
    const id = await panel.locator('.bw-item').first().getAttribute('data-finding')
    await panel.locator('.bw-item').first().click()
    await expect.poll(() => frame.locator(`banwen-root .bw-card[data-finding="${id}"]`).count(), { timeout: 5000 }).toBe(1)
    // A single-page office system moves on in the same document (the tab's URL changes): still checked.
    await page.evaluate(() => void (location.hash = 'step-2'))
    await page.waitForTimeout(300)
    // The portal's search form holds no editor and no frame: it is not held for the draft.
    await page.fill('#search-q', '安全生产')
    await page.click('#search-go')
    await expect.poll(() => page.locator('#status').textContent()).toContain('已查询')
    expect(await page.locator('.bw-modal').count()).toBe(0)
    expect((await fileOnce(page, '#submit-doc')).body).toContain('高度重视')
    await page.close()
  }, 60_000)

  for (const via of ['submit', 'request'] as const) {
    it(`holds a page script's form.${via === 'submit' ? 'submit' : 'requestSubmit'}() for the check, then submits once`, async () => {
      const page = await openCase(`case=script&via=${via}`)
      await page.waitForFunction(() => !!document.querySelector('banwen-root')?.getAttribute('data-editors'))
      await page.locator('#doc-editor').click()
      await typeLines(page, DRAFT)
      // 办结 is no submit word: only the script's call reaches the guard.
      expect((await fileOnce(page, '#finish-doc')).body).toContain('高度重视')
      await page.close()
    }, 60_000)
  }

  it('返回修改 on a script submission keeps the page and submits nothing', async () => {
    const page = await openCase('case=script')
    await page.locator('#doc-editor').click()
    await page.keyboard.insertText(OPINION)
    const before = demo.submissions.length
    await page.click('#finish-doc')
    await page.locator('.bw-modal button[data-choice=return]').click()
    await page.waitForTimeout(800)
    expect(demo.submissions.length).toBe(before)
    expect(page.url()).toContain('forms.html')
    await page.close()
  }, 60_000)
})

async function childFrame(page: Page, url: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === url), { timeout: 10_000 }).toBe(true)
  return page.frames().find((f) => f.url() === url)!
}
