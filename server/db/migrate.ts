import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { partitionEvents } from './partitions'
import type { Db } from './types'

const DIR = fileURLToPath(new URL('../migrations/', import.meta.url))

/** The migration files in order: NNNN_name.sql. */
export function migrationFiles(dir = DIR): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(dir + f, 'utf8') }))
}

/** Applies every migration not yet applied, each in its own transaction; returns the names applied. */
export async function migrate(db: Db, dir = DIR): Promise<string[]> {
  // Under the same lock as the migrations: two instances creating the table at once would collide.
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(727274)')
    await q.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  })
  const applied = []
  for (const m of migrationFiles(dir)) {
    const done = await db.tx(async (q) => {
      // Several instances starting at once on PostgreSQL: one migrates, the others wait.
      await q.query('SELECT pg_advisory_xact_lock(727274)')
      if ((await q.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])).length) return false
      for (const stmt of splitStatements(m.sql)) await q.query(stmt)
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      return true
    })
    if (done) applied.push(m.name)
  }
  // After every file: PostgreSQL keeps events in monthly partitions (server/db/partitions.ts).
  if (db.kind === 'postgres' && dir === DIR && (await partitionEvents(db)) === 'kept')
    console.warn('[banwen] 事件表尚未按月分区：数据保留按批删除。分区方法见 docs/scale-out.md（npm run partition-events）')
  return applied
}

/** Our migrations are plain DDL: statements end with ';' at the end of a line, no functions. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean)
}
