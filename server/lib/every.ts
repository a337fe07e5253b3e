import { safeError } from './log'

/**
 * Runs `task` every `everyMs` in the background: a round is skipped while the last one still runs,
 * a failure is logged (as `failed`, then the error) and tried again next round, and the timer
 * never keeps the process alive. `stop` ends it.
 */
export function every(everyMs: number, task: () => Promise<unknown>, failed: string): { stop: () => void } {
  let busy = false
  const timer = setInterval(async () => {
    if (busy) return
    busy = true
    try {
      await task()
    } catch (e) {
      console.error(`${failed}：${safeError(e)}`)
    } finally {
      busy = false
    }
  }, everyMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
