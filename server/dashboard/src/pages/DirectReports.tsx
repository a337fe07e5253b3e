import { useState } from 'react'
import { api, ApiError, type Me } from '../api'
import { dateTime, num } from '../format'
import { go, useApi } from '../hooks'
import { ExportButton, usePeriod } from '../period'
import { MODULE_LIST, shortHash, type DirectReport, type DirectSummary } from '../receiving'
import { Table } from '../table'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead, Stat } from '../ui'

/** 基层直报: what grassroots staff report about what they receive; admins answer and close, others see counts. */
export function DirectReports({ me }: { me: Me }) {
  const [period] = usePeriod()
  const summary = useApi<DirectSummary>('/api/direct-reports/summary')
  return (
    <div className="print-page">
      <PageHead
        title="基层直报"
        sub="基层干部直接反映收到的文件、会议、督查检查、报表和政务 APP 带来的负担。匿名直报不显示单位，但仍计入该单位的负担指数。"
        actions={<ExportButton period={period} />}
      />
      <ErrorBox error={summary.error} />
      {summary.data && <Summary s={summary.data} />}
      {me.role === 'admin' && !me.unit ? <AdminList onChanged={summary.reload} /> : <p className="muted">直报的内容与答复只有不限单位的管理员可见。</p>}
    </div>
  )
}

function Summary({ s }: { s: DirectSummary }) {
  const count = (status: 'open' | 'closed', module?: string) => s.summary.filter((r) => r.status === status && (!module || r.module === module)).reduce((n, r) => n + r.n, 0)
  const open = count('open')
  const closed = count('closed')
  return (
    <>
      <div className="stats three">
        <Stat label="直报总数" value={num(open + closed)} />
        <Stat label="待答复" value={num(open)} tone={open ? 'warn' : undefined} />
        <Stat label="已办结" value={num(closed)} />
      </div>
      <Card title="按模块">
        <Table
          head={
            <>
              <th>模块</th>
              <th className="r">待答复</th>
              <th className="r">已办结</th>
              <th className="r">合计</th>
            </>
          }
        >
          {MODULE_LIST.map((m) => {
            const c = { open: count('open', m), closed: count('closed', m) }
            return (
              <tr key={m} data-module={m}>
                <td>{m}</td>
                <td className="r">{num(c.open)}</td>
                <td className="r">{num(c.closed)}</td>
                <td className="r">{num(c.open + c.closed)}</td>
              </tr>
            )
          })}
        </Table>
      </Card>
    </>
  )
}

function AdminList({ onChanged }: { onChanged: () => void }) {
  const [status, setStatus] = useState<'open' | 'closed'>('open')
  const { data, error, loading, reload } = useApi<{ reports: DirectReport[] }>(`/api/direct-reports?status=${status}`)
  const [answering, setAnswering] = useState<string | null>(null)
  return (
    <Card
      title="直报列表"
      className="direct-list"
      extra={
        <div className="seg no-print">
          {(['open', 'closed'] as const).map((s) => (
            <button key={s} className={status === s ? 'on' : ''} onClick={() => setStatus(s)}>
              {s === 'open' ? '待答复' : '已办结'}
            </button>
          ))}
        </div>
      }
    >
      <ErrorBox error={error} />
      {!data && loading && <Loading />}
      {data && data.reports.length === 0 && <Empty>{status === 'open' ? '没有待答复的直报' : '没有已办结的直报'}</Empty>}
      {data && data.reports.length > 0 && (
        <Table
          head={
            <>
              <th>时间</th>
              <th>单位</th>
              <th>模块</th>
              <th>文件指纹</th>
              <th>反映内容</th>
              <th>答复</th>
              <th className="no-print" />
            </>
          }
        >
          {data.reports.map((r) => (
            <Row
              key={r.id}
              r={r}
              open={answering === r.id}
              onToggle={() => setAnswering(answering === r.id ? null : r.id)}
              onSaved={() => {
                setAnswering(null)
                reload()
                onChanged()
              }}
            />
          ))}
        </Table>
      )}
    </Card>
  )
}

function Row({ r, open, onToggle, onSaved }: { r: DirectReport; open: boolean; onToggle: () => void; onSaved: () => void }) {
  return (
    <>
      <tr data-report={r.id}>
        <td className="nowrap">{dateTime(r.at)}</td>
        {/* Never the unit of an anonymous report, whatever the answer carries. */}
        <td>{r.anonymous ? <Badge tone="muted">匿名</Badge> : r.unit ?? '—'}</td>
        <td className="nowrap">{r.module}</td>
        <td>{r.docHash ? <code className="link-code" title={r.docHash} onClick={() => go('documents', { hash: r.docHash! })}>{shortHash(r.docHash)}</code> : <span className="muted">—</span>}</td>
        <td className="reason">{r.text}</td>
        <td className="reason">
          {r.answer ? (
            <>
              {r.answer}
              {r.answeredAt && <div className="small muted">{dateTime(r.answeredAt)}</div>}
            </>
          ) : (
            <span className="muted">未答复</span>
          )}
        </td>
        <td className="no-print">
          <button className="btn ghost small" onClick={onToggle}>
            {open ? '收起' : r.status === 'open' ? '答复' : '修改答复'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="no-print">
          <td colSpan={7}>
            <AnswerForm r={r} onSaved={onSaved} />
          </td>
        </tr>
      )}
    </>
  )
}

function AnswerForm({ r, onSaved }: { r: DirectReport; onSaved: () => void }) {
  const [answer, setAnswer] = useState(r.answer ?? '')
  const [close, setClose] = useState(r.status === 'open')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      await api(`/api/direct-reports/${encodeURIComponent(r.id)}/answer`, { json: { answer: answer.trim(), close } })
      onSaved()
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="answer-form">
      <label>
        答复（500 字以内）
        <textarea rows={3} maxLength={500} value={answer} onChange={(e) => setAnswer(e.target.value)} aria-label="答复" />
      </label>
      <div className="actions">
        <label className="check-label">
          <input type="checkbox" checked={close} onChange={(e) => setClose(e.target.checked)} /> 答复后办结
        </label>
        <span className="muted small">{answer.trim().length}/500</span>
        <button className="btn" disabled={busy || !answer.trim()} onClick={save}>
          保存答复
        </button>
      </div>
      <ErrorBox error={error} />
    </div>
  )
}
