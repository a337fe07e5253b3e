import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCK_FILE, lockDataDir } from '../../server/db/lock'
import { openDb } from '../../server/db/open'

const dirs: string[] = []
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'banwen-lock-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const LOCK_TS = new URL('../../server/db/lock.ts', import.meta.url).pathname

/** Another process that takes the lock and waits; it prints "locked" once it holds it. */
async function holder(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', `const { lockDataDir } = await import(${JSON.stringify(LOCK_TS)}); lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000)`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => String(d).includes('locked') && resolve())
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)))
  })
  return child
}

describe('数据目录锁', () => {
  it('第二个服务打开同一数据目录时拒绝启动，中文说明原因', async () => {
    const dir = tmp()
    const first = await openDb({ dataDir: dir })
    try {
      await expect(openDb({ dataDir: dir })).rejects.toThrow(/数据目录「.*」正被另一个办文服务使用（进程 \d+）/)
      // The refused second start did not take the lock from the first.
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    } finally {
      await first.close()
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    const again = await openDb({ dataDir: dir })
    await again.close()
  })

  it('另一进程持有时拒绝；该进程被 kill -9 后锁可接管', async () => {
    const dir = tmp()
    const child = await holder(dir)
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`进程 ${child.pid}`))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
    const release = lockDataDir(dir)
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    release()
  }, 30_000)

  it('进程号已被别的进程重用（启动时间不同）时视为陈旧锁', () => {
    const dir = tmp()
    // pid 1 is alive, but it is not the process that wrote this lock.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, started: '1', host: hostname() }))
    const release = lockDataDir(dir)
    release()
  })

  it('损坏的锁文件不会永久阻塞', () => {
    const dir = tmp()
    writeFileSync(join(dir, LOCK_FILE), '{"pid":')
    lockDataDir(dir)()
  })
})
