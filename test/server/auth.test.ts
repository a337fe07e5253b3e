import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { bootstrap } from '../../server/bootstrap'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { migrate } from '../../server/db/migrate'
import { createStore } from '../../server/store'
import { eachStore, event, hashOf, setup, type Env } from './helpers'

type Role = 'drafter' | 'reviewer' | 'admin' | null

/** Every route, the least role it needs, and a request that passes validation. */
const ROUTES: Array<{ method: string; path: string; role: Role; json?: unknown }> = [
  { method: 'GET', path: '/api/health', role: null },
  { method: 'GET', path: '/api/me', role: 'drafter' },
  { method: 'GET', path: '/api/rules', role: 'drafter' },
  { method: 'GET', path: '/api/rules?unit=办公室', role: 'drafter' },
  { method: 'GET', path: '/api/fingerprints', role: 'drafter' },
  { method: 'GET', path: '/api/units/办公室/policy', role: 'drafter' },
  { method: 'GET', path: '/api/units/办公室/quota?year=2026', role: 'drafter' },
  { method: 'GET', path: '/api/units/办公室/overrides', role: 'drafter' },
  { method: 'POST', path: '/api/telemetry', role: 'drafter', json: { events: [event()] } },
  { method: 'POST', path: '/api/documents/text', role: 'drafter', json: { unit: '办公室', docHash: hashOf(1), text: 'x' } },
  { method: 'POST', path: '/api/analyze', role: 'reviewer', json: { text: '各乡镇要高度重视。' } },
  { method: 'POST', path: '/api/extract', role: 'reviewer' },
  { method: 'GET', path: '/api/documents', role: 'reviewer' },
  { method: 'GET', path: `/api/documents/${hashOf(1)}`, role: 'reviewer' },
  { method: 'GET', path: '/api/stats/overview', role: 'reviewer' },
  { method: 'GET', path: '/api/stats/rules', role: 'reviewer' },
  { method: 'GET', path: '/api/quotas', role: 'reviewer' },
  { method: 'GET', path: '/api/units', role: 'reviewer' },
  { method: 'GET', path: '/api/rulesets', role: 'reviewer' },
  { method: 'GET', path: '/api/rulesets/1', role: 'reviewer' },
  { method: 'GET', path: '/api/rulesets/diff?from=1&to=1', role: 'reviewer' },
  { method: 'GET', path: '/api/superior', role: 'reviewer' },
  { method: 'POST', path: '/api/rulesets/validate', role: 'admin', json: { ruleSet: {} } },
  { method: 'POST', path: '/api/rulesets', role: 'admin', json: { ruleSet: {} } },
  { method: 'POST', path: '/api/rulesets/1/rollback', role: 'admin' },
  { method: 'PUT', path: '/api/units/办公室/policy', role: 'admin', json: { storeText: false } },
  { method: 'PUT', path: '/api/units/办公室/quota', role: 'admin', json: { year: 2026, total: 10 } },
  { method: 'PUT', path: '/api/units/办公室/overrides', role: 'admin', json: { overrides: {} } },
  { method: 'GET', path: '/api/tokens', role: 'admin' },
  { method: 'POST', path: '/api/tokens', role: 'admin', json: { role: 'drafter', name: '新令牌' } },
  { method: 'DELETE', path: '/api/tokens/tk_nonexistent', role: 'admin' },
  { method: 'POST', path: '/api/superior', role: 'admin', json: { title: '上级文件', text: '为深入贯彻落实党中央关于整治形式主义为基层减负的决策部署，现提出如下意见。' } },
  { method: 'DELETE', path: '/api/superior/sd_nonexistent', role: 'admin' },
  { method: 'GET', path: '/api/audit', role: 'admin' },
]

const RANK = { drafter: 0, reviewer: 1, admin: 2 } as const
/** Past the role check: any answer but 401, or a 403 for another reason (a unit's policy). */
async function passedAuth(res: Response) {
  expect(res.status).not.toBe(401)
  if (res.status === 403) expect((await res.json()).error.code).not.toBe('forbidden')
}
const below = (r: Role) => (r === 'admin' ? 'reviewer' : r === 'reviewer' ? 'drafter' : null)

