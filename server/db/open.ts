import { mkdirSync } from 'node:fs'
import { lockDataDir } from './lock'
import { openPgliteThread } from './pglite-thread'
import { openPostgres } from './postgres'
import { migrate } from './migrate'
import type { Db } from './types'

/**
 * PostgreSQL when a URL is given, else PGlite in `dataDir` (in memory when that is undefined).
 * A data directory is locked to this process until `close`. Migrated.
 */
export async function openDb(o: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  let release = () => {}
  let db: Db
  try {
    if (o.databaseUrl) db = await openPostgres(o.databaseUrl)
    else {
      if (o.dataDir) {
        mkdirSync(o.dataDir, { recursive: true })
        release = lockDataDir(o.dataDir)
      }
      db = await openPgliteThread(o.dataDir)
    }
    await migrate(db)
  } catch (e) {
    release()
    throw e
  }
  return { ...db, close: () => db.close().finally(release) }
}
