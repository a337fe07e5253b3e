import { every } from '../lib/every'
import type { Db } from './types'

/**
 * PGlite runs PostgreSQL as a single-user backend: no checkpointer process, so nothing ever
 * checkpoints on its own. Its WAL then grows without end (1.1 GB after 2 million events), and a
 * restart after kill -9 replays all of it. So the service checkpoints when enough WAL has gathered
 * (about 40–60 ms for 64 MB, measured) or, on a quiet instance, when the last checkpoint is old.
 * PostgreSQL's own checkpointer does this there.
 */
export const CHECKPOINT_DEFAULTS = { walBytes: 64 * 1024 * 1024, ageMs: 5 * 60 * 1000 }

/** WAL written since the last checkpoint's redo point, and that checkpoint's age. */
async function sinceCheckpoint(db: Db): Promise<{ walBytes: number; ageMs: number }> {
  const [r] = await db.query<{ wal: string; age: string }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::text AS wal, extract(epoch FROM now() - checkpoint_time)::text AS age FROM pg_control_checkpoint()`,
  )
  return { walBytes: Number(r!.wal), ageMs: Number(r!.age) * 1000 }
}

/** Checkpoints when due (PGlite only); true when it did. */
export async function checkpointIfDue(db: Db, o = CHECKPOINT_DEFAULTS): Promise<boolean> {
  if (db.kind !== 'pglite') return false
  const { walBytes, ageMs } = await sinceCheckpoint(db)
  // A checkpoint writes a record of its own: an old checkpoint with next to no WAL after it is not due.
  if (walBytes < o.walBytes && !(ageMs >= o.ageMs && walBytes > 1024 * 1024)) return false
  await db.query('CHECKPOINT')
  return true
}

/** Checks every `everyMs` on PGlite; `stop` ends the timer. */
export function startCheckpoints(db: Db, everyMs = 5000, o = CHECKPOINT_DEFAULTS): { stop: () => void } {
  if (db.kind !== 'pglite') return { stop: () => {} }
  return every(everyMs, () => checkpointIfDue(db, o), '数据库检查点失败，稍后重试')
}
