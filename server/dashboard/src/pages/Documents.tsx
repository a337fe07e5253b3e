import { useState } from 'react'
import type { Report, RuleSet } from '../../../../core'
import { api, ApiError } from '../api'
import { ACTION, CATEGORY, CATEGORY_ORDER, dateTime, num, pct, scoreClass } from '../format'
import { go, useApi } from '../hooks'
import { Table } from '../table'
import type { DocumentDetail, FiledRecord } from '../types'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead } from '../ui'
import { Filters, useFilters } from './Filters'
import { DocumentRatingsCard } from './Ratings'
import { ReportView } from './ReportView'
import { SheetPanel, sheetFromFiled, sheetFromReport, type SheetData } from './Sheet'

const PAGE = 30

export function Documents({ hash }: { hash: string | null }) {
  if (hash) return <DocumentPage hash={hash} />
  return <DocumentList />
}

function DocumentList() {
  const filters = useFilters()
  const [offset, setOffset] = useState(0)
  const { data, error, loading } = useApi<{ total: number; capped: boolean; items: FiledRecord[] }>(`/api/documents?${filters.query({ limit: String(PAGE), offset: String(offset) })}`)
  return (
    <>
      <PageHead title="归档公文" sub="起草人提交（归档）时的办文指数记录：文档指纹、单位、文种、分数和坚持提交的理由。可按指纹核对某份文件归档时的评分。" />
      <Filters
        f={filters.f}
        setF={(f) => {
          setOffset(0)
          filters.setF(f)
        }}
      />
      <ErrorBox error={error} />
      <Card title={data ? `共 ${num(data.total)}${data.capped ? ' 余份' : ' 份'}` : '归档记录'}>
        {!data && loading && <Loading />}
        {data && data.items.length === 0 && <Empty>没有符合条件的归档记录</Empty>}
        {data && data.items.length > 0 && (
          <Table
            hover
            head={
              <>
                <th>归档时间</th>
                <th>单位</th>
                <th>文种</th>
                <th className="r">办文指数</th>
                <th className="r">字数/上限</th>
                <th>问题</th>
                <th>处理</th>
                <th>指纹</th>
              </>
            }
          >
            {data.items.map((d) => (
              <tr key={d.id} onClick={() => d.docHash && go('documents', { hash: d.docHash })} className={d.docHash ? 'click' : ''}>
                <td className="nowrap">{dateTime(d.at)}</td>
                <td>{d.unit}</td>
                <td>{d.docType}</td>
                <td className={`r score ${scoreClass(d.score)}`}>{num(d.score, 0)}</td>
                <td className={`r ${d.flags.overCap ? 'bad' : ''}`}>
                  {num(d.chars)}/{d.cap ?? '—'}
                </td>
                <td>
                  <span className="chips">
                    {d.flags.disguisedDirective && <Badge tone="over">隐形变异</Badge>}
                    {d.flags.overCap && <Badge tone="warn">超长</Badge>}
                    {CATEGORY_ORDER.filter((c) => (d.counts[c] ?? 0) > 0 && c !== 'length' && c !== 'disguise')
                      .slice(0, 3)
                      .map((c) => (
                        <Badge key={c} tone="muted">
                          {CATEGORY[c]} {d.counts[c]}
                        </Badge>
                      ))}
                  </span>
                </td>
                <td>
                  {d.action ? ACTION[d.action] ?? d.action : '—'}
                  {d.overrides.length > 0 && <Badge tone="warn">有理由</Badge>}
                </td>
                <td>
                  <code className="muted">{d.docHash ? d.docHash.slice(0, 10) : '—'}</code>
                </td>
              </tr>
            ))}
          </Table>
        )}
        {data && (data.total > PAGE || data.capped) && (
          <div className="pager">
            <button className="btn ghost" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              上一页
            </button>
            <span>
              {offset + 1}–{Math.min(offset + PAGE, data.total)} / {num(data.total)}
              {data.capped ? ' 余' : ''}
            </span>
            <button className="btn ghost" disabled={offset + PAGE >= data.total && !data.capped} onClick={() => setOffset(offset + PAGE)}>
              下一页
            </button>
          </div>
        )}
      </Card>
    </>
  )
}

