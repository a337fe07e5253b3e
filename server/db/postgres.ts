import pg from 'pg'
import { safeError } from '../lib/log'
import type { Db } from './types'

// bigint (count(*), bigserial) as a JS number, as PGlite returns it.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
}

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
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    exec: async (sql) => void (await pool.query(sql)),
    async tx(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn({ query: async (sql, params) => (await client.query(sql, params as unknown[])).rows })
        await client.query('COMMIT')
        return out
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {})
        throw e
      } finally {
        client.release()
      }
    },
    async close() {
      if (opts.schema && opts.dropSchemaOnClose) await pool.query(`DROP SCHEMA IF EXISTS "${opts.schema}" CASCADE`).catch(() => {})
      await pool.end()
    },
  }
}
