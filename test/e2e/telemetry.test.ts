/**
 * The background against the real service, in Debian's Chromium: options page set-up, rules sync
 * with ETag, telemetry from the filing check, the persistent queue across a service outage and a
 * browser restart (each event delivered exactly once), and the offscreen model against Node's.
 * A recording proxy sits between the extension and the service to see what was sent.
 */
import { DRAFT, MODEL_SENTENCES, TITLE } from '../fixtures/drafts'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { defaultRuleSetInput, type TelemetryEvent } from '../../core'
import { loadNodeClassifier } from '../../models/runtime/node'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { ROOT } from './browser'
import { openDraft, typeDraft } from './page'
import { launchProfile, type ExtensionBrowser } from './support/extension-profile'
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy'
import { createService, type Service } from './support/service'

const SHOTS = join(ROOT, 'test-results')
const UNIT = '测试县农业农村局'
const USER = 'u-e2e0001'
/** Pieces of the draft that must never appear in anything sent to the service. */
const DRAFT_ONLY = ['临水临崖', '巡查照片', '钉钉子精神', '农村道路交通安全']

let svc: Service
let proxy: RecordingProxy
let demo: DemoServer
let b: ExtensionBrowser
let opts: Page
let token: string
const profileDir = mkdtempSync(join(tmpdir(), 'banwen-e2e-profile-'))

/** chrome.runtime.sendMessage from an extension page: what a content script's send() does. */
const message = <T,>(page: Page, msg: unknown): Promise<T> =>
  page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), msg) as Promise<T>

const stored = <T,>(page: Page, key: string): Promise<T | undefined> =>
  page.evaluate(async (k) => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k))[k], key) as Promise<T | undefined>

let seq = 0
function events(n: number, tag: string): TelemetryEvent[] {
  return Array.from({ length: n }, () => ({
    id: `e2e-${tag}-${String(++seq).padStart(6, '0')}`,
    kind: 'analyzed' as const,
    at: new Date().toISOString(),
    unit: UNIT,
    user: USER,
    docType: '通知',
    chars: 1800,
    cap: 3000,
    score: 64,
    counts: { tao: 3, burden: 1, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 },
    ruleIds: ['tao.gaodu-zhongshi'],
    rulesetVersion: 'e2e',
    extensionVersion: '0.1.0',
  }))
}

const eventCount = async () => (await svc.api<{ totals: { byKind: Record<string, number> } }>('/api/stats/overview?basis=all')).totals.byKind.analyzed ?? 0
const telemetryPosts = () => proxy.exchanges.filter((x) => x.method === 'POST' && x.path.startsWith('/api/telemetry'))
const servedRules = () => fetch(`${svc.url}/api/rules?unit=${encodeURIComponent(UNIT)}`, { headers: { Authorization: `Bearer ${token}` } }).then(async (r) => ({ etag: r.headers.get('etag'), version: ((await r.json()) as { version: string }).version }))

/** Every id is in a batch the service answered with 2xx. */
const accepted = (ids: string[]) => {
  const ok = new Set(telemetryPosts().filter((x) => x.status >= 200 && x.status < 300).flatMap((x) => x.ids))
  return ids.every((id) => ok.has(id))
}

/** Every id went out in exactly one batch the service answered with 2xx. */
function deliveredOnce(ids: string[]) {
  const accepted = telemetryPosts().filter((x) => x.status >= 200 && x.status < 300)
  const times = new Map<string, number>()
  for (const x of accepted) for (const id of x.ids) times.set(id, (times.get(id) ?? 0) + 1)
  expect(ids.filter((id) => times.get(id) !== 1)).toEqual([])
  expect(Math.max(...accepted.map((x) => x.ids.length))).toBeLessThanOrEqual(500)
}

async function openOptions(): Promise<Page> {
  const page = await b.openPage('options.html')
  await page.waitForSelector('#pending-count')
  return page
}

