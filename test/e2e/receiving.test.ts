/**
 * The receiving side in Debian's Chromium against the real service: the filing check's 负担监测
 * line (which townships a draft turns red), the filing going on when the service is down, and a
 * 收文 page's 逆向评估 and 直报 landing in the service. Registry, aliases and the filed history are
 * seeded through the HTTP API with the admin token; a recording proxy sees what the extension sent.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { docHashText, localToday, type FiledBurden, type Impact, type MonitorPolicy, type TelemetryEvent } from '../../core'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { openDraft, typeDraft } from './page'
import { launchProfile, type ExtensionBrowser } from './support/extension-profile'
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy'
import { createService, type Service } from './support/service'

const COUNTY = '测试县'
const ISSUER = '县应急管理局'
const TOWNS = ['东山镇', '西山镇', '南山镇', '北山镇']
/** Already close to red before the draft: these two turn red when it is filed. */
const NEAR_RED = ['东山镇', '西山镇']
const TITLE = '关于开展汛期山塘隐患排查的通知'
const DRAFT = [
  '各乡镇（街道）：',
  '各乡镇要高度重视，切实提高政治站位，扎实推进汛期安全各项工作。',
  '各乡镇要在6月10日前完成辖区山塘隐患排查，建立排查工作台账，每周五前报送排查进展情况。',
  '县应急管理局将对各乡镇排查情况开展督查。',
]
/** Words of the draft that must never reach the service. */
const DRAFT_ONLY = ['山塘隐患排查', '排查工作台账', '汛期安全各项工作']

let svc: Service
let proxy: RecordingProxy
let demo: DemoServer
let b: ExtensionBrowser
let opts: Page
const tokens: Record<string, string> = {}
const profileDir = mkdtempSync(join(tmpdir(), 'banwen-e2e-receiving-'))

const sentTo = (path: string) => proxy.exchanges.filter((x) => x.path.startsWith(path))

async function connect(unit: string): Promise<void> {
  await opts.fill('#serverUrl', proxy.url)
  await opts.fill('#token', tokens[unit]!)
  await opts.fill('#unit', unit)
  await opts.click('#save-connection')
  await opts.locator('#connection .ok').waitFor()
  // The background answers with the new unit once it has the saved settings (also used in beforeAll, where expect.poll is not allowed).
  const configured = () => opts.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ unit: string }> } } }).chrome.runtime.sendMessage({ type: 'config:get' }).then((c) => c.unit))
  for (const start = Date.now(); (await configured()) !== unit; await opts.waitForTimeout(200)) if (Date.now() - start > 10_000) throw new Error(`选项页未切换到「${unit}」`)
}

/** A filed event of the history: `points` fresh 报表材料 demands on one township, filed now. */
function history(unit: string, demands: number, n: number): TelemetryEvent {
  const burden: FiledBurden = { issued: null, recipients: [{ text: unit, group: 'township', all: false }], modules: { 报表材料: { demands, burdens: 0, recurring: 0 } }, recurring: [], deadlines: [], meetings: 0, inspections: 0 }
  return {
    id: `e2e-history-${n}-${Date.now()}`,
    kind: 'filed',
    action: 'submitted',
    at: new Date().toISOString(),
    unit: '县农业农村局',
    user: 'u-seed0001',
    docType: '通知',
    chars: 900,
    cap: 3000,
    score: 80,
    counts: { tao: 0, burden: 1, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 },
    ruleIds: [],
    rulesetVersion: 'e2e',
    extensionVersion: '0.1.0',
    docHash: createHash('sha256').update(`history-${n}`).digest('hex'),
    burden,
  }
}

async function fileDraft(page: Page): Promise<void> {
  await openDraft(page, demo.url, 'textarea')
  await page.fill('#doc-title', TITLE)
  await page.selectOption('#doc-type', '通知')
  await typeDraft(page, 'textarea', DRAFT)
  await page.waitForFunction(() => Number(document.querySelector('banwen-root')?.getAttribute('data-findings') ?? 0) >= 2, null, { timeout: 15_000 })
  await page.click('#submit-doc')
  await page.locator('.bw-modal').waitFor({ timeout: 10_000 })
}

async function submitDialog(page: Page): Promise<void> {
  const modal = page.locator('.bw-modal')
  if ((await modal.getAttribute('data-action')) === 'justify') await modal.locator('textarea').fill('本通知为汛期专项部署，已经分管领导审定。')
  await Promise.all([page.waitForURL('**/demo/api/submit', { timeout: 10_000 }), modal.locator('button[data-choice=submit]').click()])
}

