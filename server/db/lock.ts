import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** The lock file inside an embedded data directory. */
export const LOCK_FILE = 'banwen.lock'

interface Holder {
  pid: number
  /** The process's start time (Linux /proc), so a pid reused after a kill -9 is not taken for the holder. */
  started: string | null
  host: string
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startedOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

function alive(h: Holder): boolean {
  // Another machine sharing the folder (a network disk): we cannot tell, so it holds.
  if (h.host !== hostname()) return true
  try {
    process.kill(h.pid, 0)
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const now = startedOf(h.pid)
  return h.started === null || now === null || now === h.started
}

function readHolder(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Holder
    return Number.isInteger(h.pid) ? h : null
  } catch {
    return null
  }
}

export class DataDirLockedError extends Error {
  constructor(dir: string, h: Holder) {
    super(`数据目录「${dir}」正被另一个办文服务使用（进程 ${h.pid}${h.host !== hostname() ? `，主机 ${h.host}` : ''}）。同一数据目录只能由一个服务打开：请先停止那个服务，或用 BANWEN_DATA_DIR 指定其他目录；多实例部署请改用 PostgreSQL（DATABASE_URL）。`)
    this.name = 'DataDirLockedError'
  }
}

/**
 * Takes the data directory for this process: a second service on the same folder would keep
 * its own copy of the database in memory and overwrite the other's writes. A lock left by a
 * process that no longer runs (kill -9, power cut) is taken over. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE)
  const me: Holder = { pid: process.pid, started: startedOf(process.pid), host: hostname() }
  let waits = 0
  for (let attempt = 0; attempt < 10; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx', 0o600)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const h = readHolder(path)
      // A holder still writing its file, or a file we cannot read: let it finish, then look again.
      if (h && alive(h)) throw new DataDirLockedError(dir, h)
      if (!h && waits++ < 4) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
        continue
      }
      // Stale: move it aside atomically, so two starters cannot both take it over; if what we
      // moved is a live holder's fresh lock (another starter was quicker), put it back.
      const aside = `${path}.stale-${process.pid}`
      try {
        renameSync(path, aside)
      } catch {
        continue
      }
      const moved = readHolder(aside)
      if (moved && moved.pid !== h?.pid && alive(moved)) {
        try {
          linkSync(aside, path)
        } catch {}
        unlinkSync(aside)
        throw new DataDirLockedError(dir, moved)
      }
      unlinkSync(aside)
      continue
    }
    writeSync(fd, JSON.stringify(me))
    closeSync(fd)
    let released = false
    const release = () => {
      if (released) return
      released = true
      process.off('exit', release)
      if (readHolder(path)?.pid === process.pid) unlinkSync(path)
    }
    process.on('exit', release)
    return release
  }
  throw new Error(`无法锁定数据目录「${dir}」，请检查目录权限`)
}
