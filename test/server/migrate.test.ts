import { afterAll, beforeAll, expect, it } from 'vitest'
import { migrate, migrationFiles, splitStatements } from '../../server/db/migrate'
import type { Db } from '../../server/db/types'
import { eachStore } from './helpers'

eachStore('迁移', (open) => {
  let db: Db
  beforeAll(async () => {
    db = await open()
  })
  afterAll(() => db.close())

  it('按版本依次执行，只执行一次', async () => {
    const files = migrationFiles()
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1))
    expect(await migrate(db)).toEqual(files.map((f) => f.name))
    expect(await migrate(db)).toEqual([])
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version))
  })

  it('迁移后的表齐全', async () => {
    const rows = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`)
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['audit_log', 'document_texts', 'events', 'quotas', 'rulesets', 'schema_migrations', 'settings', 'superior_docs', 'tokens', 'units']),
    )
  })
})

it('SQL 按语句拆分，跳过整行注释', () => {
  expect(splitStatements('-- 说明；含分号\nCREATE TABLE a (x int);\n\nCREATE INDEX b ON a (x);\n')).toEqual(['CREATE TABLE a (x int)', 'CREATE INDEX b ON a (x)'])
})