/** The score once analysis has settled (the model's scores arrive after the rules'). */
async function settledScore(page: Page): Promise<string> {
  let last = ''
  let since = Date.now()
  for (const start = Date.now(); Date.now() - start < 15_000; await page.waitForTimeout(100)) {
    const now = `${await page.locator('banwen-root').getAttribute('data-score')}|${await page.locator('banwen-root').getAttribute('data-analyses')}`
    if (now !== last) [last, since] = [now, Date.now()]
    else if (Date.now() - since > 1500) break
  }
  return last.split('|')[0]!
}

const pendingShown = async () => Number(await opts.locator('#pending-count').textContent())

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  svc = await createService()
  await svc.start()
  token = (await svc.api<{ token: string }>('/api/tokens', { body: { role: 'drafter', name: '端到端测试', unit: UNIT } })).token
  proxy = await startRecordingProxy(svc.port)
  demo = await startDemoServer({ port: 0 })
  b = await launchProfile(profileDir)
  opts = await openOptions()
}, 180_000)

afterAll(async () => {
  await b?.close().catch(() => {})
  await demo?.close()
  await proxy?.close()
  await svc?.dispose()
  rmSync(profileDir, { recursive: true, force: true })
})

describe('background with the real service', () => {
  it('is configured on the options page and switches to the service rule set', async () => {
    expect(await opts.locator('#ruleset-version').textContent()).toBe(String(defaultRuleSetInput.version))
    await opts.fill('#serverUrl', proxy.url)
    await opts.fill('#token', token)
    await opts.fill('#unit', UNIT)
    await opts.fill('#user', USER)
    await opts.click('#save-connection')
    await opts.locator('#connection .ok').waitFor()
    const served = await servedRules()
    await expect.poll(() => opts.locator('#sync').textContent(), { timeout: 15_000 }).toContain('来自服务')
    expect(await opts.locator('#ruleset-version').textContent()).toBe(served.version)
    const config = await message<{ unit: string; user: string; serverConfigured: boolean; storeText: boolean; ruleSet: { version: string } }>(opts, { type: 'config:get' })
    expect(config).toMatchObject({ unit: UNIT, user: USER, serverConfigured: true, storeText: false, ruleSet: { version: served.version } })
    // Site profiles: a bad one is refused with a clear message, a good one is saved.
    await opts.fill('#profiles-json', '[{"name":"OA","match":"oa.example.gov.cn","editor":"#a[","submit":[]}]')
    await opts.click('#save-profiles')
    await expect.poll(() => opts.locator('#profiles .errors').textContent()).toMatch(/第 1 项 match.*第 1 项 editor/s)
    await opts.fill('#profiles-json', '[{"name":"OA","match":"https://oa.example.gov.cn/*","editor":"#content","submit":["#btnSubmit"]}]')
    await opts.click('#save-profiles')
    await opts.locator('#profiles .ok').waitFor()
    expect((await message<{ siteProfiles: Array<{ match: string }> }>(opts, { type: 'config:get' })).siteProfiles.map((p) => p.match)).toEqual(['https://oa.example.gov.cn/*'])
    await opts.screenshot({ path: join(SHOTS, 'e2e-options.png'), fullPage: true })
  }, 60_000)

  it('picks up a newly published rule set via ETag, and a 304 keeps the cache', async () => {
    const before = await servedRules()
    const since = proxy.exchanges.length
    await svc.api('/api/rulesets', { body: { ruleSet: { ...structuredClone(defaultRuleSetInput), version: 'e2e-2' }, note: '端到端测试' } })
    const after = await servedRules()
    expect(after.etag).not.toBe(before.etag)
    await opts.click('#sync-now')
    await expect.poll(() => opts.locator('#ruleset-version').textContent(), { timeout: 15_000 }).toBe(after.version)
    const asked = proxy.exchanges.slice(since).filter((x) => x.path.startsWith('/api/rules'))
    expect(asked.at(-1)).toMatchObject({ ifNoneMatch: before.etag, status: 200 })
    const cached = await stored<{ etag: string; syncedAt: string }>(opts, 'rules')
    expect(cached!.etag).toBe(after.etag)

    // Nothing new: the service answers 304 and the cached set stays as it was.
    const since304 = proxy.exchanges.length
    await opts.click('#sync-now')
    await opts.locator('#sync-result').waitFor()
    await expect.poll(() => proxy.exchanges.slice(since304).filter((x) => x.path.startsWith('/api/rules')).map((x) => [x.ifNoneMatch, x.status])).toEqual([[after.etag, 304]])
    expect(await stored<{ syncedAt: string }>(opts, 'rules')).toEqual(cached)
    expect((await message<{ ruleSet: { version: string } }>(opts, { type: 'config:get' })).ruleSet.version).toBe(after.version)
  }, 60_000)

  it("passes on the unit's text policy and answers quota:get from the service (warn → near)", async () => {
    await svc.api(`/api/units/${encodeURIComponent(UNIT)}/policy`, { method: 'PUT', body: { storeText: true } })
    await opts.click('#sync-now')
    await expect.poll(async () => (await message<{ storeText: boolean }>(opts, { type: 'config:get' })).storeText, { timeout: 10_000 }).toBe(true)

    // Four documents filed this year against a quota of five: 80 %, the service's 'warn'.
    const filed = events(4, 'filed').map((e, i) => ({ ...e, kind: 'filed' as const, action: 'submitted' as const, docHash: String(i + 1).repeat(64) }))
    await message(opts, { type: 'telemetry:push', events: filed })
    await expect.poll(() => accepted(filed.map((e) => e.id)), { timeout: 15_000 }).toBe(true)
    await svc.api(`/api/units/${encodeURIComponent(UNIT)}/quota`, { method: 'PUT', body: { year: new Date().getFullYear(), total: 5 } })
    expect(await message(opts, { type: 'quota:get' })).toEqual({ filed: 4, quota: 5, level: 'near' })
  }, 60_000)

  it('sends the filing decision to the service with the configured unit and user, and no document text even where the policy would allow it', async () => {
    const page = await b.context.newPage()
    await openDraft(page, demo.url, 'textarea')
    await page.fill('#doc-title', TITLE)
    await page.selectOption('#doc-type', '通知')
    await typeDraft(page, 'textarea', DRAFT)
    await page.waitForFunction(() => Number(document.querySelector('banwen-root')?.getAttribute('data-findings') ?? 0) >= 3, null, { timeout: 10_000 })
    const score = Math.round(Number(await settledScore(page)))

    // The popup shows this tab's score (tab:status), opened for that tab.
    const [tab] = await opts.evaluate((u) => (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<Array<{ id: number }>> } } }).chrome.tabs.query({ url: `${u}/*` }), demo.url)
    const popup = await b.openPage(`popup.html?tab=${tab!.id}`)
    await expect.poll(() => popup.locator('#score').textContent().catch(() => null), { timeout: 10_000 }).toBe(String(score))
    await popup.locator('main').screenshot({ path: join(SHOTS, 'e2e-popup.png') })
    await popup.close()
    // A hidden tab gets no animation frames, and the extension's UI renders on them.
    await page.bringToFront()

    const before = telemetryPosts().length
    await page.click('#submit-doc')
    // Below the warning threshold a dialog asks first; above it the form goes straight through.
    const modal = page.locator('.bw-modal')
    await expect.poll(async () => (await modal.count()) > 0 || !page.url().includes('draft.html'), { timeout: 10_000 }).toBe(true)
    if (await modal.count()) {
      if ((await modal.getAttribute('data-action')) === 'justify') await modal.locator('textarea').fill('本通知为年度专项部署，已经分管领导审定。')
      await Promise.all([page.waitForURL('**/demo/api/submit', { timeout: 10_000 }), modal.locator('button[data-choice=submit]').click()])
    }
    const delivered = () => telemetryPosts().slice(before).filter((x) => x.status === 200).flatMap((x) => (JSON.parse(x.body) as { events: TelemetryEvent[] }).events)
    // Filed either straight through or past the check: the quota counts the filed event.
    await expect.poll(() => delivered().some((e) => e.kind === 'filed' && (e.action === 'pass' || e.action === 'submitted')), { timeout: 15_000 }).toBe(true)
    const sent = delivered()
    if (sent.some((e) => e.kind === 'override')) expect(sent.filter((e) => e.kind === 'filed' && e.action === 'submitted')).toHaveLength(1)
    for (const e of sent) expect(e).toMatchObject({ unit: UNIT, user: USER })
    for (const x of proxy.exchanges) for (const piece of DRAFT_ONLY) expect(x.body).not.toContain(piece)
    await page.close()
  }, 90_000)

  it('sends 采纳 and 忽略 to the service per rule, without the text', async () => {
    const page = await b.context.newPage()
    await openDraft(page, demo.url, 'contenteditable')
    await typeDraft(page, 'contenteditable', ['各施工队要以只争朝夕的精神抢修水毁道路。', '各村要建立巡查台账。'])
    // Under the whole suite's load the first analysis can take longer than alone (10 s timed out once).
    await page.waitForFunction(() => Number(document.querySelector('banwen-root')?.getAttribute('data-findings') ?? 0) >= 2, null, { timeout: 25_000 })
    const before = telemetryPosts().length
    // This profile's window is narrow: the panel starts collapsed beside the editor.
    if (await page.locator('.bw-panel.bw-collapsed').count()) await page.locator('.bw-panel.bw-collapsed').click()
    await page.locator('.bw-panel .bw-item[data-finding^="tao.zhengzhi.yi-jingshen:"]').click()
    await page.locator('.bw-card button[data-action=apply]').click()
    await expect.poll(() => page.locator('[contenteditable]').first().innerText()).not.toContain('只争朝夕')
    const burden = page.locator('.bw-panel .bw-item[data-category=burden]').first()
    const burdenRule = (await burden.getAttribute('data-finding'))!.split(':')[0]
    await burden.click()
    await page.locator('.bw-card button[data-action=ignore]').click()
    const delivered = () => telemetryPosts().slice(before).filter((x) => x.status === 200).flatMap((x) => (JSON.parse(x.body) as { events: TelemetryEvent[] }).events)
    await expect.poll(() => delivered().map((e) => `${e.kind} ${e.ruleId}`).sort(), { timeout: 20_000 }).toEqual(['apply tao.zhengzhi.yi-jingshen', `dismiss ${burdenRule}`].sort())
    for (const x of proxy.exchanges.slice(-5)) expect(x.body).not.toMatch(/抢修水毁|巡查台账/)
    await page.close()
  }, 60_000)

  it('queues events while the service is down, shows them, and delivers each exactly once when it returns', async () => {
    const countBefore = await eventCount()
    await svc.stop()
    const batch = events(1200, 'outage')
    expect(await message(opts, { type: 'telemetry:push', events: batch })).toEqual({ queued: 1200 })
    // The options page shows the queue, and the failed attempt.
    await expect.poll(pendingShown, { timeout: 10_000 }).toBe(1200)
    await expect.poll(() => telemetryPosts().some((x) => x.status === 0), { timeout: 10_000 }).toBe(true)
    await opts.locator('#telemetry-error').waitFor()
    await opts.screenshot({ path: join(SHOTS, 'e2e-options-queued.png'), fullPage: true })
    await new Promise((r) => setTimeout(r, 3000))
    expect(await pendingShown()).toBe(1200)

    // Back again: the back-off timer sends everything without anyone asking.
    await svc.start()
    await expect.poll(pendingShown, { timeout: 60_000, interval: 500 }).toBe(0)
    deliveredOnce(batch.map((e) => e.id))
    expect(await eventCount()).toBe(countBefore + 1200)
    expect((await stored<{ attempt: number; lastError: string | null }>(opts, 'telemetry:state'))!).toMatchObject({ attempt: 0, lastError: null })
  }, 120_000)

  it('sets aside the events the service refuses, shows them with the reason, and lets the user retry or discard them', async () => {
    const good = events(5, 'aside-ok')
    const foreign = events(2, 'aside-bad').map((e) => ({ ...e, unit: '别的单位' }))
    await message(opts, { type: 'telemetry:push', events: [...good.slice(0, 3), ...foreign, ...good.slice(3)] })
    await expect.poll(() => accepted(good.map((e) => e.id)), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => opts.locator('#aside-count').textContent().catch(() => null), { timeout: 10_000 }).toBe('2')
    expect(await opts.locator('#aside-reasons').textContent()).toMatch(/服务拒收.*本单位.*（2 条）/)
    expect(await pendingShown()).toBe(0)
    await opts.screenshot({ path: join(SHOTS, 'e2e-options-aside.png'), fullPage: true })

    // Retried as they are, the service refuses them again: back aside, not lost, not looping.
    const posts = telemetryPosts().length
    await opts.click('#aside-retry')
    await expect.poll(() => opts.locator('#aside-result').textContent().catch(() => null), { timeout: 15_000 }).toMatch(/已放回队列 2 条/)
    await expect.poll(() => opts.locator('#aside-count').textContent().catch(() => null), { timeout: 10_000 }).toBe('2')
    expect(telemetryPosts().length - posts).toBeLessThanOrEqual(3)

    opts.once('dialog', (d) => void d.accept())
    await opts.click('#aside-discard')
    await expect.poll(() => opts.locator('#aside-result').textContent().catch(() => null), { timeout: 10_000 }).toBe('已丢弃 2 条')
    // The page redraws from storage, a moment after the background's answer.
    await expect.poll(() => opts.locator('#aside-count').count(), { timeout: 10_000 }).toBe(0)
    await expect.poll(() => opts.locator('#sync').textContent(), { timeout: 10_000 }).toMatch(/手动丢弃被拒收的 2 条/)
  }, 60_000)

  it('keeps the queue across a browser restart and delivers it once the service is back', async () => {
    const countBefore = await eventCount()
    await svc.stop()
    const batch = events(25, 'restart')
    expect(await message(opts, { type: 'telemetry:push', events: batch })).toEqual({ queued: 25 })
    await expect.poll(pendingShown, { timeout: 10_000 }).toBe(25)
    await b.close()

    b = await launchProfile(profileDir)
    opts = await openOptions()
    expect(await pendingShown()).toBe(25)
    await svc.start()
    await expect.poll(pendingShown, { timeout: 60_000, interval: 500 }).toBe(0)
    deliveredOnce(batch.map((e) => e.id))
    expect(await eventCount()).toBe(countBefore + 25)
  }, 120_000)

  it('runs the model in the offscreen document with the same probabilities as Node', async () => {
    const node = await loadNodeClassifier()
    expect(node, 'models/banwen-zh is missing').not.toBeNull()
    const sentences = MODEL_SENTENCES
    const config = await message<{ model: { id: string; thresholds: { tao: number; burden: number } } | null }>(opts, { type: 'config:get' })
    expect(config.model).toEqual({ id: node!.id, thresholds: node!.thresholds })
    // From no offscreen document (the editor pages may have started one): concurrent first
    // requests must share one creation, Chrome allowing a single offscreen document.
    await b.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { offscreen: { hasDocument(): Promise<boolean>; closeDocument(): Promise<void> } } }).chrome
      if (await c.offscreen.hasDocument()) await c.offscreen.closeDocument()
    })
    type Predicted = { scores?: Array<{ tao: number; burden: number }>; error?: string }
    const [res, ...others] = await Promise.all([0, 1, 2].map(() => message<Predicted>(opts, { type: 'model:predict', sentences })))
    expect(res!.error).toBeUndefined()
    for (const o of others) expect(o).toEqual(res)
    const want = await node!.predict(sentences)
    expect(res!.scores).toHaveLength(sentences.length)
    res!.scores!.forEach((s, i) => {
      expect(s.tao).toBeCloseTo(want[i]!.tao, 5)
      expect(s.burden).toBeCloseTo(want[i]!.burden, 5)
    })
    // Loaded once: a second batch is answered by the same document, quickly.
    const t0 = Date.now()
    expect((await message<{ scores: unknown[] }>(opts, { type: 'model:predict', sentences: sentences.slice(0, 2) })).scores).toHaveLength(2)
    expect(Date.now() - t0).toBeLessThan(2000)
  }, 90_000)
})