function DocumentPage({ hash }: { hash: string }) {
  const { data, error, loading } = useApi<DocumentDetail>(`/api/documents/${hash}`)
  const rules = useApi<RuleSet>('/api/rules')
  const titleOf = (id: string) => rules.data?.rules.find((r) => r.id === id)?.title ?? id
  const [sheet, setSheet] = useState<SheetData | null>(null)
  const [rescored, setRescored] = useState<Report | null>(null)
  const [rescoreError, setRescoreError] = useState<ApiError | null>(null)
  const openSheet = async (r: FiledRecord) => {
    try {
      const ruleSet = await api<RuleSet>(`/api/rules?unit=${encodeURIComponent(r.unit)}`)
      setSheet(sheetFromFiled(r, data?.text?.title, ruleSet))
    } catch (e) {
      setRescoreError(e as ApiError)
    }
  }
  const rescore = async () => {
    if (!data?.text) return
    try {
      setRescored(await api<Report>('/api/analyze', { json: { text: data.text.text, unit: data.text.unit } }))
    } catch (e) {
      setRescoreError(e as ApiError)
    }
  }
  return (
    <>
      <PageHead
        title="归档记录详情"
        sub={
          <>
            文档指纹 <code>{hash}</code>
          </>
        }
        actions={
          <button className="btn ghost" onClick={() => go('documents')}>
            ← 返回列表
          </button>
        }
      />
      <ErrorBox error={error ?? rescoreError} />
      {loading && !data && <Loading />}
      {/* A received document may be rated without a filed record here. */}
      {!data && error && <DocumentRatingsCard hash={hash} />}
      {data && (
        <>
          {data.filed.map((r) => (
            <Card
              key={r.id}
              title={`${r.unit} · ${r.docType} · ${dateTime(r.at)} 归档`}
              extra={
                <button className="btn" onClick={() => openSheet(r)}>
                  评估表
                </button>
              }
            >
              <div className="kv">
                <div>
                  <span>办文指数</span>
                  <b className={`score ${scoreClass(r.score)}`}>{num(r.score, 0)}</b>
                </div>
                <div>
                  <span>篇幅</span>
                  <b className={r.flags.overCap ? 'bad' : ''}>
                    {num(r.chars)} / {r.cap ?? '—'} 字
                  </b>
                </div>
                <div>
                  <span>照抄比例</span>
                  <b>{r.flags.copiedShare === null ? '未比对' : pct(r.flags.copiedShare)}</b>
                </div>
                <div>
                  <span>提交判定</span>
                  <b>{r.action ? ACTION[r.action] ?? r.action : '—'}</b>
                </div>
                <div>
                  <span>起草人</span>
                  <b>{r.user}</b>
                </div>
                <div>
                  <span>规则集 / 扩展</span>
                  <b>
                    {r.rulesetVersion} / {r.extensionVersion}
                  </b>
                </div>
              </div>
              <div className="chips">
                {CATEGORY_ORDER.map((c) => (
                  <Badge key={c} tone={(r.counts[c] ?? 0) > 0 ? 'warn' : 'muted'}>
                    {CATEGORY[c]} {r.counts[c] ?? 0}
                  </Badge>
                ))}
              </div>
              {r.ruleIds.length > 0 && (
                <p className="small muted">
                  命中规则：
                  {r.ruleIds.map((id) => (
                    <span key={id} className="rule-chip" title={id}>
                      {titleOf(id)}
                    </span>
                  ))}
                </p>
              )}
              <h3>坚持提交的理由</h3>
              {r.overrides.length === 0 ? (
                <p className="muted">无</p>
              ) : (
                <ul className="overrides">
                  {r.overrides.map((o, i) => (
                    <li key={i}>
                      <span className="nowrap muted">{dateTime(o.at)}</span> <b>{o.user}</b>（{o.action ? ACTION[o.action] ?? o.action : '—'}）：{o.reason ?? '未填写'}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ))}
          <DocumentRatingsCard hash={hash} />
          {data.analyses.length > 0 && (
            <Card title="起草过程中的检查记录">
              <p className="muted">
                {data.analyses.map((a) => `${dateTime(a.at)} ${num(a.score, 0)} 分`).join(' → ')}
              </p>
            </Card>
          )}
          {data.text ? (
            <Card title="正文（本单位已开启保存正文）" extra={!rescored && <button className="btn ghost" onClick={rescore}>按当前规则重新评分</button>}>
              {rescored ? <ReportView report={rescored} text={data.text.text} onSheet={() => setSheet({ ...sheetFromReport(rescored, data.text!.text, { unit: data.text!.unit }), overrides: data.filed[0]?.overrides ?? [] })} /> : <pre className="plain">{data.text.text}</pre>}
            </Card>
          ) : (
            <Card>
              <p className="muted">本单位未开启保存正文，服务只保存分数与统计，不含正文。</p>
            </Card>
          )}
        </>
      )}
      {sheet && <SheetPanel d={sheet} onClose={() => setSheet(null)} />}
    </>
  )
}
