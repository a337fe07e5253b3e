/** 直报: the recipient's own words about a burden, ≤ 300 字, about this document, optionally anonymous. */
import { useState } from 'react'
import { MODULES, type Module } from '../../../core'
import type { InboxApi } from './api'

/** What the service takes (DirectReportInputSchema: UTF-16 units, as it counts). */
export const DIRECT_REPORT_MAX = 300

type Sent = { state: 'idle' } | { state: 'sending' } | { state: 'done'; id: string } | { state: 'error'; error: string }

export function DirectReportForm({ docHash, api, initialModule, onClose }: { docHash: string; api: InboxApi; initialModule: Module; onClose(): void }) {
  const [module, setModule] = useState<Module>(initialModule)
  const [text, setText] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [sent, setSent] = useState<Sent>({ state: 'idle' })
  const words = text.trim()
  const over = text.length > DIRECT_REPORT_MAX

  const submit = async () => {
    setSent({ state: 'sending' })
    const r = await api.directReport({ module, docHash, text: words, anonymous })
    setSent(r.ok ? { state: 'done', id: r.value } : { state: 'error', error: r.error })
  }

  if (sent.state === 'done')
    return (
      <div className="bw-inbox-form" data-form="direct">
        <p className="bw-inbox-ok" role="status" data-sent="direct">
          已直报{anonymous ? '（匿名）' : ''}，可在办文服务查看答复。
        </p>
        <div className="bw-card-actions">
          <button onClick={onClose}>关闭</button>
        </div>
      </div>
    )

  return (
    <div className="bw-inbox-form" data-form="direct">
      <div className="bw-inbox-sub">直报基层负担</div>
      <label className="bw-inbox-field">
        所属方面
        <select name="module" value={module} onChange={(e) => setModule(e.target.value as Module)}>
          {MODULES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="bw-inbox-field">
        情况说明（请用自己的话，不要粘贴原文）
        <textarea name="text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className={`bw-inbox-count${over ? ' over' : ''}`} data-count={text.length}>
        {text.length}/{DIRECT_REPORT_MAX} 字
      </div>
      <label className="bw-inbox-row">
        <input type="checkbox" name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> 匿名（不显示本单位）
      </label>
      <div className="bw-card-actions">
        <button className="bw-primary" data-action="send-direct" disabled={!words || over || sent.state === 'sending'} onClick={() => void submit()}>
          {sent.state === 'sending' ? '发送中…' : '发送直报'}
        </button>
        <button onClick={onClose}>取消</button>
      </div>
      {sent.state === 'error' ? (
        <p className="bw-inbox-error" role="alert">
          {sent.error}
        </p>
      ) : null}
    </div>
  )
}
