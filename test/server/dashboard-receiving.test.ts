import { mkdirSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FiledBurden } from '../../core'
import { buildDashboard } from '../../server/dashboard/build'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { event, hashOf, setup, type Env } from './helpers'

const SHOTS = 'test-results'
const YEAR = 2026
/** The month the heat table shows; the browser keeps it as the pages' shared period. */
const AT = '2026-11-10'
const UNITS = [
  { name: '青山县', level: 'county', parent: null, issuerKind: null },
  { name: '东山镇', level: 'township', parent: '青山县', issuerKind: null },
  { name: '西山镇', level: 'township', parent: '青山县', issuerKind: null },
  { name: '南山镇', level: 'township', parent: '青山县', issuerKind: null },
  { name: '东山村', level: 'village', parent: '东山镇', issuerKind: null },
  { name: '县农业农村局', level: 'department', parent: '青山县', issuerKind: '政府部门' },
  { name: '县委办公室', level: 'department', parent: '青山县', issuerKind: '党委部门' },
]
const ALIASES = [
  { phrase: '各乡镇（街道）', units: [], level: 'township', parent: null },
  { phrase: '东山镇人民政府', units: ['东山镇'], level: null, parent: null },
  { phrase: '南山镇人民政府', units: ['南山镇'], level: null, parent: null },
]
/** Document A weighs on 东山镇 alone (督查检查 ×20 = 40 points: red for the month); B on every township; C makes 南山镇 yellow; D is last month's. */
const DOC = { a: hashOf(0xa1), b: hashOf(0xb2), c: hashOf(0xc3), d: hashOf(0xd4) }
const burden = (recipient: string, group: 'township' | 'unit', modules: FiledBurden['modules'], all = false): FiledBurden => ({
  issued: null,
  recipients: [{ text: recipient, group, all }],
  modules,
  recurring: [],
  deadlines: [],
  meetings: 0,
  inspections: 0,
})

