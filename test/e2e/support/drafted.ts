/** A demo draft page with the test draft typed in and analysed: the start of several e2e tests. */
import type { Page } from 'playwright-core'
import { DRAFT, TITLE } from '../../fixtures/drafts'
import { openDraft, typeDraft, type Kind } from '../page'

export async function openTypedDraft(page: Page, base: string, kind: Kind = 'contenteditable'): Promise<void> {
  // Room for the in-page panel beside the editor (narrower, it collapses to its score badge).
  await page.setViewportSize({ width: 1600, height: 1000 })
  await openDraft(page, base, kind)
  await page.fill('#doc-title', TITLE)
  await page.selectOption('#doc-type', '通知')
  await typeDraft(page, kind, DRAFT)
  await page.waitForFunction(() => Number(document.querySelector('banwen-root')?.getAttribute('data-findings') ?? 0) >= 4, null, { timeout: 10_000 })
}

/** Types lines into whatever has the focus, as a drafter would. */
export async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.insertText(line)
    await page.keyboard.press('Enter')
  }
}
