/**
 * The extension in real editors, in Debian's Chromium: marks and score, the editor left
 * untouched, undo, IME composition, and the filing check submitting exactly once.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { defaultRuleSet } from '../../core'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { launchWithExtension, ROOT, type Launched } from './browser'
import { DRAFT, TITLE } from '../fixtures/drafts'
import { editorState, focusEnd, hostData, markCounts, openDraft, repaintWithoutEdit, typeDraft, waitForAnalyses, type Kind } from './page'

const SHOTS = join(ROOT, 'test-results')
const hasBurdenRules = defaultRuleSet().rules.some((r) => r.category === 'burden' && r.enabled)
const KINDS: Kind[] = ['textarea', 'contenteditable', 'iframe', 'tinymce', 'ckeditor5']

let demo: DemoServer
let browser: Launched

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  demo = await startDemoServer({ port: 0 })
  browser = await launchWithExtension({ viewport: { width: 1600, height: 1000 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

async function fillForm(page: Page): Promise<void> {
  await page.fill('#doc-title', TITLE)
  await page.selectOption('#doc-type', '通知')
}

async function draftTyped(page: Page, kind: Kind): Promise<void> {
  await fillForm(page)
  const before = Number((await hostData(page)).analyses ?? 0)
  await typeDraft(page, kind, DRAFT)
  await page.waitForFunction(() => Number(document.querySelector('banwen-root')?.getAttribute('data-findings') ?? 0) >= 4, null, { timeout: 10_000 })
  expect(Number((await hostData(page)).analyses)).toBeGreaterThan(before)
}

describe.each(KINDS)('%s', (kind) => {
  it('marks 套话 and 增负要求 while typing and shows the score', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, kind)
    await draftTyped(page, kind)
    // Marks are drawn once the debounce has passed; give the last paint a moment.
    await page.waitForTimeout(400)
    const marks = await markCounts(page, kind)
    expect(marks.tao ?? 0).toBeGreaterThan(0)
    if (hasBurdenRules) expect(marks.burden ?? 0).toBeGreaterThan(0)
    const score = Number(await page.locator('.bw-panel [data-testid=score]').textContent())
    expect(score).toBeGreaterThan(0)
    expect(score).toBeLessThan(100)
    expect(Number((await hostData(page)).score)).toBeCloseTo(score, 1)
    const items = await page.locator('.bw-panel .bw-item').count()
    expect(items).toBe(Number((await hostData(page)).findings))

    // Clicking a finding selects its span in the editor and opens its card.
    await page.locator('.bw-panel .bw-item[data-category=tao]').first().click()
    await page.waitForSelector('.bw-card', { timeout: 5000 })
    await expect.poll(() => page.locator('.bw-card .bw-card-title').textContent()).toBeTruthy()
    await page.screenshot({ path: join(SHOTS, `e2e-${kind}-marked.png`) })
    await page.locator('.bw-panel').screenshot({ path: join(SHOTS, `e2e-${kind}-panel.png`) })
    await page.close()
  }, 60_000)

  it('never changes the editor: text and HTML byte-identical across marking', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, kind)
    await draftTyped(page, kind)
    await page.waitForTimeout(400)
    const { before, after, mutations } = await repaintWithoutEdit(page)
    expect(mutations).toBe(0)
    expect(after.html).toBe(before.html)
    expect(after.text).toBe(before.text)
    expect(after.data).toBe(before.data)
    await page.close()
  }, 60_000)

  it('keeps undo working', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, kind)
    await draftTyped(page, kind)
    await page.waitForTimeout(400)
    const base = (await editorState(page)).text
    await focusEnd(page, kind)
    await page.keyboard.insertText('撤销测试文字')
    await page.waitForTimeout(600)
    expect((await editorState(page)).text).toContain('撤销测试文字')
    const analyses = Number((await hostData(page)).analyses)
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await editorState(page)).text).not.toContain('撤销测试文字')
    // Editors group undo steps their own way (TinyMCE merges inserted runs): the text goes back
    // to an earlier state of this draft, never to something the extension made up.
    const undone = (await editorState(page)).text.replace(/\s+/g, '')
    expect(base.replace(/\s+/g, '').startsWith(undone)).toBe(true)
    expect(undone.length).toBeGreaterThan(10)
    // The undone text is analysed again, so marks follow the undo.
    await waitForAnalyses(page, analyses)
    await page.close()
  }, 60_000)

  it('does not analyse during IME composition, and does once it ends', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, kind)
    await draftTyped(page, kind)
    await page.waitForTimeout(600)
    await focusEnd(page, kind)
    const cdp = await browser.context.newCDPSession(page)
    const start = await hostData(page)
    // Pinyin being composed, well past the debounce.
    for (const text of ['g', 'ga', 'gao', 'gaodu', '高度', '高度重']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
      await page.waitForTimeout(150)
    }
    await page.waitForTimeout(500)
    const during = await hostData(page)
    expect(during.analyses).toBe(start.analyses)
    expect(during.paintSeq).toBe(start.paintSeq)
    await cdp.send('Input.insertText', { text: '高度重视' })
    const after = await waitForAnalyses(page, Number(start.analyses))
    expect(Number(after.analyses)).toBeGreaterThan(Number(start.analyses))
    expect((await editorState(page)).text).toContain('高度重视')
    await cdp.detach()
    await page.close()
  }, 60_000)

  it('shows the filing dialog and, after 仍然提交, submits exactly once', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, kind)
    await draftTyped(page, kind)
    await page.waitForTimeout(400)
    const submittedBefore = demo.submissions.length
    await page.click('#submit-doc')
    const modal = page.locator('.bw-modal')
    await modal.waitFor({ timeout: 5000 })
    const action = await modal.getAttribute('data-action')
    expect(['warn', 'justify']).toContain(action)
    // Nothing reached the office system while the dialog is open.
    expect(demo.submissions.length).toBe(submittedBefore)
    await page.screenshot({ path: join(SHOTS, `e2e-${kind}-filing.png`) })
    if (action === 'justify') {
      await expect.poll(() => modal.locator('button[data-choice=submit]').isDisabled()).toBe(true)
      await modal.locator('textarea').fill('本通知为年度安全生产专项部署，已经分管领导审定。')
    }
    await Promise.all([page.waitForURL('**/demo/api/submit', { timeout: 10_000 }), modal.locator('button[data-choice=submit]').click()])
    await page.waitForSelector('#receipt')
    await page.waitForTimeout(500)
    expect(demo.submissions.length).toBe(submittedBefore + 1)
    const last = demo.submissions[demo.submissions.length - 1]!
    expect(last.title).toBe(TITLE)
    expect(last.body).toContain('高度重视')
    await page.close()
  }, 60_000)
})

