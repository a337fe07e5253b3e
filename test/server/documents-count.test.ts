import { afterAll, beforeAll, expect, it } from 'vitest'
import { LIST_COUNT_CAP } from '../../server/store/documents'
import { eachStore, event, setup, type Env } from './helpers'

// The list counts its matches only as far as LIST_COUNT_CAP: past that it says "more", not how many.
eachStore('归档公文列表：计数到上限为止', (open) => {
  let env: Env
  const filed = LIST_COUNT_CAP + 25
  beforeAll(async () => {
    env = await setup(open)
    const all = Array.from({ length: filed }, (_, i) => event({ kind: 'filed', at: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(), score: i % 100 }))
    for (let i = 0; i < all.length; i += 2000) await env.store.telemetry.ingest(all.slice(i, i + 2000), 'test')
  }, 60_000)
  afterAll(() => env.db.close())

  const list = async (q: string) => (await env.call('GET', `/api/documents?${q}`, { token: env.tokens.reviewer })).json()

  it('超过上限：total 为上限，capped 为 true；翻到上限之后仍数到本页末', async () => {
    expect(await list('limit=1')).toMatchObject({ total: LIST_COUNT_CAP, capped: true })
    const late = await list(`limit=50&offset=${LIST_COUNT_CAP}`)
    expect(late).toMatchObject({ total: LIST_COUNT_CAP + 25, capped: false })
    expect(late.items).toHaveLength(25)
  })

  it('不到上限：准确总数，capped 为 false', async () => {
    // Scores cycle 0–99: 50 and below is 51 in each hundred.
    const low = await list('limit=1&maxScore=50')
    expect(low.capped).toBe(false)
    expect(low.total).toBe(Math.floor(filed / 100) * 51 + Math.min(filed % 100, 51))
    // Days are Beijing days: 1 March there ends at 16:00 UTC, 960 minutes after the first event.
    expect(await list('limit=1&from=2026-03-01&to=2026-03-01')).toMatchObject({ total: 16 * 60, capped: false })
  })
})
