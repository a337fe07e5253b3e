/**
 * The editors office systems embed (wangEditor 5, Quill 2, CKEditor 4 classic and full-page,
 * Tiptap), and 采纳 in every editor of the suite: marks drawn without touching the editor's
 * document, marks that stay on their words while the editor re-renders, a draft loaded by
 * CKEditor 4's setData() marked at once, and a fix applied with one Ctrl+Z to take it back.
 * One browser for the file; one page per editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { launchWithExtension, type Launched } from './browser'
import { editorState, focusEnd, hostData, markCounts, openDraft, repaintWithoutEdit, typeDraft, type Kind, type OfficeKind } from './page'

const OFFICE: OfficeKind[] = ['wangeditor', 'quill', 'ckeditor4', 'ckeditor4-full', 'tiptap']
const ALL: Kind[] = ['textarea', 'contenteditable', 'iframe', 'tinymce', 'ckeditor5', ...OFFICE]
/** Our own sentences: 套话 with a 采纳 fix (delete / replace) and 增负要求 without one. */
const LINES = ['各施工队要以只争朝夕的精神抢修水毁道路。', '各校要切实加强校车接送管理。', '各村要建立巡查台账，每日报送照片。']
/** Words the rules mark for sure (the model may add whole sentences when it has loaded). */
// 每日报送 and 报送照片 overlap: the engine shows one finding per span (报送照片, the stronger).
const MARKED = ['以只争朝夕的精神', '切实加强', '建立巡查台账', '报送照片']

