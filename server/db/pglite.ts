import { PGlite } from '@electric-sql/pglite'
import type { Db } from './types'

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir)
  return {
    kind: 'pglite',
    query: async (sql, params) => (await pg.query(sql, params)).rows as never,
    exec: async (sql) => void (await pg.exec(sql)),
    tx: (fn) => pg.transaction((t) => fn({ query: async (sql, params) => (await t.query(sql, params)).rows as never })),
    close: () => pg.close(),
  }
}