beforeAll(async () => {
  svc = await createService()
  await svc.start()
  await svc.api('/api/org/units', {
    method: 'PUT',
    body: {
      units: [
        { name: COUNTY, level: 'county', parent: null },
        ...TOWNS.map((name) => ({ name, level: 'township', parent: COUNTY })),
        { name: ISSUER, level: 'department', parent: COUNTY },
        { name: '县农业农村局', level: 'department', parent: COUNTY },
        { name: '县交通运输局', level: 'department', parent: COUNTY },
      ],
    },
  })
  await svc.api('/api/org/aliases', { method: 'PUT', body: { aliases: [{ phrase: '各乡镇（街道）', units: [], level: 'township', parent: COUNTY }] } })
  for (const unit of [ISSUER, '东山镇', '县交通运输局']) tokens[unit] = (await svc.api<{ token: string }>('/api/tokens', { body: { role: 'drafter', name: `端到端 ${unit}`, unit } })).token

  // History: the two near-red townships one 报表材料 weight short of red in the monitor's period.
  const monitor = await svc.api<{ period: { kind: 'week' | 'month' }; policy: MonitorPolicy }>(`/api/monitor?at=${localToday()}`)
  const weight = monitor.policy.weights['报表材料'] ?? 1
  const red = monitor.policy.thresholds[monitor.period.kind].red
  const demands = Math.floor((red - 0.01) / weight)
  await svc.api('/api/telemetry', { body: { events: NEAR_RED.map((u, i) => history(u, demands, i)) } })
  const before = await svc.api<{ units: Array<{ unit: string; code: string }> }>(`/api/monitor?at=${localToday()}`)
  for (const u of NEAR_RED) expect(before.units.find((x) => x.unit === u)?.code).not.toBe('red')

  proxy = await startRecordingProxy(svc.port)
  demo = await startDemoServer({ port: 0 })
  b = await launchProfile(profileDir)
  opts = await b.openPage('options.html')
  await opts.waitForSelector('#pending-count')
  await connect(ISSUER)
}, 180_000)

afterAll(async () => {
  await b?.close().catch(() => {})
  await demo?.close()
  await proxy?.close()
  await svc?.dispose()
  rmSync(profileDir, { recursive: true, force: true })
})

let filedHash = ''

