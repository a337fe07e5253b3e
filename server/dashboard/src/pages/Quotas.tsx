import { useState } from 'react'
import { api, ApiError, type Me } from '../api'
import { LEVEL, num } from '../format'
import { useApi } from '../hooks'
import { Table } from '../table'
import type { QuotaStatus } from '../types'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead } from '../ui'

const SOURCE = { set: '管理员设定', 'last-year': '上年发文数', none: '未设定' }

/** 发文总量管控: each unit's filed documents against its yearly quota, warnings at 80% and 100%. */
export function Quotas({ me }: { me: Me }) {
  const [year, setYear] = useState(new Date().getFullYear())
  const { data, error, loading, reload } = useApi<{ year: number; units: QuotaStatus[] }>(`/api/quotas?year=${year}`)
  const [editing, setEditing] = useState<QuotaStatus | null>(null)
  return (
    <>
      <PageHead
        title="发文总量管控"
        sub="限额默认为上年发文数（只减不增），管理员可按单位、按文种设定。达到 80% 预警，达到 100% 超限。"
        actions={
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[0, 1, 2].map((d) => {
              const y = new Date().getFullYear() - d
              return (
                <option key={y} value={y}>
                  {y} 年
                </option>
              )
            })}
          </select>
        }
      />
      <ErrorBox error={error} />
      <Card>
        {!data && loading && <Loading />}
        {data && data.units.length === 0 && <Empty>{year} 年尚无归档记录或限额设置</Empty>}
        {data && data.units.length > 0 && (
          <Table
            head={
              <>
                <th>单位</th>
                <th style={{ width: '34%' }}>本年已发文 / 限额</th>
                <th className="r">上年</th>
                <th>限额来源</th>
                <th>分文种</th>
                <th>状态</th>
                {me.role === 'admin' && <th />}
              </>
            }
          >
            {data.units.map((u) => (
              <tr key={u.unit}>
                <td>{u.unit}</td>
                <td>
                  <div className="quota">
                    <span className="quota-track">
                      <span className={`quota-fill ${u.level}`} style={{ width: `${u.quota ? Math.min(100, (u.filed / Math.max(1, u.quota)) * 100) : 0}%` }} />
                      {u.quota !== null && <span className="quota-80" />}
                    </span>
                    <span className="nowrap">
                      {num(u.filed)} / {u.quota === null ? '—' : num(u.quota)}
                    </span>
                  </div>
                </td>
                <td className="r">{num(u.lastYear)}</td>
                <td className="muted">{SOURCE[u.quotaSource]}</td>
                <td className="small">
                  {Object.entries(u.byDocType).map(([t, s]) => (
                    <span key={t} className={`dt ${s.level}`}>
                      {t} {s.filed}
                      {s.quota !== null && `/${s.quota}`}
                    </span>
                  ))}
                </td>
                <td>
                  <Badge tone={u.level}>{LEVEL[u.level]}</Badge>
                </td>
                {me.role === 'admin' && (
                  <td>
                    <button className="btn ghost small" onClick={() => setEditing(u)}>
                      设定
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {me.role === 'admin' && <QuotaForm key={editing?.unit ?? ''} year={year} initial={editing} onSaved={reload} />}
    </>
  )
}

function QuotaForm({ year, initial, onSaved }: { year: number; initial: QuotaStatus | null; onSaved: () => void }) {
  const [unit, setUnit] = useState(initial?.unit ?? '')
  const [total, setTotal] = useState(initial?.quotaSource === 'set' ? String(initial.quota) : '')
  const [byType, setByType] = useState(
    Object.entries(initial?.byDocType ?? {})
      .filter(([, s]) => s.quota !== null)
      .map(([t, s]) => `${t}=${s.quota}`)
      .join('，'),
  )
  const [error, setError] = useState<ApiError | Error | null>(null)
  const [ok, setOk] = useState('')
  const save = async () => {
    setError(null)
    setOk('')
    try {
      const byDocType: Record<string, number> = {}
      for (const part of byType.split(/[,，;；\s]+/).filter(Boolean)) {
        const [t, n] = part.split(/[=:：]/)
        if (!t || !n || !/^\d+$/.test(n)) throw new Error(`分文种限额「${part}」格式应为 文种=数量`)
        byDocType[t] = Number(n)
      }
      await api(`/api/units/${encodeURIComponent(unit)}/quota`, { method: 'PUT', json: { year, total: total === '' ? null : Number(total), byDocType } })
      setOk(`已保存 ${unit} ${year} 年限额`)
      onSaved()
    } catch (e) {
      setError(e as Error)
    }
  }
  return (
    <Card title={`设定 ${year} 年限额`}>
      <div className="row">
        <label>
          单位
          <input value={unit} onChange={(e) => setUnit(e.target.value)} />
        </label>
        <label>
          全年限额
          <input value={total} onChange={(e) => setTotal(e.target.value)} placeholder="留空则按上年发文数" inputMode="numeric" />
        </label>
        <label className="grow">
          分文种限额
          <input value={byType} onChange={(e) => setByType(e.target.value)} placeholder="如：通知=40，方案=10" />
        </label>
        <button className="btn" disabled={!unit} onClick={save}>
          保存
        </button>
      </div>
      <ErrorBox error={error} />
      {ok && <p className="ok-text">{ok}</p>}
    </Card>
  )
}
