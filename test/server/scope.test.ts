import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultRuleSet } from '../../core'
import { sha256 } from '../../server/lib/hash'
import { SYSTEM } from '../../server/store/tokens'
import { eachStore, event, hashOf, setup, type Env } from './helpers'

const OWN = '办公室'
const OTHER = '财政局'
const OTHER_TEXT = '财政局起草的一份通知正文，仅供本单位审阅。'
const SHARED = sha256(OTHER_TEXT)
const ONLY_OTHER = hashOf(77)

eachStore('单位范围', (open) => {
  let env: Env
  let reviewer: string
  let admin: string
  let otherToken: string
  beforeAll(async () => {
    env = await setup(open)
    const mk = async (role: 'reviewer' | 'admin', unit: string) => (await env.store.tokens.create({ role, name: `${unit}${role}`, unit }, SYSTEM)).token
    reviewer = await mk('reviewer', OWN)
    admin = await mk('admin', OWN)
    otherToken = (await env.store.tokens.create({ role: 'drafter', name: '财政局起草', unit: OTHER }, SYSTEM)).record.id
    await env.store.telemetry.ingest(
      [
        event({ unit: OWN, kind: 'filed', action: 'justify', docHash: SHARED, score: 60 }),
        event({ unit: OWN, kind: 'analyzed', docHash: SHARED, score: 61 }),
        event({ unit: OTHER, kind: 'filed', action: 'justify', docHash: SHARED, score: 40 }),
        event({ unit: OTHER, kind: 'override', action: 'submitted', docHash: SHARED, reason: '财政局的说明不应外泄' }),
        event({ unit: OTHER, kind: 'analyzed', docHash: SHARED, score: 41 }),
        event({ unit: OTHER, kind: 'analyzed', docHash: ONLY_OTHER, score: 42 }),
      ],
      'tk_test',
    )
    for (const u of [OWN, OTHER]) expect((await env.call('PUT', `/api/units/${u}/policy`, { json: { storeText: true } })).status).toBe(200)
    await env.store.documents.storeText(OTHER, SHARED, '财政局通知', OTHER_TEXT, SYSTEM)
  })
  afterAll(() => env.db.close())
  const as = (token: string) => (method: string, path: string, json?: unknown) => env.call(method, path, { token, json })

  describe('单位审核人', () => {
    it('GET /api/documents 只见本单位，说明与正文标记不串单位', async () => {
      const r = await (await as(reviewer)('GET', '/api/documents')).json()
      expect(r.items.map((i: { unit: string }) => i.unit)).toEqual([OWN])
      expect(r.items[0].overrides).toEqual([])
      expect(r.items[0].hasText).toBe(false)
      expect(JSON.stringify(r)).not.toContain('财政局的说明')
      expect((await as(reviewer)('GET', `/api/documents?unit=${OTHER}`)).status).toBe(403)
      // The unbound reviewer still sees the other unit's note on its own filing.
      const all = await (await env.call('GET', `/api/documents?hash=${SHARED}`, { token: env.tokens.reviewer })).json()
      const other = all.items.find((i: { unit: string }) => i.unit === OTHER)
      expect(other.overrides.map((o: { reason: string }) => o.reason)).toEqual(['财政局的说明不应外泄'])
      expect(other.hasText).toBe(true)
    })

    it('GET /api/documents/:hash：其他单位的分析记录 404，共有的只见本单位', async () => {
      expect((await as(reviewer)('GET', `/api/documents/${ONLY_OTHER}`)).status).toBe(404)
      expect((await env.call('GET', `/api/documents/${ONLY_OTHER}`, { token: env.tokens.reviewer })).status).toBe(200)
      const doc = await (await as(reviewer)('GET', `/api/documents/${SHARED}`)).json()
      expect(doc.analyses.map((a: { unit: string }) => a.unit)).toEqual([OWN])
      expect(doc.filed.map((f: { unit: string }) => f.unit)).toEqual([OWN])
      expect(doc.text).toBeNull()
    })

    it('GET /api/units 只列本单位', async () => {
      const r = await (await as(reviewer)('GET', '/api/units')).json()
      expect(r.units.map((u: { unit: string }) => u.unit)).toEqual([OWN])
      const all = await (await env.call('GET', '/api/units', { token: env.tokens.reviewer })).json()
      expect(all.units.map((u: { unit: string }) => u.unit).sort()).toEqual([OWN, OTHER].sort())
    })

    it('POST /api/analyze：其他单位 403，本单位与不填照常', async () => {
      const text = '各单位要高度重视，认真抓好落实。'
      const other = await as(reviewer)('POST', '/api/analyze', { text, unit: OTHER })
      expect(other.status).toBe(403)
      expect((await other.json()).error.code).toBe('unit_forbidden')
      expect((await as(reviewer)('POST', '/api/analyze', { text, unit: OWN })).status).toBe(200)
      expect((await as(reviewer)('POST', '/api/analyze', { text })).status).toBe(200)
    })

    it('统计与配额只含本单位', async () => {
      expect((await as(reviewer)('GET', `/api/stats/overview?unit=${OTHER}`)).status).toBe(403)
      expect((await as(reviewer)('GET', `/api/stats/rules?unit=${OTHER}`)).status).toBe(403)
      const ov = await (await as(reviewer)('GET', '/api/stats/overview?basis=all')).json()
      expect(ov.byUnit.map((u: { unit: string }) => u.unit)).toEqual([OWN])
      expect(ov.overrides.recent).toEqual([])
      const q = await (await as(reviewer)('GET', '/api/quotas?year=2026')).json()
      expect(q.units.map((u: { unit: string }) => u.unit)).toEqual([OWN])
    })
  })

  describe('单位管理员', () => {
    it('不能创建不绑定单位或其他单位的令牌；不填单位即本单位', async () => {
      const none = await as(admin)('POST', '/api/tokens', { role: 'admin', name: '越权管理员', unit: null })
      expect(none.status).toBe(403)
      expect((await as(admin)('POST', '/api/tokens', { role: 'admin', name: '越权管理员', unit: OTHER })).status).toBe(403)
      const own = await as(admin)('POST', '/api/tokens', { role: 'admin', name: '本单位管理员' })
      expect(own.status).toBe(201)
      expect((await own.json()).unit).toBe(OWN)
    })

    it('令牌列表只见本单位，不能吊销其他单位的令牌', async () => {
      const list = await (await as(admin)('GET', '/api/tokens?all=1')).json()
      expect(list.tokens.length).toBeGreaterThan(0)
      expect(list.tokens.every((t: { unit: string }) => t.unit === OWN)).toBe(true)
      expect((await as(admin)('DELETE', `/api/tokens/${otherToken}`)).status).toBe(404)
    })

    it('不能修改其他单位，可以修改本单位', async () => {
      for (const [path, json] of [
        ['policy', { storeText: false }],
        ['quota', { year: 2026, total: 5 }],
        ['overrides', { overrides: {} }],
      ] as const) {
        const res = await as(admin)('PUT', `/api/units/${OTHER}/${path}`, json)
        expect(res.status, path).toBe(403)
        expect((await res.json()).error.code).toBe('unit_forbidden')
        expect((await as(admin)('PUT', `/api/units/${OWN}/${path}`, json)).status, path).toBe(200)
      }
      expect((await env.store.units.get(OTHER)).storeText).toBe(true)
    })

    it('不能发布、回滚规则集或增删上级文件（影响所有单位）', async () => {
      const set = { ...defaultRuleSet(), version: '2099.1.1' }
      const cases: Array<[string, string, unknown?]> = [
        ['POST', '/api/rulesets', { ruleSet: set }],
        ['POST', '/api/rulesets/1/rollback'],
        ['POST', '/api/superior', { title: '上级来文', text: '关于进一步精简会议文件切实减轻基层负担的若干措施如下。' }],
        ['DELETE', '/api/superior/sd_any'],
      ]
      for (const [method, path, json] of cases) {
        const res = await as(admin)(method, path, json)
        expect(res.status, path).toBe(403)
        expect((await res.json()).error.code).toBe('unit_forbidden')
      }
    })

    it('审计日志只见本单位的操作', async () => {
      const r = await (await as(admin)('GET', '/api/audit')).json()
      expect(r.entries.length).toBeGreaterThan(0)
      expect(r.entries.some((e: { target: string }) => e.target === OTHER)).toBe(false)
      expect(r.entries.every((e: { target: string; actorName: string }) => e.target === OWN || e.actorName.startsWith(OWN))).toBe(true)
    })
  })
})
