import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/types'
import { INGEST_CHUNK } from '../../server/store/telemetry'
import { eachStore, event, setup, wrapQueries, type Env } from './helpers'

type Fault = { failAt: number | null; failOn: string | null; inserts: number; copies: number }

/**
 * A database that fails the Nth write of events (INSERT, or COPY on PGlite) while `failAt` is set
 * (as a crash or lost connection would), and any that carries `failOn`; it counts both kinds.
 */
function faulty(db: Db, state: Fault): Db {
  let armed = 0
  const wrap = (q: Db['query']): Db['query'] =>
    (async (sql: string, params?: unknown[]) => {
      const copy = sql.startsWith('COPY events ')
      if (copy || sql.includes('INSERT INTO events')) {
        if (copy) state.copies++
        else state.inserts++
        if (state.failAt !== null && ++armed === state.failAt) throw new Error('连接中断（测试注入）')
        if (state.failOn !== null && JSON.stringify(params).includes(state.failOn)) throw new Error('数据库拒绝（测试注入）')
      }
      return q(sql, params)
    }) as Db['query']
  return wrapQueries(db, wrap)
}

eachStore('遥测', (open) => {
  let env: Env
  const fault: Fault = { failAt: null, failOn: null, inserts: 0, copies: 0 }
  beforeAll(async () => {
    env = await setup(open, { wrap: (db) => faulty(db, fault) })
  })
  afterAll(() => env.db.close())
  const post = (body: unknown) => env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: body })
  const stored = async () => (await env.store.telemetry.count())

  it('校验错误：列出每个问题的路径', async () => {
    const e = event() as Record<string, unknown>
    e.score = 120
    e.kind = 'typed'
    e.text = '正文不得上报'
    const res = await post({ events: [e] })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('invalid_events')
    expect(error.indexes).toEqual([0])
    expect(error.details).toEqual(expect.arrayContaining([expect.stringMatching(/^events\.0\.score: /), expect.stringMatching(/^events\.0\.kind: /), expect.stringMatching(/^events\.0: .*text/)]))
    expect(error.details.join('\n')).toMatch(/[\u4e00-\u9fff]/)
    expect((await post({ events: [] })).status).toBe(400)
    const broken = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, body: '{"events": [', headers: { 'content-type': 'application/json' } })
    expect(broken.status).toBe(400)
    expect((await broken.json()).error.code).toBe('invalid_json')
    expect(await stored()).toBe(0)
  })

  it('重试同一批次：每个事件只存一次', async () => {
    const batch = { events: [event(), event(), event()] }
    expect(await (await post(batch)).json()).toEqual({ accepted: 3, duplicates: 0 })
    expect(await (await post(batch)).json()).toEqual({ accepted: 0, duplicates: 3 })
    const mixed = { events: [...batch.events, event()] }
    expect(await (await post(mixed)).json()).toEqual({ accepted: 1, duplicates: 3 })
    const inner = event()
    expect(await (await post({ events: [inner, inner] })).json()).toEqual({ accepted: 1, duplicates: 1 })
    expect(await stored()).toBe(5)
  })

  it('中途失败的批次一条不存，重试后全部存入', async () => {
    const before = await stored()
    const batch = { events: Array.from({ length: 500 }, () => event()) }
    // PostgreSQL writes it in chunks: the second fails. PGlite writes it in one statement.
    expect(500).toBeGreaterThan(INGEST_CHUNK)
    fault.failAt = env.db.kind === 'postgres' ? 2 : 1
    const res = await post(batch)
    fault.failAt = null
    expect(res.status).toBe(500)
    expect((await res.json()).error.code).toBe('internal_error')
    expect(await stored()).toBe(before)
    expect(await (await post(batch)).json()).toEqual({ accepted: 500, duplicates: 0 })
    expect(await stored()).toBe(before + 500)
  })

  it('同时到达的批次：各自计数，同一事件只存一次；PGlite 合并写入', async () => {
    const before = await stored()
    const shared = event()
    const batches = Array.from({ length: 6 }, (_, i) => [event(), event(), ...(i % 2 ? [shared] : [])])
    const [inserts, copies] = [fault.inserts, fault.copies]
    const answers = await Promise.all(batches.map((b) => env.store.telemetry.ingest(b, 'test')))
    expect(answers.reduce((n, a) => n + a.accepted, 0)).toBe(13)
    expect(answers.map((a) => a.duplicates).sort()).toEqual([0, 0, 0, 0, 1, 1])
    expect(await stored()).toBe(before + 13)
    // PGlite (two groups at once): the first two batches at once by COPY, each alone; the four that
    // came meanwhile as one COPY, which the shared event (stored with the second) makes fail, then
    // as one statement that skips repeats.
    if (env.db.kind === 'pglite') expect([fault.copies - copies, fault.inserts - inserts]).toEqual([3, 1])
  })

  it('没有重复的并发批次：PGlite 一次 COPY 写入一组', async () => {
    const before = await stored()
    const [inserts, copies] = [fault.inserts, fault.copies]
    const answers = await Promise.all(Array.from({ length: 4 }, () => env.store.telemetry.ingest([event(), event()], 'test')))
    expect(answers).toEqual(Array.from({ length: 4 }, () => ({ accepted: 2, duplicates: 0 })))
    expect(await stored()).toBe(before + 8)
    // Two alone (two groups at once), then the other two together.
    if (env.db.kind === 'pglite') expect([fault.copies - copies, fault.inserts - inserts]).toEqual([3, 0])
  })

  it('文字字段中的制表符、换行、反斜杠与 \\N 原样存入，汇总照常', async () => {
    const odd = '甲\t乙\n丙\r丁\\戊 \\N \\. 己'
    const e = event({ unit: `单位\\${odd}`, docType: '通\t知', kind: 'override', action: 'justify', reason: odd, ruleIds: ['tao.gaodu-zhongshi'], score: 12.5, flags: { overCap: true, disguisedDirective: false, frame: true, copiedShare: 0.25 } })
    expect(await env.store.telemetry.ingest([e], 'test')).toEqual({ accepted: 1, duplicates: 0 })
    const [row] = await env.db.query<Record<string, unknown>>(
      `SELECT unit, doc_type, reason, action, rule_ids, score, over_cap, frame, copied_share, doc_hash, cap, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM events WHERE id = $1`,
      [e.id],
    )
    expect(row).toEqual({ unit: e.unit, doc_type: e.docType, reason: odd, action: 'justify', rule_ids: ['tao.gaodu-zhongshi'], score: 12.5, over_cap: true, frame: true, copied_share: 0.25, doc_hash: null, cap: 5000, at: '2026-03-10T02:00:00.000' })
    await env.store.telemetry.fold({ wait: true })
    const [cube] = await env.db.query<{ n: number }>(`SELECT n FROM event_cube WHERE span = 'day' AND unit = $1 AND doc_type = $2 AND kind = 'override'`, [e.unit, e.docType])
    expect(cube?.n).toBe(1)
  })

  it('同时到达的批次中有一批被数据库拒绝：只有这一批失败', async () => {
    const before = await stored()
    const bad = event()
    const batches = Array.from({ length: 5 }, (_, i) => [event(), event(), ...(i === 3 ? [bad] : [])])
    fault.failOn = bad.id
    const results = await Promise.allSettled(batches.map((b) => env.store.telemetry.ingest(b, 'test')))
    fault.failOn = null
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(await stored()).toBe(before + 8)
    expect(await env.store.telemetry.ingest(batches[3]!, 'test')).toEqual({ accepted: 3, duplicates: 0 })
  })

  it('请求体被截断（连接中断）：一条不存', async () => {
    const before = await stored()
    const body = JSON.stringify({ events: [event(), event()] })
    const res = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, body: body.slice(0, body.length / 2), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(await stored()).toBe(before)
  })

  it('不保存正文：事件表没有正文字段', async () => {
    const cols = await env.db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'events'`)
    expect(cols.map((c) => c.column_name)).not.toContain('text')
  })
})

describe('遥测批量上限', () => {
  it('超过 500 条的批次被拒绝', async () => {
    const { openPgliteThread } = await import('../../server/db/pglite-thread')
    const env = await setup(() => openPgliteThread())
    const res = await env.call('POST', '/api/telemetry', { token: env.tokens.drafter, json: { events: Array.from({ length: 501 }, () => event()) } })
    expect(res.status).toBe(400)
    expect((await res.json()).error.details[0]).toMatch(/^events: /)
    await env.db.close()
  })
})
