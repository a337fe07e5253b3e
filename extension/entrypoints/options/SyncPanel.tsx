import { useState } from 'react'
import type { Overview } from '../../lib/background/overview'
import type { SyncNowResponse } from '../../lib/background/ui-protocol'
import { AsideEvents } from './AsideEvents'
import { syncNow } from './storage'

export const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '从未')

const OUTCOME: Record<string, string> = { updated: '已更新', unchanged: '无变化', rejected: '服务下发无效，保留原版本', failed: '失败' }

function summary(r: SyncNowResponse | undefined): string {
  if (!r) return '后台未响应，请稍后再试'
  if (!r.sync.configured) return '未设置服务地址：使用内置规则集，事件暂存本机'
  const t = r.telemetry
  const sent = !t ? '' : t.status === 'sent' ? `，发送事件 ${t.sent} 条` : t.status === 'failed' ? `，事件发送失败：${t.error}` : ''
  return `规则集${OUTCOME[r.sync.rules ?? ''] ?? '—'}，上级文件指纹${OUTCOME[r.sync.fingerprints ?? ''] ?? '—'}${sent}`
}

export function SyncPanel({ overview: o }: { overview: Overview }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const q = o.telemetry
  const run = async () => {
    setBusy(true)
    setResult(null)
    try {
      setResult(summary(await syncNow()))
    } catch (e) {
      setResult(`同步失败：${(e as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" id="sync">
      <h2>同步状态</h2>
      <dl>
        <dt>规则集版本</dt>
        <dd>
          <span id="ruleset-version">{o.rules.version}</span>（{o.rules.source === 'service' ? '来自服务' : '内置'}）
        </dd>
        <dt>上次同步</dt>
        <dd id="last-sync">{time(o.rules.syncedAt)}</dd>
        <dt>上次检查</dt>
        <dd id="last-check">
          {time(o.rules.state?.checkedAt)}
          {o.rules.state?.error && <span className="warn">　{o.rules.state.error}</span>}
        </dd>
        <dt>上级文件指纹</dt>
        <dd>
          {o.fingerprints.count} 份{o.fingerprints.state?.error && <span className="warn">　{o.fingerprints.state.error}</span>}
        </dd>
        <dt>待发送事件</dt>
        <dd>
          <span id="pending-count">{q.pending}</span> 条
          {q.pending > 0 && q.nextAttemptAt && <span className="muted">　下次重试 {time(new Date(q.nextAttemptAt).toISOString())}</span>}
          {q.lastError && <span className="warn" id="telemetry-error">　{q.lastError}</span>}
        </dd>
        <dt>已发送事件</dt>
        <dd>
          <span id="sent-count">{q.sent}</span> 条，上次发送 {time(q.lastSentAt)}
        </dd>
        {(q.dropped > 0 || q.discarded > 0) && (
          <>
            <dt>丢弃事件</dt>
            <dd className="warn">
              {q.dropped > 0 && `队列已满丢弃最早的 ${q.dropped} 条。`}
              {q.discarded > 0 && `手动丢弃被拒收的 ${q.discarded} 条。`}
            </dd>
          </>
        )}
      </dl>
      <AsideEvents overview={o} />
      {!o.serviceConfigured && <p className="hint">未设置服务地址：使用内置规则集，事件暂存本机，设置服务后发送。</p>}
      <div className="row">
        <button id="sync-now" type="button" disabled={busy} onClick={run}>
          {busy ? '同步中…' : '立即同步'}
        </button>
        {result && <span id="sync-result">{result}</span>}
      </div>
    </section>
  )
}
