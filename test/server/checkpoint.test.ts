import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkpointIfDue } from '../../server/db/checkpoint'
import { openDb } from '../../server/db/open'
import type { Db } from '../../server/db/types'

const MB = 1024 * 1024

describe('PGlite 检查点', () => {
  let dir: string
  let db: Db
  const redo = async () => (await db.query<{ lsn: string }>('SELECT redo_lsn::text AS lsn FROM pg_control_checkpoint()'))[0]!.lsn
  const walSince = async () => Number((await db.query<{ b: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::text AS b FROM pg_control_checkpoint()'))[0]!.b)
  /** About `mb` MB of WAL. */
  const writeWal = (mb: number) => db.query(`INSERT INTO wal_pad SELECT repeat('x', 1000) FROM generate_series(1, $1::int)`, [mb * 1000])

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'banwen-ckpt-'))
    db = await openDb({ dataDir: dir })
    await db.exec('CREATE TABLE wal_pad (pad text)')
  })
  afterAll(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('单用户模式下 PGlite 自己从不做检查点：预写日志只增不减', async () => {
    const before = await redo()
    await writeWal(3)
    expect(await redo()).toBe(before)
    expect(await walSince()).toBeGreaterThan(2 * MB)
  })

  it('日志达到阈值即做检查点，之后未到阈值不再做', async () => {
    await writeWal(3)
    const before = await redo()
    expect(await checkpointIfDue(db, { walBytes: 2 * MB, ageMs: Infinity })).toBe(true)
    expect(await redo()).not.toBe(before)
    expect(await walSince()).toBeLessThan(MB)
    expect(await checkpointIfDue(db, { walBytes: 2 * MB, ageMs: Infinity })).toBe(false)
  })

  it('上次检查点已久且其后有日志时也做；其后几乎无日志则不做', async () => {
    await checkpointIfDue(db, { walBytes: 0, ageMs: Infinity })
    expect(await checkpointIfDue(db, { walBytes: Infinity, ageMs: 0 })).toBe(false)
    await writeWal(2)
    expect(await checkpointIfDue(db, { walBytes: Infinity, ageMs: 0 })).toBe(true)
  })

  it('PostgreSQL 有自己的检查点进程：不查询、不执行', async () => {
    const asked: string[] = []
    const pg = { kind: 'postgres', query: async (sql: string) => (asked.push(sql), []) } as unknown as Db
    expect(await checkpointIfDue(pg, { walBytes: 0, ageMs: 0 })).toBe(false)
    expect(asked).toEqual([])
  })
})
