import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAnalyzer, type FiledBurden, type OrgUnit, type RuleSet } from '../../core'
import { SYSTEM } from '../../server/store/tokens'
import { eachStore, event, hashOf, setup, type Env } from './helpers'

const REGISTRY: Array<Partial<OrgUnit> & Pick<OrgUnit, 'name' | 'level'>> = [
  { name: '青山县', level: 'county' },
  { name: '东山镇', level: 'township', parent: '青山县' },
  { name: '西河镇', level: 'township', parent: '青山县' },
  { name: '南岭街道', level: 'township', parent: '青山县' },
  { name: '东山村', level: 'village', parent: '东山镇' },
  { name: '柳塘社区', level: 'village', parent: '西河镇' },
  { name: '县农业农村局', level: 'department', parent: '青山县', issuerKind: '政府部门' },
  { name: '县乡村振兴领导小组办公室', level: 'department', parent: '青山县', issuerKind: '议事协调机构' },
]

/** A profile as the extension sends it: 报表材料 demands, some recurring, to every township. */
function burden(o: { reports?: number; recurring?: Array<{ until: string | null }>; inspections?: number; to?: FiledBurden['recipients']; issued?: string | null } = {}): FiledBurden {
  const recurring = (o.recurring ?? []).map((r) => ({ module: '报表材料' as const, frequency: 'weekly' as const, until: r.until }))
  const reports = (o.reports ?? 0) + recurring.length
  return {
    issued: o.issued ?? null,
    recipients: o.to ?? [{ text: '各乡镇（街道）', group: 'township', all: true }],
    modules: {
      ...(reports ? { 报表材料: { demands: reports, burdens: reports, recurring: recurring.length } } : {}),
      ...(o.inspections ? { 督查检查: { demands: o.inspections, burdens: o.inspections, recurring: 0 } } : {}),
    },
    recurring,
    deadlines: [],
    meetings: 0,
    inspections: o.inspections ?? 0,
  }
}

