/**
 * Managed deployment in Debian's Chromium, which reads /etc/chromium/policies/managed: the
 * policy's service, unit and token win over the options page (shown locked), and its filing
 * policy decides the filing check. Runs only where the test may write that folder (root);
 * the policy file is removed afterwards.
 */
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { openTypedDraft } from './support/drafted'
import { alteredBuild } from './support/altered-build'
import { launchProfile, type ExtensionBrowser } from './support/extension-profile'
import { CHROMIUM_POLICY_ROOT, writeManagedPolicy } from './support/managed-policy'

const writable = (() => {
  let p = CHROMIUM_POLICY_ROOT
  while (!existsSync(p)) p = dirname(p)
  try {
    accessSync(p, constants.W_OK)
    return true
  } catch {
    return false
  }
})()

/** Nothing listens there: the background's sync fails fast and stays on this machine. */
const SERVICE = 'http://127.0.0.1:9'
const POLICY = { serverUrl: SERVICE, token: 'policy-token', unit: '策略下发的单位', filing: { blockBelow: 99 } }

let demo: DemoServer
let b: ExtensionBrowser
const cleanup: Array<() => void> = []

beforeAll(async () => {
  if (!writable) return
  demo = await startDemoServer({ port: 0 })
  const build = alteredBuild(() => {})
  cleanup.push(build.remove)
  cleanup.push(writeManagedPolicy(build.dir, POLICY).remove)
  const profile = mkdtempSync(join(tmpdir(), 'banwen-managed-'))
  cleanup.push(() => rmSync(profile, { recursive: true, force: true }))
  b = await launchProfile(profile, { extensionDir: build.dir })
}, 180_000)

afterAll(async () => {
  await b?.close()
  await demo?.close()
  for (const c of cleanup.reverse()) c()
})

describe.skipIf(!writable)('managed deployment (browser policy)', () => {
  it('locks the policy’s fields on the options page and uses them over local settings', async () => {
    const opts = await b.openPage('options.html')
    // A drafter's own values, saved before: the policy still wins.
    await opts.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { serverUrl: '', token: '', unit: '自己填的单位', user: 'u-own', siteProfiles: [] } }))
    await expect.poll(() => opts.locator('#unit').inputValue(), { timeout: 10_000 }).toBe(POLICY.unit)
    for (const id of ['serverUrl', 'token', 'unit']) expect(await opts.locator(`#${id}`).getAttribute('data-locked')).toBe('true')
    expect(await opts.locator('#serverUrl').inputValue()).toBe(SERVICE)
    expect(await opts.locator('#user').getAttribute('data-locked')).toBeNull()
    expect(await opts.locator('#user').inputValue()).toBe('u-own')
    expect(await opts.locator('#managed-filing').textContent()).toContain('99')
    const config = await opts.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ unit: string; filing: unknown; serverConfigured: boolean }> } } }).chrome.runtime.sendMessage({ type: 'config:get' }))
    expect(config).toMatchObject({ unit: POLICY.unit, filing: POLICY.filing, serverConfigured: true })
    // Saving the form keeps the drafter's own values underneath.
    await opts.locator('#save-connection').click()
    await opts.waitForSelector('.ok')
    const stored = await opts.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { unit: string }>> } } } }).chrome.storage.local.get('settings'))
    expect(stored.settings!.unit).toBe('自己填的单位')
    await opts.close()
  }, 60_000)

  it('files by the policy’s filing rules: below its block line the draft cannot be submitted', async () => {
    const page = await b.context.newPage()
    await openTypedDraft(page, demo.url)
    const before = demo.submissions.length
    await page.click('#submit-doc')
    const modal = page.locator('.bw-modal')
    await modal.waitFor({ timeout: 8000 })
    expect(await modal.getAttribute('data-action')).toBe('block')
    expect(await modal.locator('button[data-choice=submit]').count()).toBe(0)
    await modal.locator('button[data-choice=return]').click()
    await page.waitForTimeout(500)
    expect(demo.submissions.length).toBe(before)
    await page.close()
  }, 60_000)
})
