import { expect, it } from 'vitest'
import { openPostgres, TX_ATTEMPTS } from '../../server/db/postgres'
import { PG_URL } from './helpers'

it.skipIf(!PG_URL)('PostgreSQL 事务遇死锁（40P01）或序列化失败（40001）时回滚重试，其他错误不重试', async () => {
  const db = await openPostgres(PG_URL!, { max: 2 })
  try {
    let runs = 0
    const out = await db.tx(async (q) => {
      runs++
      await q.query('SELECT 1')
      if (runs < 3) throw Object.assign(new Error(runs === 1 ? 'deadlock detected' : 'could not serialize access'), { code: runs === 1 ? '40P01' : '40001' })
      return 'done'
    })
    expect({ out, runs }).toEqual({ out: 'done', runs: 3 })

    runs = 0
    await expect(db.tx(async () => (runs++, Promise.reject(Object.assign(new Error('x'), { code: '40P01' }))))).rejects.toThrow('x')
    expect(runs).toBe(TX_ATTEMPTS)
    runs = 0
    await expect(db.tx(async () => (runs++, Promise.reject(Object.assign(new Error('y'), { code: '23505' }))))).rejects.toThrow('y')
    expect(runs).toBe(1)
  } finally {
    await db.close()
  }
})
