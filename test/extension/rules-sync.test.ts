/** Rules sync in Node: ETag round trips, the last good set survives a bad one, bundled fallback. */
import { describe, expect, it } from 'vitest'
import { defaultRuleSetInput } from '../../core'
import { stateKey, syncConditional, type SyncState } from '../../extension/lib/background/conditional-sync'
import { memoryKV } from '../../extension/lib/background/kv'
import { activeRules, RULES_KEY, rulesResource } from '../../extension/lib/background/rules'
import { serviceClient, type Fetch } from '../../extension/lib/background/service'

const withVersion = (version: string) => ({ ...structuredClone(defaultRuleSetInput), version })

/** A stand-in /api/rules: serves `body` with an ETag and answers 304 on a match. */
function rulesServer() {
  const s = { body: withVersion('2') as unknown, etag: '"v2"', seen: [] as Array<{ unit: string | null; ifNoneMatch: string | null; auth: string | null }>, down: false }
  const fetchImpl: Fetch = async (url, init) => {
    if (s.down) throw new TypeError('fetch failed')
    const h = init.headers as Record<string, string>
    s.seen.push({ unit: new URL(url).searchParams.get('unit'), ifNoneMatch: h['If-None-Match'] ?? null, auth: h.Authorization ?? null })
    if (h['If-None-Match'] === s.etag) return new Response(null, { status: 304, headers: { ETag: s.etag } })
    return new Response(JSON.stringify(s.body), { status: 200, headers: { ETag: s.etag, 'Content-Type': 'application/json' } })
  }
  return { s, client: serviceClient('http://svc.test', 'tok-1', fetchImpl) }
}

describe('rules sync', () => {
  it('falls back to the bundled set before any sync and without a service', async () => {
    const kv = memoryKV()
    expect((await activeRules(kv, true)).source).toBe('bundled')
    const { client } = rulesServer()
    await syncConditional(kv, rulesResource(client, '甲局'), '甲局')
    expect((await activeRules(kv, false)).source).toBe('bundled')
  })

  it('stores a new set with its ETag, then a 304 keeps the cache', async () => {
    const kv = memoryKV()
    const { s, client } = rulesServer()
    expect(await syncConditional(kv, rulesResource(client, '甲局'), '甲局')).toBe('updated')
    expect(await activeRules(kv, true)).toMatchObject({ source: 'service', version: '2' })
    expect(await syncConditional(kv, rulesResource(client, '甲局'), '甲局')).toBe('unchanged')
    expect(s.seen.map((x) => x.ifNoneMatch)).toEqual([null, '"v2"'])
    expect(s.seen[0]).toMatchObject({ unit: '甲局', auth: 'Bearer tok-1' })
    expect((await activeRules(kv, true)).version).toBe('2')
    // A newly published set changes the ETag: picked up on the next poll.
    s.body = withVersion('3')
    s.etag = '"v3"'
    expect(await syncConditional(kv, rulesResource(client, '甲局'), '甲局')).toBe('updated')
    expect((await activeRules(kv, true)).version).toBe('3')
  })

  it('keeps the last good set when the service sends a bad one, and says so', async () => {
    const kv = memoryKV()
    const { s, client } = rulesServer()
    await syncConditional(kv, rulesResource(client, '甲局'), '甲局')
    s.body = { ...withVersion('bad'), rules: [] }
    s.etag = '"bad"'
    expect(await syncConditional(kv, rulesResource(client, '甲局'), '甲局')).toBe('rejected')
    expect((await activeRules(kv, true)).version).toBe('2')
    const state = await kv.get<SyncState>(stateKey(RULES_KEY))
    expect(state).toMatchObject({ ok: false })
    expect(state!.error).toMatch(/规则集无效.*上次的有效版本/)
    // The bad ETag was not stored: the next poll asks again without it.
    await syncConditional(kv, rulesResource(client, '甲局'), '甲局')
    expect(s.seen.at(-1)!.ifNoneMatch).toBe('"v2"')
  })

  it('records a failure and keeps serving the cache while the service is down', async () => {
    const kv = memoryKV()
    const { s, client } = rulesServer()
    await syncConditional(kv, rulesResource(client, '甲局'), '甲局')
    s.down = true
    expect(await syncConditional(kv, rulesResource(client, '甲局'), '甲局')).toBe('failed')
    expect((await kv.get<SyncState>(stateKey(RULES_KEY)))!.error).toMatch(/规则集同步失败：无法连接服务/)
    expect((await activeRules(kv, true)).version).toBe('2')
  })

  it('does not reuse an ETag across units', async () => {
    const kv = memoryKV()
    const { s, client } = rulesServer()
    await syncConditional(kv, rulesResource(client, '甲局'), '甲局')
    await syncConditional(kv, rulesResource(client, '乙局'), '乙局')
    expect(s.seen.map((x) => [x.unit, x.ifNoneMatch])).toEqual([
      ['甲局', null],
      ['乙局', null],
    ])
  })
})
