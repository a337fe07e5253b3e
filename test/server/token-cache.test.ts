import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tokenCache } from '../../server/lib/token-cache'

/** A lookup whose answers the test releases by hand, counting its calls. */
function gatedLookup() {
  const calls: Array<{ token: string; resolve: (v: string) => void; reject: (e: Error) => void }> = []
  const lookup = (token: string) => new Promise<string>((resolve, reject) => calls.push({ token, resolve, reject }))
  return { calls, lookup }
}
const settle = () => new Promise((r) => setImmediate(r))

/** A cache (5 s) whose token "t" was looked up at time 0 and answered "p1". */
async function primed() {
  const gated = gatedLookup()
  const cache = tokenCache(gated.lookup, { ttlMs: 5000 })
  const first = cache.get('t')
  gated.calls[0]!.resolve('p1')
  await first
  return { ...gated, cache }
}

describe('令牌缓存', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(0)
  })
  afterEach(() => vi.useRealTimers())

  it('同时到达的未命中只查一次库，答案共用', async () => {
    const { calls, lookup } = gatedLookup()
    const cache = tokenCache(lookup, { ttlMs: 5000 })
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.get('t')))
    expect(calls).toHaveLength(1)
    calls[0]!.resolve('p1')
    expect(new Set(await answers)).toEqual(new Set(['p1']))
  })

  it('过半寿命后照常立即答复，并在后台刷新；刷新完成后以新结果计时', async () => {
    const { calls, cache } = await primed()

    vi.setSystemTime(2000)
    expect(await cache.get('t')).toBe('p1')
    expect(calls).toHaveLength(1)

    vi.setSystemTime(3000)
    // The refresh never answers yet: the request must not wait for it.
    expect(await cache.get('t')).toBe('p1')
    expect(cache.peek('t')?.value).toBe('p1')
    expect(calls).toHaveLength(2)
    calls[1]!.resolve('p2')
    await settle()

    // Counted from when the refresh began (3000), not from the first lookup.
    vi.setSystemTime(7900)
    expect(await cache.get('t')).toBe('p2')
  })

  it('超过寿命的结果不再使用：等待新的查询（另一实例上的吊销在寿命内生效）', async () => {
    const { calls, cache } = await primed()

    vi.setSystemTime(5000)
    expect(cache.peek('t')).toBeUndefined()
    let answered = false
    const next = cache.get('t').then((v) => ((answered = true), v))
    await settle()
    expect(answered).toBe(false)
    calls[1]!.resolve('revoked')
    expect(await next).toBe('revoked')
  })

  it('forget 之前开始的查询不写回缓存（吊销后不会复活）', async () => {
    const { calls, lookup } = gatedLookup()
    const cache = tokenCache(lookup, { ttlMs: 5000 })
    const before = cache.get('t')
    cache.forget()
    calls[0]!.resolve('stale')
    expect(await before).toBe('stale')
    expect(cache.peek('t')).toBeUndefined()

    const after = cache.get('t')
    expect(calls).toHaveLength(2)
    calls[1]!.resolve('fresh')
    expect(await after).toBe('fresh')
    expect(cache.peek('t')?.value).toBe('fresh')
  })

  it('后台刷新失败不影响答复；到期后的查询失败如实抛出', async () => {
    const { calls, cache } = await primed()

    vi.setSystemTime(3000)
    expect(await cache.get('t')).toBe('p1')
    calls[1]!.reject(new Error('数据库不可用'))
    await settle()
    vi.setSystemTime(4000)
    expect(await cache.get('t')).toBe('p1')

    vi.setSystemTime(5000)
    const expired = cache.get('t')
    calls.at(-1)!.reject(new Error('数据库不可用'))
    await expect(expired).rejects.toThrow('数据库不可用')
  })

  it('条目过多时清空，内存有界', async () => {
    const cache = tokenCache(async (t) => t.toUpperCase(), { ttlMs: 5000, max: 3 })
    for (const t of ['a', 'b', 'c']) await cache.get(t)
    expect(cache.peek('a')?.value).toBe('A')
    await cache.get('d')
    expect(cache.peek('a')).toBeUndefined()
    expect(cache.peek('d')?.value).toBe('D')
  })
})
