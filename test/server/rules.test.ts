import { afterAll, beforeAll, expect, it } from 'vitest'
import { defaultRuleSet, type RuleSet } from '../../core'
import { eachStore, setup, type Env } from './helpers'

const withVersion = (version: string, change: (rs: RuleSet) => void = () => {}): RuleSet => {
  const rs = structuredClone(defaultRuleSet())
  rs.version = version
  change(rs)
  return rs
}

eachStore('规则集', (open) => {
  let env: Env
  beforeAll(async () => {
    env = await setup(open)
  })
  afterAll(() => env.db.close())

  it('首次启动以内置规则集为第 1 版；GET /api/rules 带 ETag，If-None-Match 命中返回 304', async () => {
    const res = await env.call('GET', '/api/rules', { token: env.tokens.drafter })
    expect(res.status).toBe(200)
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    const body = await res.json()
    expect(body.version).toBe(defaultRuleSet().version)
    const again = await env.call('GET', '/api/rules', { token: env.tokens.drafter, headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    expect((await env.call('GET', '/api/rules', { token: env.tokens.drafter, headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304)
    expect((await env.call('GET', '/api/rules', { token: env.tokens.drafter, headers: { 'if-none-match': '"stale"' } })).status).toBe(200)
  })

  it('发布格式错误的规则集被拒绝，列出每处错误的路径', async () => {
    const bad = withVersion('bad-1') as unknown as Record<string, unknown>
    const rules = bad.rules as Array<Record<string, unknown>>
    rules[0]!.severity = 'fatal'
    ;(rules[1] as Record<string, unknown>).id = 'Not An Id'
    delete bad.scoring
    const res = await env.call('POST', '/api/rulesets', { json: { ruleSet: bad } })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('invalid_ruleset')
    expect(error.message).toMatch(/规则集格式错误/)
    expect(error.details).toEqual(expect.arrayContaining([expect.stringMatching(/^rules\.0\.severity: /), expect.stringMatching(/^rules\.1\.id: /), expect.stringMatching(/^scoring: /)]))
    expect((await env.call('GET', '/api/rulesets')).status).toBe(200)
    const { versions } = await (await env.call('GET', '/api/rulesets')).json()
    expect(versions).toHaveLength(1)
  })

  it('例句不通过的规则集被拒绝', async () => {
    const rs = withVersion('bad-examples', (r) => {
      const phrase = r.rules.find((x) => x.kind === 'phrase')!
      phrase.examples.good = [...phrase.examples.good, `本段${(phrase as { phrases: string[] }).phrases[0]}出现在正例中。`]
    })
    const res = await env.call('POST', '/api/rulesets', { json: { ruleSet: rs } })
    expect(res.status).toBe(422)
    const { error } = await res.json()
    expect(error.code).toBe('examples_failed')
    expect(error.details[0]).toMatch(/正例.*不应触发/)
    const dry = await (await env.call('POST', '/api/rulesets/validate', { json: { ruleSet: rs } })).json()
    expect(dry.valid).toBe(false)
    expect(dry.failed).toBe(1)
    expect(dry.examples.length).toBeGreaterThan(10)
  })

  it('发布新版本：ETag 改变，旧 ETag 不再 304；重复版本号 409；写入审计日志', async () => {
    const before = (await env.call('GET', '/api/rules', { token: env.tokens.drafter })).headers.get('etag')!
    const rs = withVersion('2026.12.1', (r) => {
      r.rules[0]!.weight = 2
      r.name = '办文规则集（12月）'
    })
    const res = await env.call('POST', '/api/rulesets', { json: { ruleSet: rs, note: '调整权重' } })
    expect(res.status).toBe(201)
    const pub = await res.json()
    expect(pub).toMatchObject({ version: '2026.12.1', current: true, note: '调整权重' })
    const now = await env.call('GET', '/api/rules', { token: env.tokens.drafter, headers: { 'if-none-match': before } })
    expect(now.status).toBe(200)
    expect((await now.json()).version).toBe('2026.12.1')
    expect(now.headers.get('etag')).not.toBe(before)

    const dup = await env.call('POST', '/api/rulesets', { json: { ruleSet: rs } })
    expect(dup.status).toBe(409)
    expect((await dup.json()).error.code).toBe('version_exists')

    const { entries } = await (await env.call('GET', '/api/audit?action=ruleset')).json()
    expect(entries[0]).toMatchObject({ action: 'ruleset.publish', target: '2026.12.1', actorName: '初始管理员' })
  })

  it('版本列表与两版差异', async () => {
    const { versions } = await (await env.call('GET', '/api/rulesets', { token: env.tokens.reviewer })).json()
    expect(versions.map((v: { version: string }) => v.version)).toEqual(['2026.12.1', defaultRuleSet().version])
    expect(versions[0].current).toBe(true)
    const diff = await (await env.call('GET', `/api/rulesets/diff?from=${defaultRuleSet().version}&to=2026.12.1`, { token: env.tokens.reviewer })).json()
    expect(diff.sections).toEqual(['name'])
    expect(diff.changed).toEqual([{ id: defaultRuleSet().rules[0]!.id, title: defaultRuleSet().rules[0]!.title, fields: ['weight'] }])
    expect(diff.added).toEqual([])
    const one = await (await env.call('GET', '/api/rulesets/2026.12.1', { token: env.tokens.reviewer })).json()
    expect(one.body.rules[0].weight).toBe(2)
    expect((await env.call('GET', '/api/rulesets/9999', { token: env.tokens.reviewer })).status).toBe(404)
  })

  it('回滚到旧版本：当前规则与 ETag 恢复，审计记录来龙去脉', async () => {
    const first = await (await env.call('GET', '/api/rulesets/1')).json()
    const res = await env.call('POST', '/api/rulesets/1/rollback')
    expect(res.status).toBe(200)
    const rules = await env.call('GET', '/api/rules', { token: env.tokens.drafter })
    expect((await rules.json()).version).toBe(first.version)
    const { entries } = await (await env.call('GET', '/api/audit')).json()
    expect(entries[0]).toMatchObject({ action: 'ruleset.rollback', detail: { fromVersion: '2026.12.1', toVersion: first.version } })
    const again = await env.call('POST', '/api/rulesets/1/rollback')
    expect(again.status).toBe(409)
    const { versions } = await (await env.call('GET', '/api/rulesets')).json()
    expect(versions.find((v: { rev: number }) => v.rev === 1).current).toBe(true)
  })

  it('单位覆盖：本单位篇幅上限与停用规则，只影响该单位，ETag 各自独立', async () => {
    const ruleId = defaultRuleSet().rules.find((r) => r.kind === 'phrase')!.id
    const bad = await env.call('PUT', '/api/units/财政局/overrides', { json: { overrides: { capPreset: 'nowhere', disabledRules: ['no.such'] } } })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details).toHaveLength(2)
    const ok = await env.call('PUT', '/api/units/财政局/overrides', { json: { overrides: { capPreset: 'taiyuan', caps: { 通知: 2500 }, disabledRules: [ruleId] } } })
    expect(ok.status).toBe(200)
    const unitRes = await env.call('GET', '/api/rules?unit=财政局', { token: env.tokens.drafter })
    const unitSet = await unitRes.json()
    expect(unitSet.caps.preset).toBe('taiyuan')
    expect(unitSet.caps.overrides['通知']).toBe(2500)
    expect(unitSet.rules.find((r: { id: string }) => r.id === ruleId).enabled).toBe(false)
    const shared = await env.call('GET', '/api/rules', { token: env.tokens.drafter })
    expect(shared.headers.get('etag')).not.toBe(unitRes.headers.get('etag'))
    expect((await shared.json()).caps.preset).toBe(defaultRuleSet().caps.preset)
    expect((await env.call('GET', '/api/rules?unit=财政局', { token: env.tokens.drafter, headers: { 'if-none-match': unitRes.headers.get('etag')! } })).status).toBe(304)
    // The unit's cap applies when a reviewer scores a document for that unit.
    const report = await (await env.call('POST', '/api/analyze', { token: env.tokens.reviewer, json: { text: '关于开展检查的通知\n各科室：请按时完成。', unit: '财政局' } })).json()
    expect(report.cap).toBe(2500)
  })
})
