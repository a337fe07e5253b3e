/** The filing check: score, top findings and the 负担监测 impact; 返回修改 / 仍然提交 (with a reason when required). */
import { useState } from 'react'
import { CATEGORY_LABELS } from '../../../core'
import { CATEGORY_STYLES } from '../marks/categories'
import { ImpactBlock } from './ImpactBlock'
import { formatScore } from './rules'
import type { DialogState } from './store'

/** pass: a draft the policy lets through, held because of what it adds to its recipients. */
const TITLES = { pass: '发文负担提示', warn: '提交前提示', justify: '提交需说明理由', block: '不允许提交' } as const
const MIN_REASON = 5

export function FilingDialog({ dialog }: { dialog: DialogState }) {
  const [reason, setReason] = useState('')
  const { entries, decision } = dialog
  const action = decision.action
  const several = entries.length > 1
  const top = entries
    .flatMap((e) => e.report.findings.map((f) => ({ f, label: e.label })))
    .sort((a, b) => b.f.points - a.f.points)
    .slice(0, 5)
  const canGo = action === 'pass' || action === 'warn' || (action === 'justify' && reason.trim().length >= MIN_REASON)
  return (
    <div className="bw-modal-back" role="presentation">
      <div className={`bw-modal act-${action}`} role="dialog" aria-modal="true" aria-label={TITLES[action]} data-action={action}>
        <h2>{TITLES[action]}</h2>
        {entries.map(({ label, report }, i) => (
          <div className="bw-modal-score" key={i} data-label={label}>
            {several ? <span className="bw-entry-label">{label}</span> : null}
            办文指数 <b>{formatScore(report.score)}</b> 分（{report.grade}） · {report.docType} · {report.chars} 字
          </div>
        ))}
        <ul className="bw-reasons">
          {decision.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {dialog.impact ? <ImpactBlock view={dialog.impact} /> : null}
        {top.length ? (
          <>
            <div className="bw-modal-sub">主要问题</div>
            <ol className="bw-modal-list">
              {top.map(({ f, label }, i) => (
                <li key={i}>
                  <span className="bw-chip" style={{ background: CATEGORY_STYLES[f.category].color }}>
                    {CATEGORY_LABELS[f.category]}
                  </span>
                  {several ? `${label}：` : ''}
                  {f.message}
                </li>
              ))}
            </ol>
          </>
        ) : null}
        {action === 'justify' ? (
          <label className="bw-reason">
            仍要提交，请写明理由（至少 {MIN_REASON} 个字，将随提交记录报送）
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} autoFocus />
          </label>
        ) : null}
        {action === 'block' ? <p className="bw-block-note">办文指数低于本单位规定的提交线，请修改后再提交。</p> : null}
        <div className="bw-modal-actions">
          <button className="bw-primary" data-choice="return" onClick={() => dialog.resolve({ go: false })}>
            返回修改
          </button>
          {action !== 'block' ? (
            <button
              data-choice="submit"
              disabled={!canGo}
              onClick={() => dialog.resolve({ go: true, ...(action === 'justify' ? { reason: reason.trim() } : {}) })}
            >
              {action === 'pass' ? '确认提交' : '仍然提交'}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  )
}
