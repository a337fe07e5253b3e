import { ensureAhead, isPartitioned } from './db/partitions'
import { every } from './lib/every'
import { safeError } from './lib/log'
import type { Store } from './store'
import { applyRetention } from './store/retention'

const DAY = 24 * 60 * 60 * 1000

/** One round: next month's partition (PostgreSQL), then retention. Never throws. */
export async function maintain(store: Store, now = Date.now()) {
  try {
    const { db } = store
    if (db.kind === 'postgres' && (await isPartitioned(db))) await ensureAhead(db, now)
    const r = await applyRetention(db, store.retentionMonths, { now })
    if (r.droppedMonths.length || r.deleted) console.log(`数据保留：已删除 ${r.cutoff} 之前的原始事件（整月 ${r.droppedMonths.length} 个，逐条 ${r.deleted} 条）；看板汇总不受影响`)
  } catch (e) {
    console.error(`数据保留任务失败，明天再试：${safeError(e)}`)
  }
}

/** Runs `maintain` now, in the background, and once a day; `stop` ends the timer. */
export function startMaintenance(store: Store): { stop: () => void; first: Promise<void> } {
  const first = maintain(store)
  const timer = setInterval(() => void maintain(store), DAY)
  timer.unref()
  return { stop: () => clearInterval(timer), first }
}

/**
 * Folds queued telemetry into the rollups every `everyMs`, so the queue stays short and a
 * dashboard read rarely has much to fold; a round is skipped while another instance folds.
 */
export function startFolding(store: Store, everyMs = 1000): { stop: () => void } {
  return every(everyMs, () => store.telemetry.fold(), '汇总表更新失败，稍后重试')
}
