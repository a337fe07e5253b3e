import { afterEach, describe, expect, it, vi } from 'vitest'
import { every } from '../../server/lib/every'

describe('后台定时任务', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('上一轮未完成时跳过本轮；失败记入日志（说明在前），下一轮照常', async () => {
    vi.useFakeTimers()
    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m))
    let runs = 0
    let release = () => {}
    const task = vi.fn(async () => {
      runs++
      if (runs === 1) await new Promise<void>((r) => (release = r))
      if (runs === 2) throw new Error('数据库线程已退出')
    })
    const timer = every(100, task, '任务失败，稍后重试')

    await vi.advanceTimersByTimeAsync(350)
    expect(task).toHaveBeenCalledTimes(1)
    release()
    await vi.advanceTimersByTimeAsync(100)
    expect(task).toHaveBeenCalledTimes(2)
    expect(errors.map((m) => m.split('\n')[0])).toEqual(['任务失败，稍后重试：Error: 数据库线程已退出'])
    await vi.advanceTimersByTimeAsync(100)
    expect(task).toHaveBeenCalledTimes(3)

    timer.stop()
    await vi.advanceTimersByTimeAsync(1000)
    expect(task).toHaveBeenCalledTimes(3)
  })
})