describe('the receiving side', () => {
  it('shows in the filing check which townships the draft turns red, from the burden profile alone', async () => {
    const page = await b.context.newPage()
    await fileDraft(page)
    const line = page.locator('.bw-modal .bw-impact-line')
    await line.waitFor({ timeout: 10_000 })

    // What went out: the burden profile, no words of the draft.
    const asked = sentTo('/api/monitor/impact')
    expect(asked).toHaveLength(1)
    const body = JSON.parse(asked[0]!.body) as { burden: FiledBurden }
    expect(Object.keys(body)).toEqual(['burden'])
    expect(body.burden.recipients).toEqual([{ text: '各乡镇（街道）', group: 'township', all: true }])
    for (const piece of DRAFT_ONLY) expect(asked[0]!.body).not.toContain(piece)

    // The service's own answer for the same profile is what the dialog shows.
    const impact = await svc.api<Impact>('/api/monitor/impact', { token: tokens[ISSUER], body })
    const turnedRed = impact.recipients.filter((r) => r.before.code !== 'red' && r.after.code === 'red').map((r) => r.unit)
    expect(turnedRed.sort()).toEqual([...NEAR_RED].sort())
    expect(await line.textContent()).toBe(impact.line)
    expect(impact.line).toContain('2 个乡镇（街道）转为红码')
    const units = page.locator('.bw-modal .bw-impact-units li')
    expect(await units.count()).toBe(TOWNS.length)
    expect((await page.locator('.bw-impact-units li[data-after=red]:not([data-before=red])').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))).sort()).toEqual([...NEAR_RED].sort())
    await page.locator('.bw-modal').screenshot({ path: join('test-results', 'e2e-impact.png') }).catch(() => {})

    await submitDialog(page)
    expect(demo.submissions).toHaveLength(1)
    // The filed event carries the profile; the service then knows the document by its fingerprint.
    await expect
      .poll(() => sentTo('/api/telemetry').flatMap((x) => (x.status === 200 ? (JSON.parse(x.body) as { events: TelemetryEvent[] }).events : [])).find((e) => e.kind === 'filed')?.docHash ?? '', { timeout: 20_000 })
      .toMatch(/^[0-9a-f]{64}$/)
    const filed = sentTo('/api/telemetry').flatMap((x) => (JSON.parse(x.body) as { events: TelemetryEvent[] }).events).find((e) => e.kind === 'filed')!
    expect(filed.burden?.recipients.map((r) => r.text)).toEqual(['各乡镇（街道）'])
    filedHash = filed.docHash!
    expect(filedHash).toBe(createHash('sha256').update(docHashText(DRAFT.join('\n'))).digest('hex'))
    await page.close()
  }, 90_000)

  it('rates a received document and sends a 直报 from the 收文 page; the service has both', async () => {
    expect(filedHash).not.toBe('')
    await expect.poll(async () => (await svc.api<{ known: boolean }>(`/api/received/${filedHash}`)).known, { timeout: 15_000 }).toBe(true)
    await connect('东山镇')
    await opts.fill('#profiles-json', JSON.stringify([{ name: '演示收文', match: 'http://localhost:*/demo/inbox/*', editor: '#doc-body', title: '#doc-title', submit: [], role: 'inbox' }]))
    await opts.click('#save-profiles')
    await opts.locator('#profiles .ok').waitFor()

    const page = await b.context.newPage()
    await page.goto(`${demo.url}/demo/inbox/1`)
    const card = page.locator('banwen-inbox .bw-inbox')
    // The page shows the text as indented HTML paragraphs; the fingerprint is the drafter's.
    await expect.poll(() => page.locator('banwen-inbox').getAttribute('data-doc-hash'), { timeout: 15_000 }).toBe(filedHash)
    await expect.poll(() => card.locator('[data-field=issuer]').textContent(), { timeout: 10_000 }).toBe(ISSUER)

    // 哪项要求最重: the demands read here, by module and kind.
    const options = await card.locator('select[name=heaviest] option').allTextContents()
    expect(options.some((o) => o.includes('留痕'))).toBe(true)
    await card.locator('input[name=effect][value=差]').check()
    await card.locator('input[name=burden][value=重]').check()
    await card.locator('input[name=mergeable]').check()
    const heaviest = options.findIndex((o) => o.includes('留痕')) - 1
    await card.locator('select[name=heaviest]').selectOption(String(heaviest))
    await card.locator('button[data-action=rate]').click()
    await card.locator('[data-sent=rating]').waitFor({ timeout: 10_000 })
    const rated = await svc.api<{ ratings: number; effect: Record<string, number>; burden: Record<string, number>; mergeable: number; heaviest: Record<string, number> }>(`/api/ratings/documents/${filedHash}`)
    expect(rated).toMatchObject({ ratings: 1, effect: { 差: 1 }, burden: { 重: 1 }, mergeable: 1, heaviest: { 留痕: 1 } })

    // 直报, in the user's own words, anonymous.
    const words = '这个月已经有三份通知要我们每周交进度，镇里只有两个人，周五基本都在赶材料。'
    await card.locator('button[data-action=direct]').click()
    await card.locator('select[name=module]').selectOption('报表材料')
    await card.locator('textarea[name=text]').fill(words)
    expect(await card.locator('.bw-inbox-count').textContent()).toBe(`${words.length}/300 字`)
    await card.locator('input[name=anonymous]').check()
    await card.locator('button[data-action=send-direct]').click()
    await card.locator('[data-sent=direct]').waitFor({ timeout: 10_000 })
    const reports = await svc.api<{ reports: Array<{ unit: string | null; module: string; docHash: string | null; text: string; anonymous: boolean }> }>('/api/direct-reports?status=open')
    expect(reports.reports.find((r) => r.text === words)).toMatchObject({ unit: null, module: '报表材料', docHash: filedHash, anonymous: true })
    await card.screenshot({ path: join('test-results', 'e2e-inbox.png') }).catch(() => {})
    await page.close()

    // A unit the document was not sent to: the service says no, in Chinese, on the card.
    await connect('县交通运输局')
    const other = await b.context.newPage()
    await other.goto(`${demo.url}/demo/inbox/1`)
    const card2 = other.locator('banwen-inbox .bw-inbox')
    await card2.locator('[data-field=issuer]').waitFor({ timeout: 15_000 })
    await card2.locator('input[name=effect][value=好]').check()
    await card2.locator('input[name=burden][value=轻]').check()
    await card2.locator('button[data-action=rate]').click()
    await expect.poll(() => card2.locator('.bw-inbox-form .bw-inbox-error').textContent().catch(() => ''), { timeout: 10_000 }).toMatch(/[\u4e00-\u9fff]/)
    expect(sentTo('/api/ratings').at(-1)!.status).toBe(403)
    await other.close()

    for (const x of proxy.exchanges) for (const piece of DRAFT_ONLY) expect(x.body).not.toContain(piece)
    await connect(ISSUER)
  }, 120_000)

  it('files the draft when the service is down, and says 负担监测暂不可用', async () => {
    await svc.stop()
    try {
      const page = await b.context.newPage()
      await fileDraft(page)
      const down = page.locator('.bw-modal .bw-impact.down')
      await down.waitFor({ timeout: 6000 })
      expect(await down.textContent()).toBe('负担监测暂不可用')
      await submitDialog(page)
      expect(demo.submissions).toHaveLength(2)
      await page.close()
    } finally {
      await svc.start()
    }
  }, 90_000)
})