describe('看板 · 基层减负（无头 Chromium）', () => {
  let env: Env
  let server: ServerType
  let base: string
  let browser: Browser
  const bound: Record<string, string> = {}

  beforeAll(async () => {
    await buildDashboard()
    env = await setup(() => openPgliteThread())
    const ok = async (res: Promise<Response>) => {
      const r = await res
      expect(r.status, await r.clone().text()).toBeLessThan(300)
      return r
    }
    await ok(env.call('PUT', '/api/org/units', { json: { units: UNITS } }))
    await ok(env.call('PUT', '/api/org/aliases', { json: { aliases: ALIASES } }))
    for (const unit of ['东山镇', '西山镇', '南山镇', '县农业农村局']) {
      const r = await ok(env.call('POST', '/api/tokens', { json: { role: 'drafter', name: `${unit}起草人`, unit } }))
      bound[unit] = ((await r.json()) as { token: string }).token
    }
    const filed = (docHash: string, at: string, b: FiledBurden) =>
      event({ kind: 'filed', action: 'pass', unit: '县农业农村局', docHash, at: `${at}T02:00:00.000Z`, docType: '通知', burden: b })
    await ok(
      env.call('POST', '/api/telemetry', {
        token: bound['县农业农村局'],
        json: {
          events: [
            filed(DOC.d, '2026-10-13', burden('东山镇人民政府', 'unit', { 报表材料: { demands: 5, burdens: 5, recurring: 0 } })),
            filed(DOC.a, AT, burden('东山镇人民政府', 'unit', { 督查检查: { demands: 20, burdens: 20, recurring: 0 } })),
            filed(DOC.b, AT, burden('各乡镇（街道）', 'township', { 报表材料: { demands: 3, burdens: 3, recurring: 0 } }, true)),
            filed(DOC.c, AT, burden('南山镇人民政府', 'unit', { 会议文件: { demands: 13, burdens: 13, recurring: 0 } })),
          ],
        },
      }),
    )
    // Every township rates B 差 and 重: three recipients put it on the 公开说明 list.
    for (const unit of ['东山镇', '西山镇', '南山镇'])
      await ok(env.call('POST', '/api/ratings', { token: bound[unit], json: { docHash: DOC.b, effect: '差', burden: '重', mergeable: true, unnecessary: unit === '西山镇', heaviest: { module: '报表材料' } } }))
    await ok(env.call('POST', '/api/ratings', { token: bound['东山镇'], json: { docHash: DOC.a, effect: '一般', burden: '重' } }))
    await ok(env.call('POST', '/api/direct-reports', { token: bound['西山镇'], json: { module: '报表材料', docHash: DOC.b, text: '同一组数字每周要填三张表', anonymous: true } }))
    await ok(env.call('POST', '/api/direct-reports', { token: bound['南山镇'], json: { module: '会议文件', text: '一周内被通知参加三场内容相近的会议', anonymous: false } }))
    await ok(
      env.call('PUT', `/api/plan/${YEAR}`, {
        json: { items: [{ name: '耕地保护专项督查', kind: '督查', lead: '县农业农村局', targets: '各乡镇（街道）', from: `${YEAR}-05-01`, to: `${YEAR}-06-30`, approval: '青督备〔2026〕7号', keywords: ['耕地保护督查'] }] },
      }),
    )
    await ok(env.call('PUT', '/api/issuer-quotas/政府部门', { json: { year: YEAR, cut: 0.1 } }))

    server = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => server.once('listening', () => r()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    mkdirSync(SHOTS, { recursive: true })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    server?.close()
    await env?.db.close()
  })

  async function open(token: string, hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && errors.push(m.text()))
    await page.addInitScript(
      ([t, at]) => {
        localStorage.setItem('banwen.token', t)
        sessionStorage.setItem('banwen.period', JSON.stringify({ kind: 'month', at }))
      },
      [token, AT] as const,
    )
    await page.goto(`${base}/${hash}`)
    ;(page as Page & { errors: string[] }).errors = errors
    return page
  }
  const noErrors = (page: Page) => expect((page as Page & { errors: string[] }).errors).toEqual([])
  const row = (page: Page, unit: string) => page.locator(`tr[data-unit="${unit}"]`)

  it('基层负担监测：热力表、码色、红码名单、走势、筛选、导出与打印', { timeout: 60_000 }, async () => {
    const page = await open(env.tokens.reviewer, '#/monitor')
    await row(page, '东山镇').waitFor()
    expect(await row(page, '东山镇').locator('.badge').textContent()).toBe('红码')
    expect(await row(page, '南山镇').locator('.badge').textContent()).toBe('黄码')
    expect(await row(page, '西山镇').locator('.badge').textContent()).toBe('绿码')
    // 督查检查 cell of 东山镇: the 20 inspections of document A; 报表材料: the 3 of B.
    const cells = await row(page, '东山镇').locator('td').allTextContents()
    expect(cells[3]).toBe('20')
    expect(cells[5]).toBe('3')
    expect(await row(page, '东山镇').locator('.trend').textContent()).toMatch(/^↑/)
    expect(await page.locator('.stat', { hasText: '红码单位' }).locator('.stat-value').textContent()).toBe('1')
    const red = page.locator('.red-list tbody tr')
    expect(await red.count()).toBe(1)
    expect(await red.first().textContent()).toContain('县农业农村局')
    // The village only.
    await page.getByLabel('层级').selectOption('village')
    expect(await page.locator('tr[data-unit]').count()).toBe(1)
    await page.getByLabel('层级').selectOption('')
    await row(page, '东山镇').click()
    await page.locator('.trend-card svg polyline').first().waitFor()
    expect(await page.locator('.trend-card .dot.red').count()).toBeGreaterThanOrEqual(1)
    await page.locator('.card', { hasText: '红码预警' }).locator('tbody tr', { hasText: '东山镇' }).first().waitFor()
    await page.screenshot({ path: `${SHOTS}/dashboard-monitor.png`, fullPage: true })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 .xlsx' }).click()])
    expect(download.suggestedFilename()).toBe(`基层负担监测-月-${AT}.xlsx`)
    expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK')

    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.side').isVisible()).toBe(false)
    expect(await page.locator('.filters').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: '导出 .xlsx' }).isVisible()).toBe(false)
    expect(await row(page, '东山镇').isVisible()).toBe(true)
    await page.screenshot({ path: `${SHOTS}/dashboard-monitor-print.png`, fullPage: true })
    noErrors(page)
    await page.close()
  })

  it('基层直报：匿名不显示单位；管理员答复并办结；审核人只见汇总', { timeout: 60_000 }, async () => {
    const page = await open(env.tokens.admin, '#/direct')
    await page.locator('.direct-list tbody tr').first().waitFor()
    expect(await page.locator('.direct-list tbody tr').count()).toBe(2)
    const anonymous = page.locator('.direct-list tbody tr', { hasText: '每周要填三张表' })
    expect(await anonymous.locator('td').nth(1).textContent()).toBe('匿名')
    expect(await anonymous.locator('code').textContent()).toBe(DOC.b.slice(0, 10))
    expect(await page.locator('body').textContent()).not.toContain('西山镇')
    const named = page.locator('.direct-list tbody tr', { hasText: '三场内容相近的会议' })
    expect(await named.textContent()).toContain('南山镇')
    await named.getByRole('button', { name: '答复' }).click()
    await page.getByLabel('答复', { exact: true }).fill('已通知牵头部门合并同类会议')
    await page.getByRole('button', { name: '保存答复' }).click()
    await expect.poll(() => page.locator('.direct-list tbody tr').count()).toBe(1)
    expect(await page.locator('.stat', { hasText: '已办结' }).locator('.stat-value').textContent()).toBe('1')
    await page.getByRole('button', { name: '已办结' }).click()
    await page.locator('.direct-list tbody tr', { hasText: '已通知牵头部门合并同类会议' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/dashboard-direct.png`, fullPage: true })
    noErrors(page)
    await page.close()

    const viewer = await open(env.tokens.reviewer, '#/direct')
    await viewer.locator('tr[data-module="报表材料"]').waitFor()
    expect(await viewer.locator('.stat', { hasText: '直报总数' }).locator('.stat-value').textContent()).toBe('2')
    expect(await viewer.locator('.direct-list').count()).toBe(0)
    const text = await viewer.locator('body').textContent()
    expect(text).not.toContain('三张表')
    expect(text).not.toContain('西山镇')
    noErrors(viewer)
    await viewer.close()
  })

  it('逆向评估：按文件、按发文单位、公开说明；文件详情显示评价', { timeout: 60_000 }, async () => {
    const page = await open(env.tokens.admin, '#/ratings')
    const entry = page.locator(`.explain[data-doc="${DOC.b}"]`)
    await entry.waitFor()
    expect(await entry.textContent()).toContain("评为“差”或“重” 3")
    expect(await page.locator('.explain').count()).toBe(1)
    await entry.getByRole('button', { name: '填写说明' }).click()
    await page.getByLabel('公开说明').fill('下月起三张报表合并为一张，按月报送')
    await page.getByRole('button', { name: '保存说明' }).click()
    await expect.poll(() => entry.locator('.explain-text').textContent()).toBe('下月起三张报表合并为一张，按月报送')
    expect(await page.locator('.card', { hasText: '按发文单位' }).locator('tbody tr', { hasText: '县农业农村局' }).count()).toBe(1)
    expect(await page.locator('.card', { hasText: '按文件' }).locator('tbody tr').count()).toBe(2)
    await page.screenshot({ path: `${SHOTS}/dashboard-ratings.png`, fullPage: true })
    await page.goto(`${base}/#/documents?hash=${DOC.b}`)
    await page.locator('.doc-ratings').waitFor()
    expect(await page.locator('.doc-ratings h2').textContent()).toBe('逆向评估：3 个收文单位评价')
    expect(await page.locator('.doc-ratings').textContent()).toContain('下月起三张报表合并为一张')
    noErrors(page)
    await page.close()
  })

  it('督查检查考核计划：逐行编辑，中文校验，保存', { timeout: 60_000 }, async () => {
    const page = await open(env.tokens.admin, '#/plan')
    await page.getByLabel('第 1 行名称').waitFor()
    expect(await page.getByLabel('第 1 行名称').inputValue()).toBe('耕地保护专项督查')
    await page.getByLabel('第 1 行结束').fill(`${YEAR}-04-01`)
    await expect.poll(() => page.locator('.error-box').textContent()).toContain('第 1 行「结束」：起始日期不能晚于结束日期')
    expect(await page.getByRole('button', { name: `保存 ${YEAR} 年计划` }).isDisabled()).toBe(true)
    await page.getByLabel('第 1 行结束').fill(`${YEAR}-07-15`)
    await page.getByRole('button', { name: '+ 添加一项' }).click()
    await page.getByLabel('第 2 行名称').fill('人居环境整治考核')
    await page.getByLabel('第 2 行类别').selectOption('考核')
    await page.getByLabel('第 2 行牵头单位').fill('县委办公室')
    await page.getByLabel('第 2 行审批/备案号').fill('青督备〔2026〕9号')
    await page.getByLabel('第 2 行关键词').fill('人居环境考核，村庄清洁考核')
    await page.getByRole('button', { name: `保存 ${YEAR} 年计划` }).click()
    await page.getByText(`已保存 ${YEAR} 年计划（2 项）`).waitFor()
    const plan = (await (await env.call('GET', `/api/plan?year=${YEAR}`)).json()) as { items: Array<{ name: string; to: string; keywords: string[] }> }
    expect(plan.items.map((i) => i.name)).toEqual(['耕地保护专项督查', '人居环境整治考核'])
    expect(plan.items[0]!.to).toBe(`${YEAR}-07-15`)
    expect(plan.items[1]!.keywords).toEqual(['人居环境考核', '村庄清洁考核'])
    await page.screenshot({ path: `${SHOTS}/dashboard-plan.png`, fullPage: true })
    noErrors(page)
    await page.close()
  })

  it('单位名册：单位、主送写法、发文压减；审核人只读', { timeout: 60_000 }, async () => {
    const page = await open(env.tokens.admin, '#/registry')
    await page.getByLabel('第 1 行单位名称').waitFor()
    expect(await page.locator('.registry-units tbody tr').count()).toBe(UNITS.length)
    expect(await page.locator('.registry-aliases tbody tr').count()).toBe(ALIASES.length)
    const gov = page.locator('.issuer-quotas tr[data-kind="政府部门"]')
    await gov.waitFor()
    expect(await gov.getByLabel('政府部门压减比例').inputValue()).toBe('10')
    await page.getByRole('button', { name: '+ 添加单位' }).click()
    const n = UNITS.length + 1
    await page.getByLabel(`第 ${n} 行单位名称`).fill('北山村')
    await page.getByLabel(`第 ${n} 行层级`).selectOption('village')
    await page.getByLabel(`第 ${n} 行上级单位`).fill('北山镇')
    await expect.poll(() => page.locator('.registry-units .error-box').textContent()).toContain(`第 ${n} 行「上级单位」：名册中没有“北山镇”`)
    await page.getByLabel(`第 ${n} 行上级单位`).fill('东山镇')
    await page.getByRole('button', { name: '保存名册' }).click()
    await expect.poll(async () => ((await (await env.call('GET', '/api/org/units')).json()) as { units: unknown[] }).units.length).toBe(n)
    await page.screenshot({ path: `${SHOTS}/dashboard-registry.png`, fullPage: true })
    noErrors(page)
    await page.close()

    const viewer = await open(env.tokens.reviewer, '#/registry')
    await viewer.locator('.registry-units tbody tr').first().waitFor()
    expect(await viewer.locator('.registry-units input:not([aria-label="筛选单位"])').count()).toBe(0)
    expect(await viewer.getByRole('button', { name: '保存名册' }).count()).toBe(0)
    noErrors(viewer)
    await viewer.close()
  })
})
