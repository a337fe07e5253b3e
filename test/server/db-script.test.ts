import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/db/types'
import { eachStore } from './helpers'

eachStore('事务脚本（一次往返）', (open) => {
  let db: Db
  beforeAll(async () => {
    db = await open()
    await db.exec('CREATE TABLE script_probe (id integer PRIMARY KEY, note text NOT NULL)')
  })
  afterAll(() => db.close())
  const notes = async () => (await db.query<{ note: string }>('SELECT note FROM script_probe ORDER BY id')).map((r) => r.note)

  it('每一步的结果按顺序返回', async () => {
    const out = await db.script([
      { sql: 'INSERT INTO script_probe VALUES ($1, $2) RETURNING id', params: [1, '甲'] },
      { sql: 'INSERT INTO script_probe VALUES ($1, $2) RETURNING id', params: [2, '乙'] },
      { sql: 'SELECT count(*)::int AS n FROM script_probe' },
    ])
    expect(out).toEqual([[{ id: 1 }], [{ id: 2 }], [{ n: 2 }]])
    expect(await notes()).toEqual(['甲', '乙'])
  })

  it('任何一步失败：整段回滚，报出数据库的错误码，之后照常可用', async () => {
    const failing = db.script([
      { sql: 'INSERT INTO script_probe VALUES ($1, $2)', params: [3, '丙'] },
      { sql: 'UPDATE script_probe SET note = $1 WHERE id = 1', params: ['改'] },
      { sql: 'INSERT INTO script_probe VALUES ($1, $2)', params: [2, '重复的主键'] },
    ])
    await expect(failing).rejects.toMatchObject({ code: '23505' })
    expect(await notes()).toEqual(['甲', '乙'])
    await db.script([{ sql: 'INSERT INTO script_probe VALUES ($1, $2)', params: [3, '丙'] }])
    expect(await notes()).toEqual(['甲', '乙', '丙'])
  })
})
