import { createHash } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { docHashText } from '../../core'
import { counts, eachStore, event, hashOf, setup, type Env } from './helpers'

const flags = (o: { overCap?: boolean; disguisedDirective?: boolean } = {}) => ({ overCap: false, disguisedDirective: false, frame: false, copiedShare: null, ...o })

/** Known events: four filed documents over two weeks, analyses with rule hits, dismissals, 误报 and an override. */
const KNOWN = [
  event({ kind: 'filed', unit: '办公室', score: 90, docType: '通知', docHash: hashOf(1), action: 'pass', at: '2026-03-10T02:00:00Z', counts: counts({ tao: 1 }) }),
  event({ kind: 'filed', unit: '办公室', score: 55, docType: '通知', docHash: hashOf(2), action: 'justify', at: '2026-03-11T02:00:00Z', flags: flags({ overCap: true, disguisedDirective: true }), counts: counts({ tao: 4, burden: 2 }) }),
  // 01:00 on Monday 16 March in Beijing: the second week.
  event({ kind: 'filed', unit: '办公室', score: 72, docType: '工作提示', docHash: hashOf(3), action: 'warn', at: '2026-03-15T17:00:00Z' }),
  event({ kind: 'filed', unit: '财政局', score: 85, docType: '方案', docHash: hashOf(4), action: 'pass', at: '2026-03-18T02:00:00Z' }),
  ...[1, 2, 3].map(() => event({ kind: 'analyzed', ruleIds: ['tao.x', 'burden.y'] })),
  event({ kind: 'analyzed', ruleIds: ['tao.x'] }),
  event({ kind: 'dismiss', ruleId: 'tao.x' }),
  event({ kind: 'dismiss', ruleId: 'tao.x' }),
  event({ kind: 'false-positive', ruleId: 'tao.x' }),
  event({ kind: 'false-positive', ruleId: 'burden.y' }),
  event({ kind: 'override', docHash: hashOf(2), action: 'submitted', reason: '领导要求本周印发', at: '2026-03-11T01:59:00Z', score: 55 }),
]

