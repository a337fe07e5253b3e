import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migrate, migrationFiles, splitStatements } from '../../server/db/migrate'
import type { Db } from '../../server/db/types'
import { eachStore } from './helpers'

/** Migrates `db` to `version` only: the migration files up to it, copied to a folder of their own. */
async function migrateUpTo(db: Db, version: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banwen-mig-'))
  const src = new URL('../../server/migrations/', import.meta.url).pathname
  for (const f of migrationFiles().filter((m) => m.version <= version)) copyFileSync(join(src, f.name), join(dir, f.name))
  await migrate(db, dir + '/')
}

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
      expect.arrayContaining(['audit_log', 'document_texts', 'event_cube', 'events', 'quotas', 'rule_cube', 'rulesets', 'schema_migrations', 'settings', 'superior_docs', 'tokens', 'units', 'user_rollup', 'user_year']),
    )
  })
})

it('SQL 按语句拆分，跳过整行注释', () => {
  expect(splitStatements('-- 说明；含分号\nCREATE TABLE a (x int);\n\nCREATE INDEX b ON a (x);\n')).toEqual(['CREATE TABLE a (x int)', 'CREATE INDEX b ON a (x)'])
})

eachStore('迁移 0003：已有事件的计数与规则 id 原样保留', (open) => {
  it('从第 2 版升级', async () => {
    const all = migrationFiles()
    const db = await open()
    try {
      await migrateUpTo(db, 2)
      await db.query(
        `INSERT INTO events (id, kind, at, unit, usr, doc_type, chars, score, counts, rule_ids, ruleset_version, extension_version)
         VALUES ('evt-old-0001', 'filed', now(), '办公室', 'u', '通知', 100, 80, '{"tao": 3, "burden": 1}', ARRAY['tao.a', 'burden.b'], '1', '1')`,
      )
      expect(await migrate(db)).toEqual(all.filter((m) => m.version > 2).map((m) => m.name))
      const [row] = await db.query<{ c_tao: number; c_burden: number; c_copy: number; rule_ids: string[] }>(`SELECT c_tao, c_burden, c_copy, rule_ids FROM events`)
      expect(row).toEqual({ c_tao: 3, c_burden: 1, c_copy: 0, rule_ids: ['tao.a', 'burden.b'] })
    } finally {
      await db.close()
    }
  })
})

eachStore('迁移 0004：聚合表由已有事件生成，时区变更时重建', (open) => {
  it('从第 3 版升级', async () => {
    const { createStore } = await import('../../server/store')
    const { bootstrap } = await import('../../server/bootstrap')
    const db = await open()
    try {
      await migrateUpTo(db, 3)
      // Two events on the evening of Sunday 15 March UTC: Monday 16 March in Beijing.
      await db.query(
        `INSERT INTO events (id, kind, at, unit, usr, doc_type, chars, score, rule_ids, ruleset_version, extension_version, over_cap, c_tao)
         VALUES ('evt-old-0001', 'filed', '2026-03-15T17:00:00Z', '办公室', 'u-1', '通知', 100, 80, '["tao.a"]', '1', '1', true, 2),
                ('evt-old-0002', 'filed', '2026-03-15T18:00:00Z', '办公室', 'u-2', '通知', 100, 61, '["tao.a", "burden.b"]', '1', '1', false, 1),
                ('evt-old-0003', 'dismiss', '2026-03-15T18:00:00Z', '办公室', 'u-2', '通知', 100, 61, '[]', '1', '1', null, 0)`,
      )
      await db.query(`UPDATE events SET rule_id = 'tao.a' WHERE id = 'evt-old-0003'`)
      await migrate(db)
      const store = createStore(db, 'Asia/Shanghai')
      await bootstrap(store)
      const o = await store.stats.overview({}, 'filed')
      expect(o.totals).toMatchObject({ documents: 2, avgScore: 70.5, overCapRate: 0.5, overCap: 1, units: 1, users: 2, byKind: { filed: 2, dismiss: 1 } })
      expect(o.totals.findings.tao).toBe(3)
      expect(o.weekly.map((w) => w.week)).toEqual(['2026-03-16'])
      expect(await store.stats.rules({}, 'filed')).toEqual([
        expect.objectContaining({ ruleId: 'tao.a', hits: 2, dismissals: 1 }),
        expect.objectContaining({ ruleId: 'burden.b', hits: 1, dismissals: 0 }),
      ])
      expect(await store.telemetry.ensureRollups()).toBe(false)
      // In UTC the same events fall on Sunday: the week before.
      const utc = createStore(db, 'UTC')
      expect(await utc.telemetry.ensureRollups()).toBe(true)
      expect((await utc.stats.overview({}, 'filed')).weekly.map((w) => w.week)).toEqual(['2026-03-09'])
    } finally {
      await db.close()
    }
  })
})

