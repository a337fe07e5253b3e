/**
 * Chromium with the built extension on a profile folder the test keeps, so a test can close the
 * browser and start it again on the same chrome.storage (test/e2e/browser.ts uses a fresh one).
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core'
import { CHROMIUM, ensureExtensionBuilt, EXTENSION_DIR, ROOT, setStrict } from '../browser'

export interface ExtensionBrowser {
  context: BrowserContext
  worker: Worker
  extensionId: string
  /** A page of the extension (chrome-extension://<id>/<path>). */
  openPage(path: string): Promise<Page>
  close(): Promise<void>
}

export interface ProfileOptions {
  /** Another build of the extension (a test's altered copy of the output). */
  extensionDir?: string
  /** More Chromium switches (e.g. turning a web platform feature off). */
  args?: string[]
  /** 严格模式 (default on for the suites, which test mechanics, not tiers). */
  strict?: boolean
}

export async function launchProfile(userDataDir: string, opts: ProfileOptions = {}): Promise<ExtensionBrowser> {
  const dir = opts.extensionDir ?? ensureExtensionBuilt()
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...(opts.args ?? [])],
  })
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  const extensionId = new URL(worker.url()).host
  await setStrict(worker, opts.strict ?? true)
  return {
    context,
    worker,
    extensionId,
    openPage: async (path) => {
      const page = await context.newPage()
      await page.goto(`chrome-extension://${extensionId}/${path}`)
      return page
    },
    close: () => context.close(),
  }
}