let demo: DemoServer
let browser: Launched

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 })
  browser = await launchWithExtension({ viewport: { width: 1600, height: 1000 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

/** The words under every drawn mark (CSS highlights in the editor's document), sorted. */
const markedWords = (page: Page) =>
  page.evaluate(() => {
    const w = (window as unknown as { demoEditor: { element: HTMLElement } }).demoEditor.element.ownerDocument.defaultView as unknown as { CSS: { highlights: Map<string, Set<Range>> } }
    const out: string[] = []
    for (const [name, h] of w.CSS.highlights) if (name.startsWith('banwen-') && name !== 'banwen-active') for (const r of h) out.push(r.toString())
    return out.sort()
  })

/** Findings of one rule in the panel. */
const ofRule = (page: Page, rule: string) => page.locator(`.bw-panel .bw-item[data-finding^="${rule}:"]`).count()

async function typed(page: Page, kind: Kind): Promise<void> {
  await openDraft(page, demo.url, kind)
  await typeDraft(page, kind, LINES)
  await page.waitForFunction(() => Number(document.querySelector('banwen-root')?.getAttribute('data-findings') ?? 0) >= 4, null, { timeout: 10_000 })
  await page.waitForTimeout(400)
}

describe.each(OFFICE)('%s', (kind) => {
  it('marks the right words, never touches the editor, follows re-renders and waits for the IME', async () => {
    const page = await browser.context.newPage()
    await typed(page, kind)
    const settled = await markedWords(page)
    expect(settled).toEqual(expect.arrayContaining(MARKED))
    const counts = await markCounts(page, kind)
    expect(counts.tao).toBeGreaterThanOrEqual(2)
    expect(counts.burden).toBeGreaterThan(0)

    // A repaint with no edit, and a hover over a finding: the editor's HTML and model stay byte-identical.
    const { before, after, mutations } = await repaintWithoutEdit(page)
    expect(mutations).toBe(0)
    expect(after.html).toBe(before.html)
    expect(after.data).toBe(before.data)
    expect(after.data).not.toMatch(/banwen|highlight/)

    // Typing in a marked paragraph: marks stay on their words right after each keystroke
    // (Slate re-renders the paragraph's text nodes), long before the next analysis.
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('End')
    for (const ch of ['由', '镇']) {
      const analyses = (await hostData(page)).analyses
      await page.keyboard.insertText(ch)
      await page.waitForTimeout(30)
      expect((await hostData(page)).analyses).toBe(analyses)
      expect(await markedWords(page)).toEqual(settled)
    }

    // Pinyin being composed: no analysis and no repaint until it is committed.
    await focusEnd(page, kind)
    await page.waitForTimeout(500)
    const cdp = await browser.context.newCDPSession(page)
    const start = await hostData(page)
    for (const text of ['q', 'qie', 'qieshi', '切实']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
      await page.waitForTimeout(150)
    }
    await page.waitForTimeout(450)
    expect((await hostData(page)).analyses).toBe(start.analyses)
    await cdp.send('Input.insertText', { text: '切实加强' })
    await expect.poll(async () => (await markedWords(page)).filter((w) => w === '切实加强').length, { timeout: 5000 }).toBe(2)
    await cdp.detach()
    await page.close()
  }, 60_000)
})

describe.each(['ckeditor4', 'ckeditor4-full'] as const)('%s setData()', (kind) => {
  it('marks a draft loaded by setData at once, and nothing of ours enters getData()', async () => {
    const page = await browser.context.newPage()
    await typed(page, kind)
    // How office systems load a saved draft: setData rewrites the iframe with document.write.
    // getData is read in the same task as the load finishes, before the extension could act.
    const loaded = await page.evaluate(async (lines) => {
      const api = (window as unknown as { demoEditor: { setText(t: string): Promise<void>; getHtml(): string } }).demoEditor
      await api.setText(lines.join('\n'))
      return { data: api.getHtml(), at: performance.now() }
    }, ['各乡镇要以敢打硬仗的精神推进拆迁。', '各村要建立台账。'])
    await expect.poll(() => markedWords(page), { timeout: 3000 }).toEqual(expect.arrayContaining(['以敢打硬仗的精神', '建立台账']))
    const drawnAfter = (await page.evaluate(() => performance.now())) - loaded.at
    // The styles are adopted by the rewritten document, not a <style> inside it.
    const styles = await page.evaluate(() => {
      const doc = (window as unknown as { demoEditor: { element: HTMLElement } }).demoEditor.element.ownerDocument
      return { adopted: doc.adoptedStyleSheets.length, ours: [...doc.querySelectorAll('style')].filter((s) => /highlight/.test(s.textContent ?? '')).length }
    })
    expect(styles).toEqual({ adopted: 1, ours: 0 })
    expect(drawnAfter).toBeLessThan(3000)
    // Byte-identical before and after the extension analysed and marked the loaded draft.
    expect((await editorState(page)).data).toBe(loaded.data)
    if (kind === 'ckeditor4-full') expect(loaded.data).toMatch(/^<!DOCTYPE html>[\s\S]*<head>[\s\S]*<\/head>/)
    await page.close()
  }, 60_000)
})

describe('采纳', () => {
  it('uses the words where they are now, right after the drafter typed before them (wangEditor)', async () => {
    const page = await browser.context.newPage()
    await typed(page, 'wangeditor')
    const original = (await editorState(page)).data
    // Text typed at the start shifts every offset; 采纳 follows within the debounce, before any new analysis.
    await page.keyboard.press('Control+Home')
    await page.keyboard.insertText('一、')
    // On a busy machine the new analysis can land first and close the card (its finding moved):
    // open it again then. The stale case is what an idle machine tests.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.locator('.bw-panel .bw-item[data-finding^="tao.zhengzhi.yi-jingshen:"]').click({ timeout: 3000 })
        await page.locator('.bw-card button[data-action=apply]').click({ timeout: 3000 })
        break
      } catch (e) {
        if (attempt === 5) throw e
      }
    }
    const expected = original.replace('各施工队要以只争朝夕的精神', '一、各施工队要')
    await expect.poll(async () => (await editorState(page)).data, { timeout: 5000 }).toBe(expected)
    await page.close()
  }, 60_000)


  it.each(ALL)('%s: applies the fix through the editor, and one Ctrl+Z takes it back', async (kind) => {
    const page = await browser.context.newPage()
    await typed(page, kind)
    const cases = [
      { rule: 'tao.zhengzhi.yi-jingshen', from: '各施工队要以只争朝夕的精神抢修水毁道路', to: '各施工队要抢修水毁道路' },
      { rule: 'tao.stock.qieshi-jiaqiang', from: '各校要切实加强校车接送管理', to: '各校要加强校车接送管理' },
    ]
    for (const c of cases) {
      // The drafter types just before 采纳: undoing the fix must leave that typing in place
      // (TinyMCE and CKEditor 4 would fold the fix into it, Quill merges changes < 1 s apart).
      const typedCount = (await editorState(page)).data.split('另').length
      await focusEnd(page, kind)
      await page.keyboard.insertText('另')
      await expect.poll(async () => (await editorState(page)).data.split('另').length).toBe(typedCount + 1)
      const original = (await editorState(page)).data
      expect(await ofRule(page, c.rule)).toBe(1)
      await page.locator(`.bw-panel .bw-item[data-finding^="${c.rule}:"]`).click()
      await page.locator('.bw-card button[data-action=apply]').click()
      // The editor's own serialisation (its model) shows the change, and only that change.
      await expect.poll(async () => (await editorState(page)).data, { timeout: 5000 }).toBe(original.replace(c.from, c.to))
      await expect.poll(() => page.locator('.bw-panel .bw-notice').textContent()).toContain('已采纳')
      await expect.poll(() => ofRule(page, c.rule)).toBe(0)
      // Focus is back in the editor: one Ctrl+Z restores the draft exactly.
      await page.keyboard.press('Control+z')
      await expect.poll(async () => (await editorState(page)).data, { timeout: 5000 }).toBe(original)
      await expect.poll(() => ofRule(page, c.rule)).toBe(1)
    }
    await page.close()
  }, 60_000)
})
