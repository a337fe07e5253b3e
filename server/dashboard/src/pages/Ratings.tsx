import { useState } from 'react'
import { api, ApiError, type Me } from '../api'
import { date, num, pct } from '../format'
import { go, useApi } from '../hooks'
import { ExportButton, usePeriod } from '../period'
import { MODULE_LIST, shortHash, type DocumentRatings, type ExplainedDocument, type IssuerRatings } from '../receiving'
import { Table } from '../table'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead } from '../ui'

const years = () => [0, 1, 2].map((d) => new Date().getFullYear() - d)

/** 逆向评估: how the recipients rate what they received, per document and per issuing unit, and the 公开说明 list. */
export function Ratings({ me }: { me: Me }) {
  const [year, setYear] = useState(new Date().getFullYear())
  const [period] = usePeriod()
  const docs = useApi<{ documents: DocumentRatings[] }>(`/api/ratings/documents?year=${year}`)
  const issuers = useApi<{ issuers: IssuerRatings[] }>(`/api/ratings/issuers?year=${year}`)
  const explained = useApi<{ explainAt: number; documents: ExplainedDocument[] }>(`/api/explanations?year=${year}`)
  return (
    <div className="print-page">
      <PageHead
        title="逆向评估"
        sub="收文单位对收到的文件打分：效果、负担轻重、能否合并、是否必要。被足够多的收文单位评为“差”或“重”的文件进入公开说明名单，由发文单位作出说明。"
        actions={
          <>
            <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="年度">
              {years().map((y) => (
                <option key={y} value={y}>
                  {y} 年
                </option>
              ))}
            </select>
            <ExportButton period={period} />
          </>
        }
      />
      <Card title="公开说明名单" className="explain-list" extra={explained.data && <span className="muted">被 {explained.data.explainAt} 个及以上收文单位评为“差”或“重”的文件</span>}>
        <ErrorBox error={explained.error} />
        {!explained.data && explained.loading && <Loading />}
        {explained.data && explained.data.documents.length === 0 && <Empty>{year} 年没有进入公开说明名单的文件</Empty>}
        {explained.data?.documents.map((d) => (
          <ExplainEntry key={d.docHash} d={d} canExplain={me.unit ? me.unit === d.issuer : me.role === 'admin'} onSaved={explained.reload} />
        ))}
      </Card>
      <Card title="按发文单位">
        <ErrorBox error={issuers.error} />
        {issuers.data && issuers.data.issuers.length === 0 && <Empty>暂无评价</Empty>}
        {issuers.data && issuers.data.issuers.length > 0 && (
          <Table
            head={
              <>
                <th>发文单位</th>
                <th className="r">文件</th>
                <th className="r">评价</th>
                <th className="r">评为“差”</th>
                <th className="r">评为“重”</th>
                <th className="r">公开说明</th>
              </>
            }
          >
            {[...issuers.data.issuers]
              .sort((a, b) => b.listed - a.listed || b.poorShare + b.heavyShare - (a.poorShare + a.heavyShare))
              .map((i) => (
                <tr key={i.issuer}>
                  <td>{i.issuer}</td>
                  <td className="r">{num(i.documents)}</td>
                  <td className="r">{num(i.ratings)}</td>
                  <td className={`r ${i.poorShare >= 0.5 ? 'bad' : ''}`}>
                    {num(i.poor)}（{pct(i.poorShare, 0)}）
                  </td>
                  <td className={`r ${i.heavyShare >= 0.5 ? 'bad' : ''}`}>
                    {num(i.heavy)}（{pct(i.heavyShare, 0)}）
                  </td>
                  <td className="r">{i.listed ? <Badge tone="over">{num(i.listed)}</Badge> : '—'}</td>
                </tr>
              ))}
          </Table>
        )}
      </Card>
      <Card title="按文件">
        <ErrorBox error={docs.error} />
        {docs.data && docs.data.documents.length === 0 && <Empty>暂无评价</Empty>}
        {docs.data && docs.data.documents.length > 0 && <DocTable docs={docs.data.documents} />}
      </Card>
    </div>
  )
}