eachStore('迁移 0007：已有的日汇总（事件已过保留期）转为日、月汇总立方', (open) => {
  it('从第 6 版升级', async () => {
    const { statsStore } = await import('../../server/store/stats')
    const db = await open()
    try {
      await migrateUpTo(db, 6)
      const zeros = (n: number) => Array(n).fill(0).join(', ')
      // Rollups only: their events went with retention. Two units, two months, one 文种 each.
      await db.query(
        `INSERT INTO event_rollup VALUES
           ('2025-01-31', '办公室', '通知', 'filed', 2, 150, 2, 1, 0, 0, ${zeros(7)}, ${zeros(7)}, 1, 1, 0),
           ('2025-02-01', '办公室', '通知', 'filed', 1, 90, 1, 0, 1, 0, ${zeros(7)}, ${zeros(9)}, 1),
           ('2025-02-01', '财政局', '方案', 'filed', 3, 180, 3, 3, 0, 0, ${zeros(7)}, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0)`,
      )
      await db.query(`INSERT INTO user_rollup VALUES ('2025-01-31', '办公室', '通知', 'filed', 'u1'), ('2025-02-01', '办公室', '通知', 'filed', 'u1'), ('2025-02-01', '财政局', '方案', 'filed', 'u2')`)
      await db.query(`INSERT INTO rule_rollup VALUES ('2025-01-31', '办公室', '通知', 'filed', 'tao.a', 2), ('2025-02-01', '财政局', '方案', 'dismiss', 'tao.a', 1)`)
      await db.query(`INSERT INTO settings (key, value) VALUES ('rollup.tz', to_jsonb('Asia/Shanghai'::text))`)
      await migrate(db)
      const stats = statsStore(db, 'Asia/Shanghai')
      const all = await stats.overview({}, 'filed')
      expect(all.totals).toMatchObject({ documents: 6, avgScore: 70, overCap: 4, disguised: 1, units: 2, users: 2 })
      expect(all.byUnit.map((u) => [u.unit, u.documents])).toEqual([['办公室', 3], ['财政局', 3]])
      expect(all.scoreHistogram.filter((b) => b.count).map((b) => [b.from, b.count])).toEqual([[60, 3], [70, 1], [80, 1], [90, 1]])
      const feb = await stats.overview({ from: '2025-02-01', to: '2025-02-28' }, 'filed')
      expect(feb.totals).toMatchObject({ documents: 4, units: 2, users: 2 })
      const edge = await stats.overview({ from: '2025-01-31', to: '2025-01-31', unit: '办公室' }, 'filed')
      expect(edge.totals).toMatchObject({ documents: 2, avgScore: 75, users: 1 })
      expect(await stats.rules({ docType: '方案' }, 'filed')).toMatchObject([{ ruleId: 'tao.a', hits: 0, dismissals: 1 }])
      expect(await stats.rules({}, 'filed')).toMatchObject([{ ruleId: 'tao.a', hits: 2, dismissals: 1 }])
    } finally {
      await db.close()
    }
  })
})

eachStore('迁移 0008：已有事件中的发文计入 quota_docs，配额计数与从事件直接计数相同', (open) => {
  it('从第 7 版升级', async () => {
    const { quotaStore } = await import('../../server/store/quotas')
    const db = await open()
    try {
      await migrateUpTo(db, 7)
      const filed = (id: string, at: string, hash: string | null, action: string | null, docType = '通知') =>
        db.query(
          `INSERT INTO events (id, kind, at, unit, usr, doc_type, chars, score, rule_ids, ruleset_version, extension_version, action, doc_hash)
           VALUES ($1, 'filed', $2, '办公室', 'u1', $5, 100, 90, '[]', '1', '1', $3, $4)`,
          [id, at, action, hash, docType],
        )
      await filed('a', '2026-03-01T02:00:00Z', 'h1', 'pass')
      await filed('b', '2026-03-02T02:00:00Z', 'h1', 'submitted') // the same document again
      await filed('c', '2026-03-03T02:00:00Z', 'h2', 'block') // blocked: not counted
      await filed('d', '2026-03-04T02:00:00Z', null, null, '方案') // no fingerprint: counted by its id
      await filed('e', '2025-12-31T17:00:00Z', 'h3', 'pass') // 1 January 2026 in Beijing
      await filed('f', '2025-06-01T02:00:00Z', 'h4', 'pass') // last year
      await db.query(`INSERT INTO settings (key, value) VALUES ('rollup.tz', to_jsonb('Asia/Shanghai'::text))`)
      await migrate(db)
      const q = await quotaStore(db, 'Asia/Shanghai').status('办公室', 2026)
      expect(q).toMatchObject({ filed: 3, lastYear: 1 })
      expect(q.byDocType).toMatchObject({ 通知: { filed: 2 }, 方案: { filed: 1 } })
    } finally {
      await db.close()
    }
  })
})
