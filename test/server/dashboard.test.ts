import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDashboard } from '../../server/dashboard/build'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { demoEvents } from './fixtures'
import { setup, type Env } from './helpers'

const SAMPLE = readFileSync(new URL('../../samples/draft-notice.txt', import.meta.url), 'utf8')
const SHOTS = 'test-results'
/** A superior document sharing two sentences with the sample draft. */
const SUPERIOR = `各地区各部门要把整治形式主义为基层减负作为重要政治任务，精简文件会议，规范督查检查考核。${SAMPLE.split('\n').filter((l) => l.includes('高度重视') || l.includes('临水临崖')).join('')}切实把基层干部从繁文缛节、文山会海中解脱出来。`

describe('看板（无头 Chromium）', () => {
  let env: Env
  let server: ServerType
  let base: string
  let browser: Browser

  beforeAll(async () => {
    await buildDashboard()
    env = await setup(() => openPgliteThread())
    const events = demoEvents()
    for (let i = 0; i < events.length; i += 500) {
      const res = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events: events.slice(i, i + 500) } })
      expect(res.status).toBe(200)
    }
    await env.call('PUT', '/api/units/县委办公室/quota', { json: { year: 2026, total: 30, byDocType: { 通知: 10 } } })
    await env.call('POST', '/api/superior', { json: { title: '关于整治形式主义为基层减负的若干措施', issuer: '市委办公室', docNo: '市委办发〔2026〕3号', issuedOn: '2026-01-05', text: SUPERIOR } })
    server = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => server.once('listening', () => r()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
    await env?.db.close()
  })

  async function open(token: string, hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // A resource the Content-Security-Policy blocks shows as a console error.
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && errors.push(m.text()))
    await page.addInitScript((t) => localStorage.setItem('banwen.token', t), token)
    await page.goto(`${base}/${hash}`)
    ;(page as Page & { errors: string[] }).errors = errors
    return page
  }
  const noErrors = (page: Page) => expect((page as Page & { errors: string[] }).errors).toEqual([])

  it('未登录显示登录页；起草人令牌被拒', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
    await page.goto(base)
    await page.getByLabel('访问令牌').fill(env.tokens.drafter)
    await page.getByRole('button', { name: '进入看板' }).click()
    await expect.poll(() => page.locator('.error-box').textContent()).toContain('起草人令牌只供浏览器扩展使用')
    await page.screenshot({ path: `${SHOTS}/dashboard-login.png` })
    await page.close()
  })

  it('总体态势：统计数字、趋势图、单位表、规则质量', async () => {
    const page = await open(env.tokens.reviewer, '#/overview')
    await page.locator('.stat-value').first().waitFor()
    const docs = Number((await page.locator('.stat-value').first().textContent())!.replace(/,/g, ''))
    expect(docs).toBeGreaterThan(50)
    expect(await page.locator('.chart svg polyline').count()).toBeGreaterThanOrEqual(4)
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(5)
    await expect.poll(() => page.getByText('规则质量：忽略率与误报率').count()).toBe(1)
    await page.locator('.hbar-label', { hasText: '县' }).first().waitFor()
    expect(await page.getByText('发文总量预警').count()).toBe(1)
    expect(await page.locator('.side nav a').allTextContents()).not.toContain('访问令牌')
    await page.screenshot({ path: `${SHOTS}/dashboard-overview.png`, fullPage: true })
    noErrors(page)
    await page.close()
  })

  it('归档公文：列表、下钻、评估表', { timeout: 60_000 }, async () => {
    const page = await open(env.tokens.reviewer, '#/documents')
    await page.locator('table.table tbody tr').first().waitFor()
    expect(await page.locator('table.table tbody tr').count()).toBe(30)
    await page.screenshot({ path: `${SHOTS}/dashboard-documents.png` })
    await page.locator('table.table tbody tr').first().click()
    await page.getByRole('heading', { name: '坚持提交的理由' }).first().waitFor()
    // A document filed with a reason: drill down by its fingerprint.
    const { items } = await (await env.call('GET', '/api/documents?maxScore=69&limit=50', { token: env.tokens.reviewer })).json()
    const withReason = items.find((d: { overrides: unknown[] }) => d.overrides.length > 0)
    await page.goto(`${base}/#/documents?hash=${withReason.docHash}`)
    await page.getByRole('heading', { name: '坚持提交的理由' }).first().waitFor()
    await page.locator('ul.overrides li').first().waitFor()
    await page.screenshot({ path: `${SHOTS}/dashboard-document.png` })
    await page.getByRole('button', { name: '评估表' }).first().click()
    const sheet = page.locator('.sheet')
    await sheet.waitFor()
    expect(await sheet.locator('h1').textContent()).toBe('为基层减负一致性评估表')
    expect(await sheet.textContent()).toMatch(/起草人说明/)
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: `${SHOTS}/dashboard-sheet-filed.png`, fullPage: true })
    noErrors(page)
    await page.close()
  })

  it('公文评分：粘贴正文得到标注报告与评估表', async () => {
    const page = await open(env.tokens.reviewer, '#/analyze')
    await page.locator('textarea.paste').fill(SAMPLE)
    await page.getByRole('button', { name: '分析', exact: true }).click()
    await page.locator('.big-score').waitFor()
    expect(await page.locator('.marked mark').count()).toBeGreaterThan(3)
    expect(await page.locator('.flags').textContent()).toContain('隐形变异')
    await page.screenshot({ path: `${SHOTS}/dashboard-analyze.png` })
    await page.getByRole('button', { name: '生成为基层减负一致性评估表' }).click()
    await page.locator('.sheet').waitFor()
    expect(await page.locator('.sheet').textContent()).toMatch(/与上级文件重合 \d/)
    // What the printer gets: the sheet alone.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.side').isVisible()).toBe(false)
    expect(await page.locator('.report').isVisible()).toBe(false)
    await page.screenshot({ path: `${SHOTS}/dashboard-sheet-print.png`, fullPage: true })
    noErrors(page)
    await page.close()
  })

  it('发文总量：限额与预警', async () => {
    const page = await open(env.tokens.admin, '#/quotas')
    await page.locator('.quota').first().waitFor()
    expect(await page.locator('tbody tr').count()).toBe(5)
    expect(await page.locator('tbody tr', { hasText: '县委办公室' }).textContent()).toContain('管理员设定')
    expect(await page.locator('.badge.over, .badge.warn').count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${SHOTS}/dashboard-quotas.png` })
    noErrors(page)
    await page.close()
  })

  it('规则集编辑器：实时校验例句、格式错误带路径', { timeout: 120_000 }, async () => {
    const page = await open(env.tokens.admin, '#/rulesets')
    await expect.poll(() => page.locator('.check').textContent(), { timeout: 60_000 }).toMatch(/例句 \d+ 个，通过 \d+，失败 0/)
    expect(await page.locator('.ex.ok').count()).toBeGreaterThan(10)
    await page.screenshot({ path: `${SHOTS}/dashboard-rules.png`, fullPage: true })
    const editor = page.locator('textarea.code')
    const src = await editor.inputValue()
    // Typing 170 KB into a textarea is slow in any browser; set it as a paste would.
    await editor.evaluate((el: HTMLTextAreaElement, v: string) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, v)
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }, src.replace('"severity": "info"', '"severity": "fatal"'))
    await expect.poll(() => page.locator('.check').textContent(), { timeout: 30_000 }).toMatch(/格式错误 1 处/)
    expect(await page.locator('.issues li').first().textContent()).toMatch(/^rules\.\d+\.severity: /)
    expect(await page.getByRole('button', { name: /发布版本/ }).isDisabled()).toBe(true)
    noErrors(page)
    await page.close()
  })

  it('管理页：令牌与上级文件', async () => {
    const page = await open(env.tokens.admin, '#/tokens')
    await page.locator('tbody tr').first().waitFor()
    expect(await page.locator('tbody tr').count()).toBe(4)
    await page.getByLabel('名称').fill('交通局扩展')
    await page.getByRole('button', { name: '生成' }).click()
    await expect.poll(() => page.locator('code.token').textContent()).toMatch(/^bw_/)
    await page.screenshot({ path: `${SHOTS}/dashboard-tokens.png` })
    await page.goto(`${base}/#/superior`)
    await page.locator('tbody tr', { hasText: '市委办发〔2026〕3号' }).waitFor()
    noErrors(page)
    await page.close()
  })
})
