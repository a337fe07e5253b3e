import { useMemo, useState } from 'react'
import { LineChart } from '../charts'
import { dateTime, num } from '../format'
import { useApi } from '../hooks'
import { ExportButton, PeriodPicker, periodQuery, usePeriod, type PeriodChoice } from '../period'
import { CODE_LABEL, CODE_TONE, LEVEL_LABEL, LEVELS, MODULE_LIST, periodLabel, type MonitorAlert, type MonitorAnswer, type MonitorUnit, type PressureCode, type TrendAnswer } from '../receiving'
import { Table } from '../table'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead, Stat } from '../ui'

/** 基层负担监测: what each township, village and department receives, by module, with its 绿/黄/红 code. */
export function Monitor() {
  const [period, setPeriod] = usePeriod()
  const { data, error, loading } = useApi<MonitorAnswer>(`/api/monitor?${periodQuery(period)}`)
  const [level, setLevel] = useState('')
  const [parent, setParent] = useState('')
  const [picked, setPicked] = useState<string | null>(null)
  const units = useMemo(
    () => (data?.units ?? []).filter((u) => (!level || u.level === level) && (!parent || u.parent === parent)).sort((a, b) => b.index - a.index || a.unit.localeCompare(b.unit, 'zh-CN')),
    [data, level, parent],
  )
  const parents = useMemo(() => [...new Set((data?.units ?? []).map((u) => u.parent).filter((p): p is string => !!p))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [data])
  return (
    <div className="print-page">
      <PageHead
        title="基层负担监测"
        sub={<>各乡镇（街道）、村（社区）和县直部门收到的文件带来的负担：本期新增的要求加上仍在执行的经常性要求，按模块计分，红码单位列出主要发文单位。{data && <b> 统计周期：{periodLabel(data.period)}</b>}</>}
        actions={
          <>
            <PeriodPicker value={period} onChange={setPeriod} />
            <ExportButton period={period} />
          </>
        }
      />
      <ErrorBox error={error} />
      {!data && loading && <Loading />}
      {data && (
        <>
          <div className="stats three">
            <Stat label="红码单位" value={num(data.counts.red)} tone="over" hint={`指数 ≥ ${data.policy.thresholds[data.period.kind].red}`} />
            <Stat label="黄码单位" value={num(data.counts.yellow)} tone="warn" hint={`指数 ≥ ${data.policy.thresholds[data.period.kind].yellow}`} />
            <Stat label="绿码单位" value={num(data.counts.green)} />
          </div>
          <div className="filters no-print">
            <label>
              层级
              <select value={level} onChange={(e) => setLevel(e.target.value)} aria-label="层级">
                <option value="">全部</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABEL[l]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              上级单位
              <select value={parent} onChange={(e) => setParent(e.target.value)} aria-label="上级单位">
                <option value="">全部</option>
                {parents.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            <span className="muted small">点击单位查看近 12 期走势</span>
          </div>
          <Card title="负担热力表" extra={<span className="muted">格内为本期新增 + 在办的经常性要求</span>}>
            {units.length === 0 ? <Empty>没有符合条件的单位；请先在“单位名册”登记单位</Empty> : <HeatTable units={units} picked={picked} onPick={setPicked} />}
          </Card>
          {picked && <Trend unit={picked} period={period} thresholds={data.policy.thresholds[data.period.kind]} onClose={() => setPicked(null)} />}
          <RedList units={data.units.filter((u) => u.code === 'red').sort((a, b) => b.index - a.index)} onPick={setPicked} />
        </>
      )}
      <Alerts />
    </div>
  )
}

export function CodeBadge({ code }: { code: PressureCode }) {
  return <Badge tone={CODE_TONE[code]}>{CODE_LABEL[code]}</Badge>
}

/*
 * No 直报 column: a unit's count of 直报 beside an anonymous report in the 直报 list would name
 * its unit. Reports still weigh in the index, as the contract says.
 */

/** ↑ when the index rose since the previous period, ↓ when it fell. */
function Arrow({ u }: { u: MonitorUnit }) {
  if (!u.prev) return <span className="trend flat" title="上期无数据">—</span>
  const d = Math.round((u.index - u.prev.index) * 10) / 10
  const title = `上期 ${num(u.prev.index, 1)}（${CODE_LABEL[u.prev.code]}）`
  if (d > 0) return <span className="trend up" title={title}>↑{num(d, 1)}</span>
  if (d < 0) return <span className="trend down" title={title}>↓{num(-d, 1)}</span>
  return <span className="trend flat" title={title}>→</span>
}

function HeatTable({ units, picked, onPick }: { units: MonitorUnit[]; picked: string | null; onPick: (u: string) => void }) {
  const cell = (u: MonitorUnit, m: (typeof MODULE_LIST)[number]) => (u.modules[m]?.fresh ?? 0) + (u.modules[m]?.inForce ?? 0)
  const max = Math.max(1, ...units.flatMap((u) => MODULE_LIST.map((m) => cell(u, m))))
  return (
    <Table
      hover
      head={
        <>
          <th>单位</th>
          <th>层级</th>
          {MODULE_LIST.map((m) => (
            <th key={m} className="r">
              {m}
            </th>
          ))}
          <th className="r">负担指数</th>
          <th>码色</th>
        </>
      }
    >
      {units.map((u) => (
        <tr key={u.unit} className={`click ${picked === u.unit ? 'picked' : ''}`} onClick={() => onPick(u.unit)} data-unit={u.unit}>
          <td>
            {u.unit}
            {u.parent && <div className="small muted">{u.parent}</div>}
          </td>
          <td className="nowrap">{LEVEL_LABEL[u.level] ?? u.level}</td>
          {MODULE_LIST.map((m) => {
            const v = cell(u, m)
            return (
              <td key={m} className="r heat" style={{ ['--heat' as string]: v ? 0.08 + 0.62 * (v / max) : 0 }} title={`${m}：本期新增 ${u.modules[m]?.fresh ?? 0}，在办经常性要求 ${u.modules[m]?.inForce ?? 0}`}>
                {v || <span className="muted">·</span>}
              </td>
            )
          })}
          <td className="r score">{num(u.index, 1)}</td>
          <td className="nowrap code-cell">
            <CodeBadge code={u.code} />
            <Arrow u={u} />
          </td>
        </tr>
      ))}
    </Table>
  )
}

function RedList({ units, onPick }: { units: MonitorUnit[]; onPick: (u: string) => void }) {
  return (
    <Card title={`红码名单（${units.length}）`} className="red-list">
      {units.length === 0 ? (
        <Empty>本期没有红码单位</Empty>
      ) : (
        <Table
          hover
          head={
            <>
              <th>单位</th>
              <th className="r">负担指数</th>
              <th className="r">上期</th>
              <th>主要发文单位（计分）</th>
            </>
          }
        >
          {units.map((u) => (
            <tr key={u.unit} className="click" onClick={() => onPick(u.unit)}>
              <td>{u.unit}</td>
              <td className="r score poor">{num(u.index, 1)}</td>
              <td className="r">{u.prev ? num(u.prev.index, 1) : '—'}</td>
              <td>
                {u.topIssuers.length === 0
                  ? '—'
                  : u.topIssuers.map((t) => (
                      <span key={t.issuer} className="issuer">
                        {t.issuer} <b>{num(t.points, 1)}</b>
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  )
}

function Trend({ unit, period, thresholds, onClose }: { unit: string; period: PeriodChoice; thresholds: { yellow: number; red: number }; onClose: () => void }) {
  const { data, error } = useApi<TrendAnswer>(`/api/monitor/trend?unit=${encodeURIComponent(unit)}&${periodQuery(period)}&count=12`)
  const points = data?.points ?? []
  return (
    <Card
      title={`${unit} · 近 ${points.length || 12} ${period.kind === 'week' ? '周' : '个月'}负担指数`}
      className="trend-card"
      extra={
        <button className="btn ghost small no-print" onClick={onClose}>
          关闭
        </button>
      }
    >
      <ErrorBox error={error} />
      {!data && !error && <Loading />}
      {data && points.length === 0 && <Empty>暂无数据</Empty>}
      {data && points.length > 0 && (
        <>
          <LineChart
            height={180}
            labels={points.map((p) => p.from)}
            series={[
              { name: '负担指数', color: '#a8201a', values: points.map((p) => p.index), format: (v) => num(v, 1) },
              { name: '黄码线', color: '#d4a017', values: points.map(() => thresholds.yellow) },
              { name: '红码线', color: '#e07a70', values: points.map(() => thresholds.red) },
            ]}
          />
          <p className="small muted trend-codes">
            {points.map((p) => (
              <span key={p.from} className={`dot ${p.code}`} title={`${p.from}：${num(p.index, 1)}（${CODE_LABEL[p.code]}）`} />
            ))}
          </p>
        </>
      )}
    </Card>
  )
}

function Alerts() {
  const { data, error } = useApi<{ alerts: MonitorAlert[] }>('/api/monitor/alerts?limit=30')
  return (
    <Card title="红码预警" extra={<span className="muted">单位转为红码时记录一次</span>}>
      <ErrorBox error={error} />
      {data && data.alerts.length === 0 && <Empty>暂无预警</Empty>}
      {data && data.alerts.length > 0 && (
        <Table
          head={
            <>
              <th>时间</th>
              <th>单位</th>
              <th>周期</th>
              <th className="r">负担指数</th>
              <th>主要发文单位</th>
            </>
          }
        >
          {data.alerts.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">{dateTime(a.at)}</td>
              <td>{a.unit}</td>
              <td className="nowrap">{periodLabel(a.period)}</td>
              <td className="r score poor">{num(a.index, 1)}</td>
              <td>{a.topIssuers.map((t) => `${t.issuer}（${num(t.points, 1)}）`).join('、') || '—'}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  )
}