function DocTable({ docs }: { docs: DocumentRatings[] }) {
  return (
    <Table
      hover
      head={
        <>
          <th>文件指纹</th>
          <th>发文单位</th>
          <th>文种</th>
          <th>归档</th>
          <th className="r">收文单位</th>
          <th className="r">评价</th>
          <th>效果 好/一般/差</th>
          <th>负担 轻/适中/重</th>
          <th className="r">可合并</th>
          <th className="r">不必要</th>
          <th>最重的要求</th>
          <th />
        </>
      }
    >
      {docs.map((d) => (
        <tr key={d.docHash} className="click" onClick={() => go('documents', { hash: d.docHash })}>
          <td>
            <code title={d.docHash}>{shortHash(d.docHash)}</code>
          </td>
          <td>{d.issuer ?? '—'}</td>
          <td>{d.docType ?? '—'}</td>
          <td className="nowrap">{d.filedAt ? date(d.filedAt) : '—'}</td>
          <td className="r">{num(d.recipients)}</td>
          <td className="r">{num(d.ratings)}</td>
          <td className="nowrap">
            {d.effect.好}/{d.effect.一般}/<b className={d.effect.差 ? 'bad' : ''}>{d.effect.差}</b>
          </td>
          <td className="nowrap">
            {d.burden.轻}/{d.burden.适中}/<b className={d.burden.重 ? 'bad' : ''}>{d.burden.重}</b>
          </td>
          <td className="r">{num(d.mergeable)}</td>
          <td className="r">{num(d.unnecessary)}</td>
          <td className="small">{heaviestLine(d) || '—'}</td>
          <td>{d.listed && <Badge tone="over">公开说明</Badge>}</td>
        </tr>
      ))}
    </Table>
  )
}

const heaviestLine = (d: DocumentRatings) =>
  MODULE_LIST.filter((m) => (d.heaviest[m] ?? 0) > 0)
    .sort((a, b) => d.heaviest[b]! - d.heaviest[a]!)
    .map((m) => `${m} ${d.heaviest[m]}`)
    .join('、')

function ExplainEntry({ d, canExplain, onSaved }: { d: ExplainedDocument; canExplain: boolean; onSaved: () => void }) {
  const text = d.explanation?.text ?? null
  const [editing, setEditing] = useState(false)
  return (
    <div className="explain" data-doc={d.docHash}>
      <div className="explain-head">
        <b>{d.issuer ?? '发文单位未知'}</b> · {d.docType ?? '文件'} · <code title={d.docHash}>{shortHash(d.docHash)}</code>
        {d.filedAt && <span className="muted"> · {date(d.filedAt)} 归档</span>}
        <span className="chips">
          <Badge tone="over">评为“差”或“重” {d.poorOrHeavy}</Badge>
          <Badge tone="muted">评价 {d.ratings}</Badge>
        </span>
      </div>
      {text ? <p className="explain-text">{text}</p> : <p className="muted">发文单位尚未说明。</p>}
      {canExplain && !editing && (
        <button className="btn ghost small no-print" onClick={() => setEditing(true)}>
          {text ? '修改说明' : '填写说明'}
        </button>
      )}
      {editing && (
        <ExplainForm
          docHash={d.docHash}
          initial={text ?? ''}
          onDone={(saved) => {
            setEditing(false)
            if (saved) onSaved()
          }}
        />
      )}
    </div>
  )
}

function ExplainForm({ docHash, initial, onDone }: { docHash: string; initial: string; onDone: (saved: boolean) => void }) {
  const [text, setText] = useState(initial)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      await api(`/api/explanations/${docHash}`, { method: 'PUT', json: { text: text.trim() } })
      onDone(true)
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="answer-form no-print">
      <label>
        发文单位的说明（1000 字以内）
        <textarea rows={4} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} aria-label="公开说明" />
      </label>
      <div className="actions">
        <span className="muted small">{text.trim().length}/1000</span>
        <button className="btn" disabled={busy || !text.trim()} onClick={save}>
          保存说明
        </button>
        <button className="btn ghost" onClick={() => onDone(false)}>
          取消
        </button>
      </div>
      <ErrorBox error={error} />
    </div>
  )
}

/** The document detail's 逆向评估 card: shown only when recipients have rated the document. */
export function DocumentRatingsCard({ hash }: { hash: string }) {
  const { data } = useApi<DocumentRatings>(`/api/ratings/documents/${hash}`)
  if (!data || data.ratings === 0) return null
  const text = data.explanation?.text ?? null
  return (
    <Card title={`逆向评估：${data.ratings} 个收文单位评价`} className="doc-ratings" extra={data.listed && <Badge tone="over">公开说明名单</Badge>}>
      <div className="kv">
        <div>
          <span>效果 好/一般/差</span>
          <b>
            {data.effect.好}/{data.effect.一般}/<b className={data.effect.差 ? 'bad' : ''}>{data.effect.差}</b>
          </b>
        </div>
        <div>
          <span>负担 轻/适中/重</span>
          <b>
            {data.burden.轻}/{data.burden.适中}/<b className={data.burden.重 ? 'bad' : ''}>{data.burden.重}</b>
          </b>
        </div>
        <div>
          <span>认为可合并</span>
          <b>{data.mergeable}</b>
        </div>
        <div>
          <span>认为不必要</span>
          <b>{data.unnecessary}</b>
        </div>
        <div>
          <span>收文单位</span>
          <b>{num(data.recipients)}</b>
        </div>
        <div>
          <span>最重的要求</span>
          <b className="small">{heaviestLine(data) || '—'}</b>
        </div>
      </div>
      {data.listed && <p>{text ? <>发文单位说明：{text}</> : <span className="muted">发文单位尚未说明。</span>}</p>}
    </Card>
  )
}
