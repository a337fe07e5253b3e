import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import type { Db } from '../../server/db/types'
import { sha256 } from '../../server/lib/hash'
import { safeError } from '../../server/lib/log'
import { eachStore, setup, wrapQueries, type Env } from './helpers'

const SECRET = '关于某县机密人事调整的内部说明，请勿外传'

/** A database whose INSERTs fail the way PostgreSQL's do: the statement's values in the message, the detail and the error's fields. */
function leaky(db: Db): Db {
  const fail = (sql: string, params: unknown[] = []) => {
    if (!sql.includes('INSERT INTO document_texts')) return null
    return Object.assign(new Error(`invalid input syntax for type json: "${params[3]}"`), {
      code: '22P02',
      detail: `Failing row contains (${params.join(', ')}).`,
      query: sql,
      params,
      where: `unnamed portal parameter $4 = '${params[3]}'`,
    })
  }
  const wrap = (q: Db['query']): Db['query'] =>
    (async (sql: string, params?: unknown[]) => {
      const e = fail(sql, params)
      if (e) throw e
      return q(sql, params)
    }) as Db['query']
  return wrapQueries(db, wrap)
}

eachStore('日志不含文档内容', (open) => {
  let env: Env
  const lines: string[] = []
  beforeAll(async () => {
    env = await setup(open, { wrap: leaky })
    expect((await env.call('PUT', '/api/units/办公室/policy', { json: { storeText: true } })).status).toBe(200)
  })
  afterAll(() => env.db.close())
  afterEach(() => vi.restoreAllMocks())

  it('数据库拒绝正文时，日志只有错误类别与代码，没有正文', async () => {
    const capture = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 5 }))).join(' '))
    for (const m of ['error', 'warn', 'log', 'info'] as const) vi.spyOn(console, m).mockImplementation(capture)
    const res = await env.call('POST', '/api/documents/text', { token: env.tokens.unitDrafter, json: { unit: '办公室', docHash: sha256(SECRET), text: SECRET, title: '内部说明' } })
    expect(res.status).toBe(500)
    expect(await res.text()).not.toContain('机密')
    const log = lines.join('\n')
    expect(log).toMatch(/22P02/)
    expect(log).toMatch(/POST \/api\/documents\/text/)
    expect(log).not.toContain('机密')
    expect(log).not.toContain('内部说明')
  })
})

it('safeError：去掉引号与括号中的值和多余字段，保留类别、代码与调用位置', () => {
  const e = Object.assign(new Error(`duplicate key value violates unique constraint "x"\nDETAIL: Key (doc_hash)=(${SECRET}) already exists`), { code: '23505', params: [SECRET] })
  const s = safeError(e)
  expect(s).toMatch(/^Error \[23505\]: duplicate key value violates unique constraint …/)
  expect(s).toMatch(/\n\s+at /)
  expect(s).not.toContain('机密')
  expect(safeError(new Error(`无法处理「${SECRET}」与“${SECRET}”以及'${SECRET}'`))).not.toContain('机密')
})