eachStore('统计与归档', (open) => {
  let env: Env
  const get = async (path: string) => {
    const res = await env.call('GET', path, { token: env.tokens.reviewer })
    expect(res.status).toBe(200)
    return res.json()
  }
  beforeAll(async () => {
    env = await setup(open)
    const res = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events: KNOWN } })
    expect(await res.json()).toEqual({ accepted: KNOWN.length, duplicates: 0 })
  })
  afterAll(() => env.db.close())

  it('总体：份数、平均分、超长率、隐形变异数', async () => {
    const o = await get('/api/stats/overview')
    expect(o.totals).toMatchObject({ documents: 4, avgScore: 75.5, overCapRate: 0.25, overCap: 1, disguised: 1, units: 2 })
    expect(o.totals.findings).toMatchObject({ tao: 5, burden: 2 })
    expect(o.totals.byKind).toEqual({ filed: 4, analyzed: 4, dismiss: 2, 'false-positive': 2, override: 1 })
  })

  it('按周（北京时间）、单位、文种分组', async () => {
    const o = await get('/api/stats/overview')
    expect(o.weekly.map((w: { week: string; documents: number }) => [w.week, w.documents])).toEqual([
      ['2026-03-09', 2],
      ['2026-03-16', 2],
    ])
    expect(o.weekly[0].avgScore).toBe(72.5)
    expect(o.byUnit.map((u: { unit: string; documents: number }) => [u.unit, u.documents])).toEqual([
      ['办公室', 3],
      ['财政局', 1],
    ])
    expect(o.byDocType.find((d: { docType: string }) => d.docType === '通知')).toMatchObject({ documents: 2, avgScore: 72.5, overCapRate: 0.5 })
    expect(o.byUnitWeek).toEqual([
      { unit: '办公室', week: '2026-03-09', documents: 2, avgScore: 72.5 },
      { unit: '办公室', week: '2026-03-16', documents: 1, avgScore: 72 },
      { unit: '财政局', week: '2026-03-16', documents: 1, avgScore: 85 },
    ])
  })

  it('分数分布与筛选', async () => {
    const o = await get('/api/stats/overview')
    const hist = Object.fromEntries(o.scoreHistogram.map((b: { from: number; count: number }) => [b.from, b.count]))
    expect(hist).toMatchObject({ 50: 1, 70: 1, 80: 1, 90: 1, 0: 0 })
    const week2 = await get('/api/stats/overview?from=2026-03-16&to=2026-03-22')
    expect(week2.totals.documents).toBe(2)
    const unit = await get('/api/stats/overview?unit=财政局')
    expect(unit.totals).toMatchObject({ documents: 1, avgScore: 85 })
    const analyzed = await get('/api/stats/overview?basis=analyzed')
    expect(analyzed.totals.documents).toBe(4)
    const bad = await env.call('GET', '/api/stats/overview?from=March', { token: env.tokens.reviewer })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details[0]).toMatch(/^from: 日期格式/)
  })

  it('按规则：命中、忽略率、误报率', async () => {
    const { rules } = await get('/api/stats/rules')
    expect(rules).toEqual([
      expect.objectContaining({ ruleId: 'burden.y', hits: 3, dismissals: 0, falsePositives: 1, dismissRate: 0, falsePositiveRate: 0.3333 }),
      expect.objectContaining({ ruleId: 'tao.x', hits: 4, dismissals: 2, falsePositives: 1, dismissRate: 0.5, falsePositiveRate: 0.25 }),
    ])
    // Rules no longer in the served set have no tier and are never proposed for demotion.
    expect(rules.every((r: { tier: unknown; proposeDemotion: boolean }) => r.tier === null && r.proposeDemotion === false)).toBe(true)
  })

  it('覆盖理由', async () => {
    const o = await get('/api/stats/overview')
    expect(o.overrides.total).toBe(1)
    expect(o.overrides.recent[0]).toMatchObject({ reason: '领导要求本周印发', action: 'submitted' })
  })

  it('归档公文：列表、按哈希查询、覆盖理由', async () => {
    const list = await get('/api/documents?unit=办公室')
    expect(list.total).toBe(3)
    expect(list.items.map((d: { score: number }) => d.score)).toEqual([72, 55, 90])
    const low = await get('/api/documents?maxScore=60')
    expect(low.items.map((d: { docHash: string }) => d.docHash)).toEqual([hashOf(2)])
    const one = await get(`/api/documents/${hashOf(2)}`)
    expect(one.filed[0]).toMatchObject({ unit: '办公室', docType: '通知', score: 55, action: 'justify', flags: { overCap: true, disguisedDirective: true } })
    expect(one.filed[0].overrides).toEqual([expect.objectContaining({ reason: '领导要求本周印发', action: 'submitted', at: '2026-03-11T01:59:00.000Z' })])
    expect(one.text).toBeNull()
    expect((await env.call('GET', `/api/documents/${hashOf(99)}`, { token: env.tokens.reviewer })).status).toBe(404)
    expect((await env.call('GET', '/api/documents/not-a-hash', { token: env.tokens.reviewer })).status).toBe(400)
  })

  it('正文只在管理员为该单位开启后才保存', async () => {
    const text = '关于做好春季防火工作的通知\n各村：请于3月20日前完成巡查。'
    const docHash = createHash('sha256').update(docHashText(text)).digest('hex')
    const send = () => env.call('POST', '/api/documents/text', { token: env.tokens.drafter, json: { unit: '办公室', docHash, text } })
    expect((await (await env.call('GET', '/api/units/办公室/policy', { token: env.tokens.drafter })).json()).storeText).toBe(false)
    const refused = await send()
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.code).toBe('text_storage_disabled')
    expect(await env.db.query('SELECT 1 FROM document_texts')).toHaveLength(0)

    expect((await env.call('PUT', '/api/units/办公室/policy', { json: { storeText: true } })).status).toBe(200)
    expect((await (await env.call('GET', '/api/units/办公室/policy', { token: env.tokens.drafter })).json()).storeText).toBe(true)
    const mismatch = await env.call('POST', '/api/documents/text', { token: env.tokens.drafter, json: { unit: '办公室', docHash: hashOf(7), text } })
    expect(mismatch.status).toBe(422)
    expect((await send()).status).toBe(201)
    await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events: [event({ kind: 'filed', docHash, score: 95 })] } })
    const doc = await get(`/api/documents/${docHash}`)
    expect(doc.text.text).toBe(text)
    expect(doc.filed[0].hasText).toBe(true)
  })
})

