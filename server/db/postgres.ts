import pg from 'pg'
import { safeError } from '../lib/log'
import { scriptVia } from './script'
import type { Db } from './types'

// bigint (count(*), bigserial) as a JS number, as PGlite returns it.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
}

/** deadlock_detected and serialization_failure: the transaction did nothing and may run again. */
const RETRYABLE = new Set(['40P01', '40001'])
export const TX_ATTEMPTS = 5

/** PostgreSQL through a pool. `schema` isolates a run in its own schema; `dropSchemaOnClose` cleans up after tests. */
export async function openPostgres(url: string, opts: { schema?: string; dropSchemaOnClose?: boolean; max?: number } = {}): Promise<Db> {
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`)
    await admin.end()
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types,
    ...(opts.schema ? { options: `-c search_path="${opts.schema}"` } : {}),
  })
  pool.on('error', (e) => console.error(`数据库连接出错：${safeError(e)}`))

  async function once<T>(fn: Parameters<Db['tx']>[0]): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const out = await fn({ query: async (sql, params) => (await client.query(sql, params as unknown[])).rows })
      await client.query('COMMIT')
      return out as T
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {})
      throw e
    } finally {
      client.release()
    }
  }

  /** Runs again, after a short random wait, when PostgreSQL chose this transaction as a deadlock's victim. */
  async function tx<T>(fn: Parameters<Db['tx']>[0]): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once<T>(fn)
      } catch (e) {
        if (attempt >= TX_ATTEMPTS || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt))
      }
    }
  }

  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    exec: async (sql) => void (await pool.query(sql)),
    tx,
    script: scriptVia(tx),
    async close() {
      if (opts.schema && opts.dropSchemaOnClose) await pool.query(`DROP SCHEMA IF EXISTS "${opts.schema}" CASCADE`).catch(() => {})
      await pool.end()
    },
  }
}