describe('filing and cards', () => {
  it('返回修改 keeps the draft and submits nothing', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, 'contenteditable')
    await draftTyped(page, 'contenteditable')
    const before = demo.submissions.length
    await page.click('#submit-doc')
    await page.locator('.bw-modal button[data-choice=return]').click()
    await page.waitForTimeout(500)
    expect(await page.locator('.bw-modal').count()).toBe(0)
    expect(demo.submissions.length).toBe(before)
    expect((await editorState(page)).text).toContain('高度重视')
    await page.close()
  }, 60_000)

  it('误报 and 忽略 on the card remove the mark for this document', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, 'contenteditable')
    await draftTyped(page, 'contenteditable')
    await page.waitForTimeout(400)
    const n = Number((await hostData(page)).findings)
    await page.locator('.bw-panel .bw-item').first().click()
    await page.locator('.bw-card button[data-action=rule]').click()
    await expect.poll(() => page.locator('.bw-card .bw-rule').count()).toBe(1)
    await page.locator('.bw-card button[data-action=false-positive]').click()
    await expect.poll(async () => Number((await hostData(page)).findings)).toBe(n - 1)
    await expect.poll(() => page.locator('.bw-panel .bw-notice').textContent()).toContain('误报')
    await page.locator('.bw-panel .bw-item').first().click()
    await page.locator('.bw-card button[data-action=ignore]').click()
    await expect.poll(async () => Number((await hostData(page)).findings)).toBe(n - 2)
    await page.close()
  }, 60_000)

  it('draws overlay boxes where CSS.highlights is not used (older cores)', async () => {
    const page = await browser.context.newPage()
    await openDraft(page, demo.url, 'contenteditable', '&marks=overlay')
    await draftTyped(page, 'contenteditable')
    await page.waitForTimeout(400)
    const boxes = await page.locator('banwen-root').evaluate((h) => h.shadowRoot!.querySelectorAll('.bw-box.bw-tao').length)
    expect(boxes).toBeGreaterThan(0)
    expect(await markCounts(page, 'contenteditable')).toEqual({})
    await page.screenshot({ path: join(SHOTS, 'e2e-overlay-marked.png') })
    await page.close()
  }, 60_000)
})
