import { afterAll, beforeAll, expect, it } from 'vitest'
import { defaultRuleSet, TELEMETRY_LIMITS } from '../../core'
import { eachStore, event, setup, type Env } from './helpers'

/** One event that passes the schema shape but not the bounds storage enforces, and why it must be refused. */
const BAD: Array<[string, Record<string, unknown>]> = [
  ['chars 超出整数范围', { chars: 3e9 }],
  ['cap 超出整数范围', { cap: 3e9 }],
  ['counts 超出整数范围', { counts: { tao: 3e9, burden: 0, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 } }],
  ['at 为公元 0 年', { at: '0000-01-01T00:00:00Z' }],
  ['at 为 2100 年以后', { at: '2400-01-01T00:00:00Z' }],
  ['at 为不存在的日期', { at: '2026-02-30T08:00:00+08:00' }],
  ['unit 含 NUL', { unit: '办公\u0000室' }],
  ['docType 含不成对的代理字符', { docType: '通\ud800知' }],
  ['reason 含孤立的低代理', { kind: 'override', reason: '理由\udc00' }],
  ['reason 超过 500 字', { kind: 'override', reason: '因'.repeat(TELEMETRY_LIMITS.reason + 1) }],
  ['user 是一段话而非代号', { user: '张三 办公室科员' }],
  ['user 过长', { user: 'u'.repeat(65) }],
  ['ruleIds 不是规则编号', { ruleIds: ['这里是一段任意文字'] }],
  ['ruleIds 超过上限', { ruleIds: Array.from({ length: TELEMETRY_LIMITS.ruleIds + 1 }, (_, i) => `tao.r${i}`) }],
  ['ruleId 不是规则编号', { kind: 'dismiss', ruleId: 'x'.repeat(90) }],
  ['flags 含未知字段', { flags: { overCap: false, disguisedDirective: false, frame: false, copiedShare: null, note: '夹带' } }],
  ['extensionVersion 夹带文字', { extensionVersion: '0.1.0 正文' }],
  ['id 含空格', { id: 'evt 0001 x' }],
]