eachStore('发文限额', (open) => {
  let env: Env
  let n = 100
  const file = (o: Parameters<typeof event>[0]) => event({ kind: 'filed', action: 'pass', docHash: hashOf(n++), ...o })
  const ingest = async (events: ReturnType<typeof event>[]) => {
    const res = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events } })
    expect(res.status).toBe(200)
  }
  const quota = async () => (await env.call('GET', '/api/units/办公室/quota?year=2026', { token: env.tokens.drafter })).json()
  beforeAll(async () => {
    env = await setup(open)
    // Five documents last year (the default quota), one of them filed twice; a blocked filing does not count.
    const twice = hashOf(1)
    await ingest([
      ...Array.from({ length: 4 }, () => file({ at: '2025-06-01T02:00:00Z' })),
      file({ at: '2025-07-01T02:00:00Z', docHash: twice }),
      file({ at: '2025-07-02T02:00:00Z', docHash: twice }),
      file({ at: '2025-08-01T02:00:00Z', action: 'block' }),
      // 2026-01-01 00:30 in Beijing: this year, not last.
      file({ at: '2025-12-31T16:30:00Z', docType: '通知' }),
      file({ at: '2026-02-01T02:00:00Z', docType: '通知' }),
      file({ at: '2026-02-02T02:00:00Z', docType: '方案' }),
    ])
  })
  afterAll(() => env.db.close())

  it('默认限额为上年发文数（只减不增），3/5 为正常', async () => {
    expect(await quota()).toMatchObject({ unit: '办公室', year: 2026, filed: 3, quota: 5, quotaSource: 'last-year', lastYear: 5, level: 'ok' })
  })

  it('达到 80% 预警', async () => {
    await ingest([file({ at: '2026-03-01T02:00:00Z', docType: '方案' })])
    expect(await quota()).toMatchObject({ filed: 4, quota: 5, level: 'warn' })
  })

  it('管理员设定限额与分文种限额；达到 100% 为超限', async () => {
    const res = await env.call('PUT', '/api/units/办公室/quota', { json: { year: 2026, total: 4, byDocType: { 通知: 2, 方案: 5 } } })
    expect(res.status).toBe(200)
    const q = await quota()
    expect(q).toMatchObject({ filed: 4, quota: 4, quotaSource: 'set', level: 'over' })
    expect(q.byDocType).toEqual({ 通知: { filed: 2, quota: 2, level: 'over' }, 方案: { filed: 2, quota: 5, level: 'ok' } })
    const all = await (await env.call('GET', '/api/quotas?year=2026', { token: env.tokens.reviewer })).json()
    expect(all.units.find((u: { unit: string }) => u.unit === '办公室').level).toBe('over')
    const bad = await env.call('PUT', '/api/units/办公室/quota', { json: { year: 2026, total: -1 } })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details[0]).toMatch(/^total: /)
  })

  it('没有上年数据也没有设定：不预警', async () => {
    const q = await (await env.call('GET', '/api/units/新单位/quota?year=2026', { token: env.tokens.drafter })).json()
    expect(q).toMatchObject({ filed: 0, quota: null, quotaSource: 'none', level: 'ok' })
  })
})
