import { useState } from 'react'
import type { Overview } from '../../lib/background/overview'
import { asideAction } from './storage'

const SHOWN_REASONS = 5

/** Events the service refused: kept, counted by reason, to send again or give up. */
export function AsideEvents({ overview: o }: { overview: Overview }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const total = o.telemetry.aside
  if (total === 0 && !result) return null

  const act = async (action: 'retry' | 'discard') => {
    if (action === 'discard' && !confirm(`丢弃后无法恢复。确定丢弃这 ${total} 条事件？`)) return
    setBusy(true)
    setResult(null)
    try {
      const r = await asideAction(action)
      if (!r) setResult('后台未响应，请稍后再试')
      else if (action === 'discard') setResult(`已丢弃 ${r.count} 条`)
      else setResult(r.telemetry?.status === 'failed' ? `已放回队列 ${r.count} 条，发送失败：${r.telemetry.error}` : `已放回队列 ${r.count} 条并发送`)
    } catch (e) {
      setResult(`操作失败：${(e as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div id="aside">
      {total > 0 && (
        <>
          <p className="warn">
            服务拒收、已暂存 <span id="aside-count">{total}</span> 条事件（未发送，也未丢弃）：
          </p>
          <ul id="aside-reasons">
            {o.aside.slice(0, SHOWN_REASONS).map((g) => (
              <li key={g.reason}>
                {g.reason}（{g.count} 条）
              </li>
            ))}
            {o.aside.length > SHOWN_REASONS && <li>另有 {o.aside.length - SHOWN_REASONS} 种原因</li>}
          </ul>
          <div className="row">
            <button id="aside-retry" type="button" disabled={busy} onClick={() => act('retry')}>
              重新发送
            </button>
            <button id="aside-discard" type="button" disabled={busy} onClick={() => act('discard')}>
              丢弃
            </button>
          </div>
        </>
      )}
      {result && <p id="aside-result">{result}</p>}
    </div>
  )
}