eachStore('输入边界', (open) => {
  let env: Env
  beforeAll(async () => {
    env = await setup(open)
  })
  afterAll(() => env.db.close())
  const post = (body: unknown, token = env.tokens.drafter) => env.call('POST', '/api/telemetry', { token, json: body })

  for (const [name, patch] of BAD)
    it(`遥测：${name} → 400，指出序号，整批不存`, async () => {
      const before = await env.store.telemetry.count()
      const res = await post({ events: [event(), { ...event(), ...patch }, event()] })
      expect(res.status).toBe(400)
      const { error } = await res.json()
      expect(error.code).toBe('invalid_events')
      expect(error.indexes).toEqual([1])
      expect(error.message).toMatch(/序号 1/)
      expect(error.details.every((d: string) => d.startsWith('events.1'))).toBe(true)
      expect(await env.store.telemetry.count()).toBe(before)
    })

  it('遥测：499 条好事件夹 1 条坏事件，剔除后重发全部存入', async () => {
    const good = Array.from({ length: 499 }, () => event())
    const batch = [...good.slice(0, 300), event({ chars: 3e9 }), ...good.slice(300)]
    const res = await post({ events: batch })
    expect((await res.json()).error.indexes).toEqual([300])
    const kept = batch.filter((_, i) => i !== 300)
    expect(await (await post({ events: kept })).json()).toEqual({ accepted: 499, duplicates: 0 })
  })

  it('遥测：边界上的值照常入库', async () => {
    const e = event({ chars: TELEMETRY_LIMITS.chars, at: '2000-01-01T00:00:00Z', reason: '因'.repeat(500), kind: 'override', user: 'u-1a2b3c4d', ruleIds: defaultRuleSet().rules.slice(0, 3).map((r) => r.id) })
    expect(await (await post({ events: [e] })).json()).toEqual({ accepted: 1, duplicates: 0 })
  })

  it('遥测：绑定单位的令牌上报其他单位的事件，403 并指出序号', async () => {
    const res = await post({ events: [event(), event({ unit: '财政局' })] }, env.tokens.unitDrafter)
    expect(res.status).toBe(403)
    expect((await res.json()).error).toMatchObject({ code: 'unit_forbidden', indexes: [1] })
  })

  it('只收 JSON：其他 Content-Type 返回 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', '']) {
      const res = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, body: JSON.stringify({ events: [event()] }), headers: type ? { 'content-type': type } : {} })
      expect(res.status, type).toBe(415)
      expect((await res.json()).error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/JSON/) })
    }
    const put = await env.call('PUT', '/api/units/办公室/policy', { body: '{"storeText":true}', headers: { 'content-type': 'text/plain' } })
    expect(put.status).toBe(415)
    const ok = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, body: JSON.stringify({ events: [event()] }), headers: { 'content-type': 'application/json; charset=utf-8' } })
    expect(ok.status).toBe(200)
  })

  it('配额总量超出范围 → 400', async () => {
    for (const body of [{ year: 2026, total: 3e9 }, { year: 2026, total: 10, byDocType: { 通知: 3e9 } }, { year: 2026, total: -1 }]) {
      const res = await env.call('PUT', '/api/units/办公室/quota', { json: body })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })

  it('路径与查询中的 NUL、代理字符与坏的百分号编码 → 400', async () => {
    for (const path of ['/api/units/a%00b/policy', '/api/units/%ED%A0%80/quota', '/api/units/%E4%ZZ/policy', '/api/documents?unit=%00', '/api/stats/overview?unit=%E4%ZZ', '/api/rules?unit=%ZZ', '/%E4%ZZ', '/assets/%ZZ.js']) {
      const res = await env.call('GET', path)
      expect(res.status, path).toBe(400)
      expect((await res.json()).error.code).toBe('invalid_url')
    }
    const put = await env.call('PUT', '/api/units/a%00b/quota', { json: { year: 2026, total: 1 } })
    expect(put.status).toBe(400)
  })

  it('不存在的日期 → 400', async () => {
    for (const path of ['/api/stats/overview?from=2026-02-30', '/api/stats/rules?to=2026-13-01', '/api/documents?from=2025-02-29']) {
      const res = await env.call('GET', path)
      expect(res.status, path).toBe(400)
      expect((await res.json()).error.details[0]).toMatch(/日期/)
    }
    expect((await env.call('GET', '/api/stats/overview?from=2024-02-29')).status).toBe(200)
    const sup = await env.call('POST', '/api/superior', { json: { title: '上级来文', issuedOn: '2026-02-30', text: '关于进一步精简会议文件切实减轻基层负担的若干措施如下。' } })
    expect(sup.status).toBe(400)
  })

  it('请求体任何位置的 NUL 或不成对代理字符 → 400，不入库也不报 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/tokens', { role: 'drafter', name: '令牌\u0000' }],
      ['POST', '/api/tokens', { role: 'drafter', name: '令牌\ud800' }],
      ['POST', '/api/superior', { title: '标题', text: '关于进一步精简会议文件切实减轻基层负担的若干措施。\u0000' }],
      ['POST', '/api/rulesets', { ruleSet: { ...defaultRuleSet(), name: '规则\u0000集' } }],
      ['POST', '/api/analyze', { text: '各单位要高度重视\udfff' }],
      ['PUT', '/api/units/办公室/overrides', { overrides: { caps: { ['通知\u0000']: 100 } } }],
    ]
    for (const [method, path, json] of cases) {
      const res = await env.call(method, path, { json })
      expect(res.status, path).toBe(400)
      expect((await res.json()).error.details.join()).toMatch(/NUL 或不成对的代理字符/)
    }
  })

  it('本单位设置：停用的规则必须是规则编号', async () => {
    const res = await env.call('PUT', '/api/units/办公室/overrides', { json: { overrides: { disabledRules: ['一段任意文字'.repeat(100)] } } })
    expect(res.status).toBe(400)
  })
})
