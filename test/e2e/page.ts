/** Page-side helpers for the demo office page: typing into each editor kind, reading marks. */
import type { Page } from 'playwright-core'

export type Kind = 'textarea' | 'contenteditable' | 'iframe' | 'tinymce' | 'ckeditor5' | OfficeKind
/** The editors office systems embed (demo/public/office-editors.js). */
export type OfficeKind = 'wangeditor' | 'quill' | 'ckeditor4' | 'ckeditor4-full' | 'tiptap'

const CLICK_TARGET: Record<OfficeKind, string> = {
  wangeditor: '[data-slate-editor]',
  quill: '.ql-editor',
  ckeditor4: 'iframe.cke_wysiwyg_frame',
  'ckeditor4-full': 'iframe.cke_wysiwyg_frame',
  tiptap: '.ProseMirror',
}

export interface HostData {
  editors?: string
  paintSeq?: string
  analyses?: string
  lastPaint?: string
  analysisMs?: string
  paintMs?: string
  runAt?: string
  score?: string
  findings?: string
}

export async function openDraft(page: Page, base: string, kind: Kind, query = ''): Promise<void> {
  await page.goto(`${base}/demo/draft.html?editor=${kind}${query}`)
  await page.waitForSelector('html[data-editor-ready]', { timeout: 20_000 })
  // The extension's host appears once it has found the editor (late iframes: within its 2 s poll).
  await page.waitForFunction(() => !!document.querySelector('banwen-root')?.getAttribute('data-editors'), null, { timeout: 15_000 })
}

export const hostData = (page: Page): Promise<HostData> =>
  page.evaluate(() => ({ ...(document.querySelector('banwen-root') as HTMLElement | null)?.dataset }))

export async function waitForAnalyses(page: Page, above: number, timeout = 10_000): Promise<HostData> {
  await page.waitForFunction((n) => Number(document.querySelector('banwen-root')?.getAttribute('data-analyses') ?? 0) > n, above, { timeout })
  return hostData(page)
}

/** Puts the caret at the end of the editor's text, by clicking into it and pressing Ctrl+End. */
export async function focusEnd(page: Page, kind: Kind): Promise<void> {
  if (kind === 'tinymce' || kind === 'iframe') {
    const sel = kind === 'tinymce' ? 'iframe.tox-edit-area__iframe' : '#doc-editor-frame'
    await page.frameLocator(sel).locator('body').click()
  } else if (kind in CLICK_TARGET) {
    const sel = CLICK_TARGET[kind as OfficeKind]
    if (sel.startsWith('iframe')) await page.frameLocator(sel).locator('body').click()
    else await page.locator(sel).click()
  } else if (kind === 'ckeditor5') {
    await page.locator('.ck-editor__editable').click()
  } else {
    await page.locator('#doc-editor').click()
  }
  await page.keyboard.press('Control+End')
}

/** Types a draft line by line, as a drafter (or an IME committing text) would. */
export async function typeDraft(page: Page, kind: Kind, lines: string[]): Promise<void> {
  await focusEnd(page, kind)
  for (let i = 0; i < lines.length; i++) {
    await page.keyboard.insertText(lines[i]!)
    if (i < lines.length - 1) await page.keyboard.press('Enter')
  }
}

/** The editor's own state: its text and HTML, and the editor's serialisation (getContent/getData). */
export function editorState(page: Page): Promise<{ text: string; html: string; data: string }> {
  return page.evaluate(() => {
    const api = (window as unknown as { demoEditor: { element: HTMLElement; getHtml(): string } }).demoEditor
    const el = api.element
    const isField = el.tagName === 'TEXTAREA'
    return {
      text: isField ? (el as HTMLTextAreaElement).value : el.innerText,
      html: isField ? el.outerHTML + '\u0000' + (el as HTMLTextAreaElement).value : el.innerHTML,
      data: api.getHtml(),
    }
  })
}

/** Counts of drawn marks per category: CSS highlights in the editor's document, or mirror spans. */
export function markCounts(page: Page, kind: Kind): Promise<Record<string, number>> {
  return page.evaluate((k) => {
    const out: Record<string, number> = {}
    if (k === 'textarea') {
      const root = document.querySelector('banwen-root')!.shadowRoot!
      for (const el of root.querySelectorAll('.bw-m')) {
        const cat = [...el.classList].find((c) => c.startsWith('bw-') && c !== 'bw-m' && c !== 'bw-active')!.slice(3)
        out[cat] = (out[cat] ?? 0) + 1
      }
      return out
    }
    const api = (window as unknown as { demoEditor: { element: HTMLElement } }).demoEditor
    const win = api.element.ownerDocument.defaultView as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }
    for (const [name, h] of win.CSS.highlights) if (name.startsWith('banwen-') && h.size) out[name.slice(7)] = h.size
    return out
  }, kind)
}

/** Counts DOM mutations of the editor's content from now until `stop()`. */
export async function watchMutations(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const api = (window as unknown as { demoEditor: { element: HTMLElement } }).demoEditor
    const w = window as unknown as { __mut: number; __obs: MutationObserver }
    w.__mut = 0
    w.__obs = new MutationObserver((recs) => {
      // The root's own attributes (focus classes) are editor chrome; its content is what counts.
      w.__mut += recs.filter((r) => !(r.type === 'attributes' && r.target === api.element)).length
    })
    w.__obs.observe(api.element, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __mut: number; __obs: MutationObserver }
      w.__obs.disconnect()
      return w.__mut
    })
}

/**
 * Repaints with no edit (the 文种 changed in the panel) and hovers a finding, watching the
 * editor: its state before and after, and how many DOM mutations it saw meanwhile.
 */
export async function repaintWithoutEdit(page: Page): Promise<{ before: Awaited<ReturnType<typeof editorState>>; after: Awaited<ReturnType<typeof editorState>>; mutations: number }> {
  const before = await editorState(page)
  const stop = await watchMutations(page)
  const seq = Number((await hostData(page)).paintSeq)
  await page.locator('.bw-panel select').selectOption('方案')
  await page.waitForFunction((n) => Number(document.querySelector('banwen-root')?.getAttribute('data-paint-seq')) > n, seq)
  // Hover and open a card too: reading positions must not touch the editor either.
  await page.locator('.bw-panel .bw-item').first().hover()
  await page.waitForTimeout(300)
  const after = await editorState(page)
  return { before, after, mutations: await stop() }
}