eachStore('the receiving side', (open) => {
  let env: Env
  let township: string
  let village: string
  let reviewerEast: string
  let boundAdmin: string
  let ag: string

  const json = async (r: Response) => {
    const body = await r.json()
    if (r.status >= 400) throw new Error(`${r.status} ${JSON.stringify(body)}`)
    return body
  }
  const file = (unit: string, at: string, b: FiledBurden, o: { action?: 'pass' | 'submitted' | 'block'; docHash?: string; id?: string } = {}) =>
    event({ kind: 'filed', unit, at, action: o.action ?? 'pass', burden: b, ...(o.docHash ? { docHash: o.docHash } : {}), ...(o.id ? { id: o.id } : {}) })
  const send = (events: ReturnType<typeof event>[]) => env.call('POST', '/api/telemetry', { json: { events } })
  const monitor = async (at: string, token?: string) => json(await env.call('GET', `/api/monitor?period=month&at=${at}`, { token }))
  const rowOf = (m: { units: Array<{ unit: string }> }, unit: string) => m.units.find((u) => u.unit === unit) as unknown as {
    index: number
    code: string
    modules: Record<string, { fresh: number; inForce: number }>
    reports: number
    topIssuers: Array<{ issuer: string }>
  }

  beforeAll(async () => {
    env = await setup(open)
    const make = async (role: 'drafter' | 'reviewer' | 'admin', unit: string) => (await env.store.tokens.create({ role, name: `测试${unit}`, unit }, SYSTEM)).token
    township = await make('drafter', '东山镇')
    village = await make('drafter', '东山村')
    reviewerEast = await make('reviewer', '东山镇')
    boundAdmin = await make('admin', '西河镇')
    ag = await make('drafter', '县农业农村局')
    await json(await env.call('PUT', '/api/org/units', { json: { units: REGISTRY } }))
  })
  afterAll(() => env.db.close())

  describe('the unit registry', () => {
    it('refuses a parent that does not exist and a cycle, in Chinese, and keeps the old registry', async () => {
      const r = await env.call('PUT', '/api/org/units', { json: { units: [{ name: '甲镇', level: 'township', parent: '乙镇' }] } })
      expect(r.status).toBe(400)
      expect(JSON.stringify(await r.json())).toContain('不在名册中')
      const cycle = await env.call('PUT', '/api/org/units', { json: { units: [{ name: '甲', level: 'township', parent: '乙' }, { name: '乙', level: 'township', parent: '甲' }] } })
      expect(JSON.stringify(await cycle.json())).toContain('成环')
      expect((await json(await env.call('GET', '/api/org/units', { token: township }))).units).toHaveLength(REGISTRY.length)
    })

    it('maps 主送 phrases to units: 各乡镇, a named body, a township\'s villages, an admin alias', async () => {
      const recipients = [
        { text: '各乡镇（街道）', group: 'township', all: true },
        { text: '县农业农村局', group: 'department', all: false },
        { text: '东山镇各村', group: 'village', all: true },
        { text: '有关企业', group: 'unit', all: true },
      ]
      const r = await json(await env.call('POST', '/api/org/resolve', { token: env.tokens.reviewer, json: { recipients } }))
      expect(r.units).toEqual(['东山村', '东山镇', '南岭街道', '县农业农村局', '西河镇'].sort())
      expect(r.unresolved).toEqual(['有关企业'])
      await json(await env.call('PUT', '/api/org/aliases', { json: { aliases: [{ phrase: '有关企业', units: ['县农业农村局'] }] } }))
      expect((await json(await env.call('POST', '/api/org/resolve', { token: env.tokens.reviewer, json: { recipients: [recipients[3]] } }))).units).toEqual(['县农业农村局'])
      await json(await env.call('PUT', '/api/org/aliases', { json: { aliases: [] } }))
      // From 东山镇, 各村 are its own villages, and 各乡镇 are the other townships.
      const fromEast = await json(
        await env.call('POST', '/api/org/resolve', { token: township, json: { recipients: [{ text: '各村（社区）', group: 'village', all: true }, { text: '各乡镇（街道）', group: 'township', all: true }] } }),
      )
      expect(fromEast.units).toEqual(['东山村', '南岭街道', '西河镇'].sort())
    })

    it('is county-wide: a bound admin may not change it', async () => {
      expect((await env.call('PUT', '/api/org/units', { token: boundAdmin, json: { units: REGISTRY } })).status).toBe(403)
      expect((await env.call('PUT', '/api/org/aliases', { token: boundAdmin, json: { aliases: [] } })).status).toBe(403)
    })
  })

  describe('基层负担监测', () => {
    it('adds a sent document to each recipient once, whatever the retries; a blocked one adds nothing', async () => {
      const e = file('县农业农村局', '2026-01-12T02:00:00.000Z', burden({ reports: 4 }))
      await json(await send([e]))
      await json(await send([e]))
      await json(await send([file('县农业农村局', '2026-01-13T02:00:00.000Z', burden({ reports: 9 }), { action: 'block' })]))
      const m = await monitor('2026-01-20')
      for (const u of ['东山镇', '西河镇', '南岭街道']) expect(rowOf(m, u).modules['报表材料']!.fresh).toBe(4)
      expect(rowOf(m, '东山村').index).toBe(0)
    })

    it('turns a unit yellow and red at the thresholds, and raises one alert naming the issuers that added most', async () => {
      // month thresholds in the bundled policy: yellow ≥ 15, red ≥ 30; 督查检查 weighs 2 per demand.
      const at = (d: number) => `2026-02-${String(d).padStart(2, '0')}T02:00:00.000Z`
      const to = [{ text: '东山镇人民政府', group: 'township' as const, all: false }]
      await json(await send([file('县农业农村局', at(2), burden({ reports: 14, to }))]))
      expect(rowOf(await monitor('2026-02-10'), '东山镇').code).toBe('green')
      await json(await send([file('县乡村振兴领导小组办公室', at(3), burden({ reports: 2, to }))]))
      expect(rowOf(await monitor('2026-02-10'), '东山镇')).toMatchObject({ index: 16, code: 'yellow' })
      await json(await send([file('县乡村振兴领导小组办公室', at(4), burden({ inspections: 6, to }))]))
      expect(rowOf(await monitor('2026-02-10'), '东山镇')).toMatchObject({ index: 28, code: 'yellow' })
      await json(await send([file('县农业农村局', at(5), burden({ reports: 2, to }))]))
      const row = rowOf(await monitor('2026-02-10'), '东山镇')
      expect(row).toMatchObject({ index: 30, code: 'red' })
      expect(row.topIssuers.map((t) => t.issuer)).toEqual(['县农业农村局', '县乡村振兴领导小组办公室'])
      await json(await send([file('县农业农村局', at(6), burden({ reports: 1, to }))]))
      const { alerts } = await json(await env.call('GET', '/api/monitor/alerts'))
      const east = alerts.filter((a: { unit: string; period: { from: string } }) => a.unit === '东山镇' && a.period.from === '2026-02-01')
      expect(east).toHaveLength(1)
      expect(east[0].topIssuers.map((t: { issuer: string; points: number }) => [t.issuer, t.points])).toEqual([['县农业农村局', 16], ['县乡村振兴领导小组办公室', 14]])
      expect(rowOf(await monitor('2026-02-10'), '西河镇').code).toBe('green')
    })

    it('keeps a recurring demand in force until the end of its period, then drops it', async () => {
      const to = [{ text: '西河镇', group: 'township' as const, all: false }]
      await json(await send([file('县农业农村局', '2026-04-03T02:00:00.000Z', burden({ recurring: [{ until: '2026-05-31' }, { until: null }], to }))]))
      const inForce = async (at: string) => rowOf(await monitor(at), '西河镇').modules['报表材料']!.inForce
      expect(await inForce('2026-04-15')).toBe(2)
      expect(await inForce('2026-05-31')).toBe(2)
      expect(await inForce('2026-06-01')).toBe(1)
      expect(await inForce('2026-03-15')).toBe(0)
      const trend = await json(await env.call('GET', '/api/monitor/trend?unit=西河镇&period=month&at=2026-06-10&count=4'))
      expect(trend.points.map((p: { index: number }) => p.index)).toEqual([0, 2, 2, 1])
    })

    it('tells a drafter what a draft adds before it is sent: 发出后：… 转为红码', async () => {
      const to = [{ text: '东山镇人民政府', group: 'township' as const, all: false }, { text: '西河镇', group: 'township' as const, all: false }, { text: '某某协会', group: 'unit' as const, all: false }]
      const impact = await json(await env.call('POST', '/api/monitor/impact', { token: ag, json: { at: '2026-02-20', burden: burden({ recurring: [{ until: null }, { until: null }], reports: 14, to }) } }))
      expect(impact.recipients.map((r: { unit: string }) => r.unit)).toEqual(['东山镇', '西河镇'])
      const west = impact.recipients.find((r: { unit: string }) => r.unit === '西河镇')
      expect(west.before.code).toBe('green')
      expect(west.after.code).toBe('yellow')
      expect(impact.line).toBe('发出后：1 个乡镇（街道）转为黄码（每周报送 +2）；未识别的主送：某某协会')
      const red = await json(await env.call('POST', '/api/monitor/impact', { token: ag, json: { at: '2026-02-20', burden: burden({ reports: 40 }) } }))
      expect(red.line).toMatch(/^发出后：2 个乡镇（街道）转为红码/)
      const bad = await env.call('POST', '/api/monitor/impact', { token: ag, json: { burden: { ...burden(), text: '正文' } } })
      expect(bad.status).toBe(400)
    })
  })

  describe('基层直报', () => {
    it('needs a token bound to the reporting unit, and keeps an anonymous reporter out of every view', async () => {
      expect((await env.call('POST', '/api/direct-reports', { token: env.tokens.drafter, json: { module: '报表材料', text: '同一组数据本周要报三次。' } })).status).toBe(403)
      const long = await env.call('POST', '/api/direct-reports', { token: village, json: { module: '报表材料', text: '多'.repeat(301) } })
      expect(long.status).toBe(400)
      await json(await env.call('POST', '/api/direct-reports', { token: village, json: { module: '留痕', text: '每次走访都要拍照上传三张。', anonymous: true, docHash: hashOf(77) } }))
      const { id } = await json(await env.call('POST', '/api/direct-reports', { token: township, json: { module: '报表材料', text: '同一组数据本周要报三次。' } }))
      const { reports } = await json(await env.call('GET', '/api/direct-reports'))
      const anon = reports.find((r: { anonymous: boolean }) => r.anonymous)
      expect(anon.unit).toBeNull()
      expect(JSON.stringify(anon)).not.toContain('东山村')
      expect(reports.find((r: { id: string }) => r.id === id).unit).toBe('东山镇')
      expect((await env.call('GET', '/api/direct-reports', { token: env.tokens.reviewer })).status).toBe(403)
      expect((await env.call('GET', '/api/direct-reports', { token: boundAdmin })).status).toBe(403)
      const summary = await json(await env.call('GET', '/api/direct-reports/summary', { token: env.tokens.reviewer }))
      expect(JSON.stringify(summary)).not.toMatch(/东山|每次走访/)
      const answered = await json(await env.call('POST', `/api/direct-reports/${id}/answer`, { json: { answer: '已请县农业农村局合并报表。', close: true } }))
      expect(answered.status).toBe('closed')
      const mine = await json(await env.call('GET', '/api/direct-reports/mine', { token: township }))
      expect(mine.reports.map((r: { answer: string | null }) => r.answer)).toContain('已请县农业农村局合并报表。')
      expect((await env.call('POST', '/api/direct-reports/999999/answer', { json: { answer: '好' } })).status).toBe(404)
    })

    it('counts in the unit\'s index, anonymous or not, but shows only named ones as a count beside the unit', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
      const m = await monitor(today)
      expect(rowOf(m, '东山村')).toMatchObject({ reports: 0, index: 2 }) // reportWeight 2, the anonymous one
      expect(rowOf(m, '东山镇')).toMatchObject({ reports: 1 })
    })
  })

  describe('逆向评估 and 公开说明', () => {
    const doc = hashOf(4242)
    beforeAll(async () => {
      const to = [{ text: '各乡镇（街道）', group: 'township' as const, all: true }, { text: '东山村', group: 'village' as const, all: false }]
      await json(await send([file('县农业农村局', '2026-03-02T02:00:00.000Z', burden({ reports: 2, to }), { docHash: doc })]))
    })
    const rate = (token: string, effect: string, b: string) => env.call('POST', '/api/ratings', { token, json: { docHash: doc, effect, burden: b, mergeable: true, heaviest: { module: '报表材料', kind: 'report' } } })

    it('lets only recipients rate, with a bound token', async () => {
      const other = (await env.store.tokens.create({ role: 'drafter', name: '柳塘', unit: '柳塘社区' }, SYSTEM)).token
      expect((await rate(other, '差', '重')).status).toBe(403)
      expect((await rate(env.tokens.admin, '差', '重')).status).toBe(403)
      expect((await env.call('POST', '/api/ratings', { token: township, json: { docHash: 'abc', effect: '差', burden: '重' } })).status).toBe(400)
    })

    it('puts a document on the 公开说明 list when N recipients rate it 差 or 重, and only its issuer explains', async () => {
      await json(await rate(township, '差', '重'))
      await json(await rate(township, '差', '重')) // a second rating replaces the first
      await json(await rate(village, '一般', '重'))
      let list = await json(await env.call('GET', '/api/explanations?year=2026', { token: village }))
      expect(list.documents.map((d: { docHash: string }) => d.docHash)).not.toContain(doc)
      const west = (await env.store.tokens.create({ role: 'drafter', name: '西河', unit: '西河镇' }, SYSTEM)).token
      await json(await rate(west, '好', '重'))
      list = await json(await env.call('GET', '/api/explanations?year=2026', { token: village }))
      expect(list.documents.find((d: { docHash: string }) => d.docHash === doc)).toMatchObject({ issuer: '县农业农村局', poorOrHeavy: 3, explanation: null })
      expect((await env.call('PUT', `/api/explanations/${doc}`, { token: township, json: { text: '不是我们发的' } })).status).toBe(403)
      await json(await env.call('PUT', `/api/explanations/${doc}`, { token: ag, json: { text: '报表已并入季度统计，下月起不再单独报送。' } }))
      const detail = await json(await env.call('GET', `/api/ratings/documents/${doc}`, { token: env.tokens.reviewer }))
      expect(detail).toMatchObject({ ratings: 3, effect: { 差: 1, 一般: 1, 好: 1 }, burden: { 重: 3 }, mergeable: 3, listed: true, heaviest: { 报表材料: 3 } })
      expect(detail.explanation.text).toContain('季度统计')
      const issuers = await json(await env.call('GET', '/api/ratings/issuers?year=2026', { token: env.tokens.reviewer }))
      expect(issuers.issuers[0]).toMatchObject({ issuer: '县农业农村局', listed: 1 })
    })

    it('shows a bound reviewer only its own unit\'s documents, and a 收文 page what is known', async () => {
      expect((await json(await env.call('GET', '/api/ratings/documents?year=2026', { token: reviewerEast }))).documents).toEqual([])
      expect((await env.call('GET', `/api/ratings/documents/${doc}`, { token: reviewerEast })).status).toBe(404)
      expect((await json(await env.call('GET', '/api/ratings/issuers?year=2026', { token: reviewerEast }))).issuers).toEqual([])
      const mine = await json(await env.call('GET', '/api/direct-reports/mine', { token: village }))
      expect(mine.reports.length).toBeGreaterThan(0)
      expect(mine.reports.every((r: { unit: string }) => r.unit === '东山村')).toBe(true)
      const received = await json(await env.call('GET', `/api/received/${doc}`, { token: village }))
      expect(received).toMatchObject({ known: true, issuer: '县农业农村局', isRecipient: true, mine: { effect: '一般', burden: '重' } })
      expect((await json(await env.call('GET', `/api/received/${hashOf(1)}`, { token: village }))).known).toBe(false)
    })
  })

  describe('督查检查考核计划', () => {
    it('travels with the rules, and a draft deploying an activity outside it gets a 计划外 finding', async () => {
      const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
      const item = { name: '秸秆禁烧专项督查', kind: '督查', lead: '县农业农村局', targets: '各乡镇', from: `${year}-03-01`, to: `${year}-11-30`, approval: '青督备〔2026〕3号' }
      expect((await env.call('PUT', `/api/plan/${year}`, { token: boundAdmin, json: { items: [item] } })).status).toBe(403)
      const bad = await env.call('PUT', `/api/plan/${year}`, { json: { items: [{ ...item, from: `${year}-12-01` }] } })
      expect(bad.status).toBe(400)
      const before = await json(await env.call('GET', '/api/rules', { token: township }))
      expect(before.plan.year).toBeNull()
      await json(await env.call('PUT', `/api/plan/${year}`, { json: { items: [item] } }))
      const rules = (await json(await env.call('GET', '/api/rules', { token: township }))) as RuleSet
      expect(rules.plan).toMatchObject({ year, items: [{ name: '秸秆禁烧专项督查' }] })
      const analyzer = createAnalyzer({ ruleSet: rules })
      const title = { title: '关于做好秋季农业重点工作的通知' }
      const planned = analyzer.analyzeSync('县农业农村局将于9月对各乡镇开展秸秆禁烧专项督查。', title)
      expect(planned.findings.filter((f) => f.ruleId === 'burden.plan.unlisted')).toEqual([])
      const unplanned = analyzer.analyzeSync('县农业农村局将于9月对各乡镇开展农机购置补贴专项督查。', title)
      expect(unplanned.findings.filter((f) => f.ruleId === 'burden.plan.unlisted')).toHaveLength(1)
      const plan = await json(await env.call('GET', `/api/plan?year=${year}`, { token: township }))
      expect(plan.items[0]).toMatchObject({ approval: '青督备〔2026〕3号' })
    })

    it('counts documents per issuer kind against last year less the cut', async () => {
      const docs = (unit: string, year: number, n: number) => Array.from({ length: n }, (_, i) => event({ kind: 'filed', action: 'pass', unit, at: `${year}-06-0${(i % 9) + 1}T02:00:00.000Z`, docHash: hashOf(year * 100 + i + (unit.length << 12)) }))
      await json(await send([...docs('县乡村振兴领导小组办公室', 2024, 10), ...docs('县乡村振兴领导小组办公室', 2025, 9)]))
      expect((await env.call('PUT', '/api/issuer-quotas/议事协调机构', { token: boundAdmin, json: { year: 2025, cut: 0.2 } })).status).toBe(403)
      const r = await json(await env.call('PUT', `/api/issuer-quotas/${encodeURIComponent('议事协调机构')}`, { json: { year: 2025, cut: 0.2 } }))
      const kind = r.kinds.find((k: { kind: string }) => k.kind === '议事协调机构')
      expect(kind).toMatchObject({ lastYear: 10, count: 9, target: 8, over: true })
    })
  })

  describe('unit scope and the workbook', () => {
    it('shows a bound reviewer its unit and the units under it only', async () => {
      const m = await monitor('2026-02-10', reviewerEast)
      expect(m.units.map((u: { unit: string }) => u.unit).sort()).toEqual(['东山村', '东山镇'])
      expect((await env.call('GET', '/api/monitor/trend?unit=西河镇&period=month', { token: reviewerEast })).status).toBe(403)
      const { alerts } = await json(await env.call('GET', '/api/monitor/alerts', { token: reviewerEast }))
      expect(alerts.every((a: { unit: string }) => a.unit === '东山镇' || a.unit === '东山村')).toBe(true)
      expect((await env.call('GET', '/api/monitor', { token: township })).status).toBe(403)
    })

    it('exports the monitor, red list, 直报, ratings and 公开说明 to .xlsx; anonymity holds there too', async () => {
      const r = await env.call('GET', '/api/monitor/export.xlsx?period=month&at=2026-02-10')
      expect(r.headers.get('content-type')).toContain('spreadsheetml')
      const zip = await JSZip.loadAsync(await r.arrayBuffer())
      const book = await zip.file('xl/workbook.xml')!.async('string')
      for (const name of ['负担监测', '红码名单', '直报', '逆向评估', '公开说明']) expect(book).toContain(`name="${name}"`)
      const sheets = await Promise.all([1, 2, 3].map((i) => zip.file(`xl/worksheets/sheet${i}.xml`)!.async('string')))
      expect(sheets[0]).toContain('东山镇')
      expect(sheets[1]).toContain('县乡村振兴领导小组办公室')
      expect(sheets[2]).toContain('匿名')
      expect(sheets[2]).not.toContain('东山村')
      const reviewer = await JSZip.loadAsync(await (await env.call('GET', '/api/monitor/export.xlsx?period=month&at=2026-02-10', { token: env.tokens.reviewer })).arrayBuffer())
      const third = await reviewer.file('xl/worksheets/sheet3.xml')!.async('string')
      expect(third).not.toMatch(/每次走访|同一组数据/)
    })
  })
})
