import { afterAll, beforeAll, expect, it } from 'vitest'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { setup, type Env } from './helpers'

let env: Env
beforeAll(async () => {
  env = await setup(() => openPgliteThread())
})
afterAll(() => env.db.close())

const common = (res: Response) => {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
}

it('接口的每个应答（成功、304、错误）都带安全头，CSP 不许执行任何内容', async () => {
  const ok = await env.call('GET', '/api/health', { token: null })
  const etag = (await env.call('GET', '/api/rules', { token: env.tokens.drafter })).headers.get('etag')!
  const notModified = await env.call('GET', '/api/rules', { token: env.tokens.drafter, headers: { 'if-none-match': etag } })
  expect(notModified.status).toBe(304)
  const denied = await env.call('GET', '/api/me', { token: null })
  const missing = await env.call('GET', '/api/nothing')
  const pollDenied = await env.call('GET', '/api/rules', { token: null })
  const pollBad = await env.call('GET', `/api/rules?unit=${'单'.repeat(101)}`, { token: env.tokens.drafter })
  const rules = await env.call('GET', '/api/rules', { token: env.tokens.drafter })
  const fingerprints = await env.call('GET', '/api/fingerprints', { token: env.tokens.drafter })
  expect([pollDenied.status, pollBad.status, rules.status, fingerprints.status]).toEqual([401, 400, 200, 200])
  for (const res of [ok, notModified, denied, missing, pollDenied, pollBad, rules, fingerprints]) {
    common(res)
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
  }
})

it('看板页面：只加载本站脚本与样式，禁止被嵌入；错误应答按接口的严格策略', async () => {
  const bad = await env.app.request('/%ZZ')
  expect(bad.status).toBe(400)
  common(bad)
  for (const path of ['/', '/documents']) {
    const res = await env.app.request(path)
    common(res)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/unsafe-eval/)
    expect(csp).toMatch(/object-src 'none'/)
  }
})
