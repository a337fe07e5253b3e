import { mkdirSync } from 'node:fs'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import { migrate } from './migrate'
import type { Db } from './types'

/** PostgreSQL when a URL is given, else PGlite in `dataDir` (in memory when that is undefined). Migrated. */
export async function openDb(o: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  let db: Db
  if (o.databaseUrl) db = await openPostgres(o.databaseUrl)
  else {
    if (o.dataDir) mkdirSync(o.dataDir, { recursive: true })
    db = await openPglite(o.dataDir)
  }
  await migrate(db)
  return db
}
