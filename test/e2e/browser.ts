/**
 * Shared by the end-to-end tests and the benchmark: builds the extension when its output is
 * missing or older than its sources, and launches Debian's Chromium with it loaded.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Worker, type BrowserContext } from 'playwright-core'

export const ROOT = resolve(import.meta.dirname, '../..')
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p))
    else newest = Math.max(newest, statSync(p).mtimeMs)
  }
  return newest
}

/** Builds .output/chrome-mv3 unless it exists and is newer than extension/, core/, the model and the config. */
export function ensureExtensionBuilt(): string {
  const manifest = join(EXTENSION_DIR, 'manifest.json')
  // The build ships the model folder too, so a retrained model makes the output stale.
  const sources = Math.max(...['extension', 'core', 'models/banwen-zh'].map((d) => newestMtime(join(ROOT, d))), statSync(join(ROOT, 'wxt.config.ts')).mtimeMs)
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < sources) {
    // vitest sets NODE_ENV=test, which makes Vite emit React's dev JSX calls against the production runtime.
    execSync('npx wxt build', { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } })
  }
  return EXTENSION_DIR
}

export interface Launched {
  context: BrowserContext
  close(): Promise<void>
}

/**
 * The editor suites exercise adapters, marks and dialogs with every rule, whatever its tier: the
 * extension starts in 严格模式 unless a test asks for the default (test/e2e/tiers.test.ts).
 */
export async function setStrict(worker: Worker, strict: boolean): Promise<void> {
  // On first start the background stores default settings (it makes the pseudonym); that write can
  // land after ours. So write with a user code (no reason for it to write again), then check that
  // the setting has stayed put before any page reads it.
  await worker.evaluate(async (on) => {
    const local = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { strict?: boolean; user?: string }>>; set(x: object): Promise<void> } } } }).chrome.storage.local
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
    for (let stable = 0, tries = 0; stable < 2; tries++) {
      if (tries > 40) throw new Error('严格模式设置没有保存下来')
      const current = (await local.get('settings')).settings ?? {}
      if (current.strict === on && current.user) stable++
      else {
        stable = 0
        await local.set({ settings: { ...current, user: current.user ?? 'u-e2e0000', strict: on } })
      }
      await pause(150)
    }
  }, strict)
}

export async function launchWithExtension(opts: { viewport?: { width: number; height: number }; strict?: boolean } = {}): Promise<Launched> {
  const dir = ensureExtensionBuilt()
  const userDataDir = mkdtempSync(join(tmpdir(), 'banwen-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  })
  // The service worker registering means the extension is loaded.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  await setStrict(worker, opts.strict ?? true)
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