eachStore('鉴权', (open) => {
  let env: Env
  beforeAll(async () => {
    env = await setup(open)
  })
  afterAll(() => env.db.close())

  for (const r of ROUTES) {
    const name = `${r.method} ${r.path}`
    if (r.role === null) {
      it(`${name} 无需令牌`, async () => expect((await env.call(r.method, r.path, { token: null })).status).toBe(200))
      continue
    }
    it(`${name}：无令牌 401，错误令牌 401`, async () => {
      const none = await env.call(r.method, r.path, { token: null, json: r.json })
      expect(none.status).toBe(401)
      expect((await none.json()).error.code).toBe('unauthorized')
      const bad = await env.call(r.method, r.path, { token: 'bw_not-a-real-token', json: r.json })
      expect(bad.status).toBe(401)
      expect((await bad.json()).error).toMatchObject({ code: 'invalid_token', message: expect.stringMatching(/令牌/) })
    })
    const lower = below(r.role)
    if (lower)
      it(`${name}：${lower} 令牌 403`, async () => {
        const res = await env.call(r.method, r.path, { token: env.tokens[lower], json: r.json })
        expect(res.status).toBe(403)
        expect((await res.json()).error.code).toBe('forbidden')
      })
    it(`${name}：${r.role} 令牌可通过鉴权`, async () => {
      const res = await env.call(r.method, r.path, { token: r.role === 'admin' ? env.tokens.admin : env.tokens[r.role as 'drafter' | 'reviewer'], json: r.json })
      await passedAuth(res)
      if (RANK[r.role!] < 2) await passedAuth(await env.call(r.method, r.path, { token: env.tokens.admin, json: r.json }))
    })
  }

  it('错误响应为统一 JSON 结构，消息为中文', async () => {
    const res = await env.call('GET', '/api/nothing-here')
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body.error.code).toBe('not_found')
    expect(body.error.message).toMatch(/接口不存在/)
  })

  it('吊销的令牌立即失效', async () => {
    const created = await (await env.call('POST', '/api/tokens', { json: { role: 'reviewer', name: '临时审核' } })).json()
    expect((await env.call('GET', '/api/me', { token: created.token })).status).toBe(200)
    expect((await env.call('DELETE', `/api/tokens/${created.id}`)).status).toBe(200)
    expect((await env.call('GET', '/api/me', { token: created.token })).status).toBe(401)
  })

  it('令牌只存哈希', async () => {
    const rows = await env.db.query<{ hash: string }>('SELECT hash FROM tokens')
    for (const t of Object.values(env.tokens)) expect(rows.some((r) => r.hash === t)).toBe(false)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true)
  })

  it('不能吊销最后一个管理员', async () => {
    const me = await (await env.call('GET', '/api/me')).json()
    const res = await env.call('DELETE', `/api/tokens/${me.id}`)
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('last_admin')
  })

  it('绑定单位的令牌不能读写其他单位', async () => {
    const t = env.tokens.unitDrafter
    expect((await env.call('GET', '/api/units/办公室/quota', { token: t })).status).toBe(200)
    const other = await env.call('GET', '/api/units/财政局/quota', { token: t })
    expect(other.status).toBe(403)
    expect((await other.json()).error.code).toBe('unit_forbidden')
    const tel = await env.call('POST', '/api/telemetry', { token: t, json: { events: [event({ unit: '财政局' })] } })
    expect(tel.status).toBe(403)
  })

  it('CORS：允许 chrome-extension:// 来源与 Authorization 头', async () => {
    const res = await env.app.request('/api/rules', {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abcdefghijklmnop', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')
    const evil = await env.app.request('/api/rules', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } })
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('请求体超过上限返回 413', async () => {
    const res = await env.call('PUT', '/api/units/办公室/policy', { body: JSON.stringify({ storeText: false, pad: 'x'.repeat(200_000) }), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
  })
})

describe('限流与首次启动', () => {
  it('每个令牌单独限流，超出返回 429 和 Retry-After', async () => {
    const env = await setup(() => openPgliteThread(), { config: { rateLimit: { perMinute: 60, burst: 3 } } })
    const codes = []
    for (let i = 0; i < 5; i++) codes.push((await env.call('GET', '/api/me', { token: env.tokens.drafter })).status)
    expect(codes).toEqual([200, 200, 200, 429, 429])
    const res = await env.call('GET', '/api/me', { token: env.tokens.drafter })
    expect(res.headers.get('retry-after')).toBe('1')
    expect((await res.json()).error.code).toBe('rate_limited')
    expect((await env.call('GET', '/api/me', { token: env.tokens.reviewer })).status).toBe(200)
    await env.db.close()
  })

  it('首次启动生成一次性管理员令牌；设置 BANWEN_ADMIN_TOKEN 时以其为管理员令牌', async () => {
    const db = await openPgliteThread()
    await migrate(db)
    const store = createStore(db)
    const first = await bootstrap(store)
    expect(first.newAdminToken).toMatch(/^bw_/)
    expect((await bootstrap(store)).newAdminToken).toBeNull()
    await db.close()

    const db2 = await openPgliteThread()
    await migrate(db2)
    const store2 = createStore(db2)
    const fixed = 'admin-token-from-env-0123456789'
    expect((await bootstrap(store2, { adminToken: fixed })).newAdminToken).toBeNull()
    expect((await bootstrap(store2, { adminToken: fixed })).newAdminToken).toBeNull()
    const app = createApp({ store: store2 })
    const me = await (await app.request('/api/me', { headers: { authorization: `Bearer ${fixed}` } })).json()
    expect(me.role).toBe('admin')
    await db2.close()
  })
})
