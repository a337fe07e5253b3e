import { describe, expect, it } from 'vitest'
import { groupCommit } from '../../server/store/group-commit'

/** A writer that records each write and answers when `release` is called (or at once when `auto`). */
function recorder(o: { auto?: boolean; fail?: (items: string[]) => boolean } = {}) {
  const writes: string[][] = []
  const pending: Array<() => void> = []
  const write = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      writes.push(items)
      const answer = () => (o.fail?.(items) ? reject(new Error(`写入失败：${items.join(',')}`)) : resolve(items.map((i) => `ok:${i}`)))
      if (o.auto) queueMicrotask(answer)
      else pending.push(answer)
    })
  const release = async () => {
    pending.shift()!()
    await new Promise((r) => setTimeout(r, 0))
  }
  return { writes, write, release }
}

describe('groupCommit', () => {
  it('空闲时立即写入单条；写入期间到达的合并为下一组', async () => {
    const r = recorder()
    const put = groupCommit(r.write, { maxWeight: 10, weight: () => 1 })
    const a = put('a')
    expect(r.writes).toEqual([['a']])
    const rest = ['b', 'c', 'd'].map(put)
    expect(r.writes).toHaveLength(1)
    await r.release()
    expect(r.writes).toEqual([['a'], ['b', 'c', 'd']])
    await r.release()
    expect(await a).toBe('ok:a')
    expect(await Promise.all(rest)).toEqual(['ok:b', 'ok:c', 'ok:d'])
  })

  it('每组不超过 maxWeight；超重的单条仍单独写入', async () => {
    const r = recorder({ auto: true })
    const put = groupCommit(r.write, { maxWeight: 5, weight: (s) => s.length })
    const out = await Promise.all(['x', 'aa', 'bbb', 'cc', 'dddddddd', 'e'].map(put))
    expect(out).toEqual(['ok:x', 'ok:aa', 'ok:bbb', 'ok:cc', 'ok:dddddddd', 'ok:e'])
    expect(r.writes).toEqual([['x'], ['aa', 'bbb'], ['cc'], ['dddddddd'], ['e']])
    for (const w of r.writes) if (w.length > 1) expect(w.join('').length).toBeLessThanOrEqual(5)
  })

  it('一组失败：逐条重写，只有坏的那条失败', async () => {
    const r = recorder({ auto: true, fail: (items) => items.includes('bad') })
    const put = groupCommit(r.write, { maxWeight: 10, weight: () => 1 })
    const results = await Promise.allSettled(['first', 'a', 'bad', 'b'].map(put))
    expect(results.map((x) => x.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect((results[2] as PromiseRejectedResult).reason.message).toBe('写入失败：bad')
    expect(r.writes).toEqual([['first'], ['a', 'bad', 'b'], ['a'], ['bad'], ['b']])
    // The writer is free again afterwards.
    expect(await put('later')).toBe('ok:later')
  })

  it('inFlight 2：两组同时写入，其余等其中一组写完后合并', async () => {
    const r = recorder()
    const put = groupCommit(r.write, { maxWeight: 10, weight: () => 1, inFlight: 2 })
    const all = ['a', 'b', 'c', 'd', 'e'].map(put)
    expect(r.writes).toEqual([['a'], ['b']])
    await r.release()
    expect(r.writes).toEqual([['a'], ['b'], ['c', 'd', 'e']])
    await r.release()
    await r.release()
    expect(await Promise.all(all)).toEqual(['ok:a', 'ok:b', 'ok:c', 'ok:d', 'ok:e'])
    // Idle again: the next item is written at once.
    const f = put('f')
    expect(r.writes.at(-1)).toEqual(['f'])
    await r.release()
    expect(await f).toBe('ok:f')
  })
})
