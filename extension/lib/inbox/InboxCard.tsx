/**
 * The 收文 page's 逆向评估 card: what the service knows of the document, the recipient's rating
 * of it, and 直报. Drawn in the extension's shadow root; the page's DOM is never touched.
 */
import { useEffect, useState } from 'react'
import { MODULES, type Module, type RatingInput } from '../../../core'
import type { ReceivedInfo } from '../messages'
import type { InboxApi } from './api'
import type { DemandOption } from './demands'
import { DirectReportForm } from './DirectReportForm'

export interface InboxDoc {
  docHash: string
  /** The demands read locally from the page's text, for 哪项要求最重. */
  options: DemandOption[]
}

type Known = { state: 'loading' } | { state: 'ok'; info: ReceivedInfo } | { state: 'error'; error: string }
type Sent = { state: 'idle' } | { state: 'sending' } | { state: 'done'; text: string } | { state: 'error'; error: string }

const EFFECTS = ['好', '一般', '差'] as const
const BURDENS = ['轻', '适中', '重'] as const

export function InboxCard({ doc, configured, api }: { doc: InboxDoc | null; configured: boolean; api: InboxApi }) {
  const [open, setOpen] = useState(true)
  const [known, setKnown] = useState<Known>({ state: 'loading' })
  const [effect, setEffect] = useState<RatingInput['effect'] | null>(null)
  const [burden, setBurden] = useState<RatingInput['burden'] | null>(null)
  const [mergeable, setMergeable] = useState(false)
  const [unnecessary, setUnnecessary] = useState(false)
  const [heaviest, setHeaviest] = useState(-1)
  const [sent, setSent] = useState<Sent>({ state: 'idle' })
  const [reporting, setReporting] = useState(false)
  const docHash = doc?.docHash ?? null

  useEffect(() => {
    if (!docHash || !configured) return
    let live = true
    setKnown({ state: 'loading' })
    setSent({ state: 'idle' })
    void api.received(docHash).then((r) => {
      if (!live) return
      setKnown(r.ok ? { state: 'ok', info: r.value } : { state: 'error', error: r.error })
      const mine = r.ok ? r.value.mine : null
      if (mine) {
        if (mine.effect) setEffect(mine.effect)
        if (mine.burden) setBurden(mine.burden)
        setMergeable(mine.mergeable === true)
        setUnnecessary(mine.unnecessary === true)
      }
    })
    return () => {
      live = false
    }
  }, [docHash, configured, api])

  if (!open)
    return (
      <button className="bw-inbox bw-inbox-mini" onClick={() => setOpen(true)} title="逆向评估">
        办文 · 逆向评估
      </button>
    )

  const submit = async () => {
    if (!doc || !effect || !burden) return
    const pick = doc.options[heaviest]
    setSent({ state: 'sending' })
    const r = await api.rate({ docHash: doc.docHash, effect, burden, mergeable, unnecessary, heaviest: pick ? pick.value : null })
    setSent(r.ok ? { state: 'done', text: '已提交评估（再次提交将替换本单位的评估）' } : { state: 'error', error: r.error })
  }
  const heavyModule: Module | null = doc?.options[heaviest]?.value.module ?? null

  return (
    <section className="bw-inbox" aria-label="逆向评估" data-doc-hash={docHash ?? ''}>
      <header className="bw-head">
        <span className="bw-brand">办文 · 逆向评估</span>
        <button className="bw-icon" title="收起" onClick={() => setOpen(false)}>
          –
        </button>
      </header>
      <div className="bw-inbox-body">
        {!configured ? (
          <p className="bw-inbox-note">未设置办文服务地址，无法评估（在扩展选项页设置）。</p>
        ) : !doc ? (
          <p className="bw-inbox-note">正在读取收文正文…</p>
        ) : (
          <>
            <KnownLine known={known} />
            <div className="bw-inbox-form" data-form="rating">
              <Choice<RatingInput['effect']> label="执行效果" name="effect" values={EFFECTS} value={effect} onChange={setEffect} />
              <Choice<RatingInput['burden']> label="负担" name="burden" values={BURDENS} value={burden} onChange={setBurden} />
              <div className="bw-inbox-row">
                <label>
                  <input type="checkbox" name="mergeable" checked={mergeable} onChange={(e) => setMergeable(e.target.checked)} /> 可合并
                </label>
                <label>
                  <input type="checkbox" name="unnecessary" checked={unnecessary} onChange={(e) => setUnnecessary(e.target.checked)} /> 可不发
                </label>
              </div>
              <label className="bw-inbox-field">
                哪项要求最重
                <select name="heaviest" value={heaviest} onChange={(e) => setHeaviest(Number(e.target.value))}>
                  <option value={-1}>{doc.options.length ? '（不选）' : '（未读出具体要求）'}</option>
                  {doc.options.map((o, i) => (
                    <option key={i} value={i}>
                      {o.label}
                      {o.count > 1 ? `（${o.count} 处）` : ''}
                    </option>
                  ))}
                </select>
              </label>
              <div className="bw-card-actions">
                <button className="bw-primary" data-action="rate" disabled={!effect || !burden || sent.state === 'sending'} onClick={() => void submit()}>
                  {sent.state === 'sending' ? '提交中…' : '提交评估'}
                </button>
                <button data-action="direct" onClick={() => setReporting((x) => !x)}>
                  直报
                </button>
              </div>
              <SentLine sent={sent} />
            </div>
            {reporting ? <DirectReportForm docHash={doc.docHash} api={api} initialModule={heavyModule ?? MODULES[3]!} onClose={() => setReporting(false)} /> : null}
          </>
        )}
      </div>
    </section>
  )
}

function KnownLine({ known }: { known: Known }) {
  if (known.state === 'loading') return <p className="bw-inbox-note">正在查询发文记录…</p>
  if (known.state === 'error')
    return (
      <p className="bw-inbox-error" role="alert">
        {known.error}
      </p>
    )
  const { info } = known
  if (!info.known) return <p className="bw-inbox-note" data-known="false">服务中没有这份文件的发文记录，仍可评估和直报。</p>
  return (
    <div className="bw-inbox-known" data-known="true">
      <div>
        发文单位：<b data-field="issuer">{info.issuer ?? '未知'}</b>
        {info.docType ? ` · ${info.docType}` : ''}
      </div>
      <div>
        发文日期：<span data-field="filed">{info.filedAt ? info.filedAt.slice(0, 10) : '未知'}</span>
        {info.recipients ? ` · 主送 ${info.recipients} 个单位` : ''}
      </div>
      {info.isRecipient === false ? <div className="bw-inbox-error">本单位不在这份文件的主送单位中，评估将被拒收。</div> : null}
      {info.mine ? <div className="bw-inbox-note">本单位已评估过，再次提交将替换。</div> : null}
    </div>
  )
}

function SentLine({ sent }: { sent: Sent }) {
  if (sent.state === 'done')
    return (
      <p className="bw-inbox-ok" role="status" data-sent="rating">
        {sent.text}
      </p>
    )
  if (sent.state === 'error')
    return (
      <p className="bw-inbox-error" role="alert">
        {sent.error}
      </p>
    )
  return null
}

function Choice<T extends string>({ label, name, values, value, onChange }: { label: string; name: string; values: readonly T[]; value: T | null; onChange(v: T): void }) {
  return (
    <div className="bw-inbox-row" role="radiogroup" aria-label={label}>
      <span className="bw-inbox-label">{label}</span>
      {values.map((v) => (
        <label key={v}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} /> {v}
        </label>
      ))}
    </div>
  )
}
