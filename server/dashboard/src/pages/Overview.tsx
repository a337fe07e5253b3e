import { useState } from 'react'
import { BarChart, HBars, LineChart } from '../charts'
import { ACTION, CATEGORY, CATEGORY_COLOR, CATEGORY_ORDER, dateTime, LEVEL, num, pct, scoreClass } from '../format'
import { useApi } from '../hooks'
import { Table } from '../table'
import type { Measures, Overview as OverviewData, QuotaStatus, RuleStat } from '../types'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead, Stat } from '../ui'
import { Filters, useFilters } from './Filters'

export function Overview() {
  const filters = useFilters()
  const [basis, setBasis] = useState<'filed' | 'analyzed' | 'all'>('filed')
  const q = filters.query({ basis })
  const { data, error, loading } = useApi<OverviewData>(`/api/stats/overview?${q}`)
  const rules = useApi<{ rules: RuleStat[] }>(`/api/stats/rules?${filters.query({})}`)

  return (
    <>
      <PageHead
        title="总体态势"
        sub="按单位、文种、周统计办文指数、超长率与隐形变异，看公文文风怎样变化。数据来自起草端遥测，不含正文。"
        actions={
          <div className="seg">
            {(['filed', 'analyzed', 'all'] as const).map((b) => (
              <button key={b} className={basis === b ? 'on' : ''} onClick={() => setBasis(b)}>
                {{ filed: '已归档', analyzed: '起草检查', all: '全部' }[b]}
              </button>
            ))}
          </div>
        }
      />
      <Filters {...filters} />
      <ErrorBox error={error} />
      {!data && loading && <Loading />}
      {data && <OverviewBody data={data} />}
      <Card title="规则质量：忽略率与误报率" extra={<span className="muted">起草人忽略或报告误报越多，越需要修改这条规则</span>}>
        <ErrorBox error={rules.error} />
        {rules.data && rules.data.rules.length === 0 && <Empty>暂无规则命中记录</Empty>}
        {rules.data && rules.data.rules.length > 0 && (
          <Table
            head={
              <>
                <th>规则</th>
                <th>类别</th>
                <th className="r">命中</th>
                <th className="r">忽略</th>
                <th className="r">误报</th>
                <th className="r">忽略率</th>
                <th className="r">误报率</th>
                <th>档位</th>
                <th className="r">真实文件判定精确率</th>
              </>
            }
          >
            {rules.data.rules.slice(0, 30).map((r) => (
              <tr key={r.ruleId}>
                <td>
                  <div>{r.title ?? <span className="muted">（已不在当前规则集）</span>}</div>
                  <code className="muted">{r.ruleId}</code>
                </td>
                <td>{r.category ? <span className="cat" style={{ color: CATEGORY_COLOR[r.category] }}>{CATEGORY[r.category]}</span> : '—'}</td>
                <td className="r">{num(r.hits)}</td>
                <td className="r">{num(r.dismissals)}</td>
                <td className="r">{num(r.falsePositives)}</td>
                <td className="r">{pct(r.dismissRate)}</td>
                <td className="r">{(r.falsePositiveRate ?? 0) >= 0.2 ? <Badge tone="over">{pct(r.falsePositiveRate)}</Badge> : pct(r.falsePositiveRate)}</td>
                <td>
                  {r.tier === null ? '—' : r.tier === 'default' ? '默认' : '严格模式'}
                  {r.proposeDemotion && (
                    <div>
                      <Badge tone="over">建议降为严格模式</Badge>
                    </div>
                  )}
                </td>
                <td className="r">{r.judged?.precision == null ? '—' : `${pct(r.judged.precision)}（${r.judged.n} 条）`}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  )
}

function OverviewBody({ data }: { data: OverviewData }) {
  const t = data.totals
  if (t.documents === 0)
    return (
      <Card>
        <Empty>所选范围内还没有公文数据。起草人安装办文扩展并开启遥测后，这里会显示趋势。</Empty>
      </Card>
    )
  const weeks = data.weekly.map((w) => w.week)
  return (
    <>
      <div className="stats">
        <Stat label="公文份数" value={num(t.documents)} hint={`${t.units} 个单位 · ${t.users} 名起草人`} />
        <Stat label="平均办文指数" value={<span className={`score ${scoreClass(t.avgScore)}`}>{num(t.avgScore, 1)}</span>} hint="满分 100" />
        <Stat label="超长率" value={pct(t.overCapRate)} hint={`${t.overCap} 份超过篇幅上限`} tone={(t.overCapRate ?? 0) > 0.1 ? 'warn' : ''} />
        <Stat label="隐形变异" value={num(t.disguised)} hint="非正式文种部署工作" tone={t.disguised > 0 ? 'over' : ''} />
        <Stat label="覆盖提示提交" value={num(data.overrides.total)} hint="起草人说明理由后坚持提交" />
      </div>
      <div className="grid2">
        <Card title="办文指数走势（周平均）">
          <LineChart labels={weeks} max={100} series={[{ name: '平均办文指数', color: '#a8201a', values: data.weekly.map((w) => w.avgScore), format: (v) => v.toFixed(1) }]} />
        </Card>
        <Card title="每周公文份数与问题份数">
          <LineChart
            labels={weeks}
            series={[
              { name: '公文', color: '#2f6f9f', values: data.weekly.map((w) => w.documents) },
              { name: '超长', color: '#c47f17', values: data.weekly.map((w) => w.overCap) },
              { name: '隐形变异', color: '#a23b72', values: data.weekly.map((w) => w.disguised) },
            ]}
          />
        </Card>
        <Card title="办文指数分布">
          <BarChart bars={data.scoreHistogram.map((b) => ({ label: `${b.from}`, value: b.count, color: b.from >= 85 ? '#4d7c43' : b.from >= 70 ? '#c47f17' : '#a8201a' }))} />
        </Card>
        <Card title="问题类别（条数）">
          <HBars rows={CATEGORY_ORDER.map((c) => ({ label: CATEGORY[c]!, value: t.findings[c] ?? 0, tone: c }))} format={(v) => num(v)} />
        </Card>
      </div>
      <div className="grid2">
        <Card title="各单位办文指数走势（周平均，份数最多的 6 个单位）">
          <UnitTrend data={data} />
        </Card>
        <Card title="发文总量预警" extra={<a href="#/quotas">全部单位 →</a>}>
          <QuotaAlerts />
        </Card>
      </div>
      <div className="grid2">
        <Card title="按单位">
          <MeasuresTable head="单位" rows={data.byUnit} name={(u) => u.unit} />
        </Card>
        <Card title="按文种">
          <MeasuresTable head="文种" rows={data.byDocType} name={(d) => d.docType} />
        </Card>
      </div>
      {data.overrides.recent.length > 0 && (
        <Card title="最近的覆盖理由" extra={<span className="muted">起草人对提示坚持提交时填写</span>}>
          <Table
            head={
              <>
                <th>时间</th>
                <th>单位</th>
                <th>文种</th>
                <th className="r">指数</th>
                <th>处理</th>
                <th>理由</th>
              </>
            }
          >
            {data.overrides.recent.slice(0, 10).map((o, i) => (
              <tr key={i}>
                <td className="nowrap">{dateTime(o.at)}</td>
                <td>{o.unit}</td>
                <td>{o.docType}</td>
                <td className={`r score ${scoreClass(o.score)}`}>{num(o.score, 0)}</td>
                <td>{o.action ? ACTION[o.action] ?? o.action : '—'}</td>
                <td className="reason">{o.reason ?? '—'}</td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
    </>
  )
}

/** Volume, average score, over-cap rate and disguised directives, one row per unit or 文种. */
function MeasuresTable<T extends Measures>({ head, rows, name }: { head: string; rows: T[]; name: (r: T) => string }) {
  return (
    <Table
      head={
        <>
          <th>{head}</th>
          <th className="r">份数</th>
          <th className="r">平均指数</th>
          <th className="r">超长率</th>
          <th className="r">隐形变异</th>
        </>
      }
    >
      {rows.map((r) => (
        <tr key={name(r)}>
          <td>{name(r)}</td>
          <td className="r">{num(r.documents)}</td>
          <td className={`r score ${scoreClass(r.avgScore)}`}>{num(r.avgScore, 1)}</td>
          <td className="r">{pct(r.overCapRate)}</td>
          <td className="r">{r.disguised || '—'}</td>
        </tr>
      ))}
    </Table>
  )
}

const UNIT_COLORS = ['#a8201a', '#2f6f9f', '#c47f17', '#4d7c43', '#7b5ea7', '#8a4b08']

function UnitTrend({ data }: { data: OverviewData }) {
  const weeks = [...new Set(data.byUnitWeek.map((r) => r.week))].sort()
  const units = [...new Set(data.byUnitWeek.map((r) => r.unit))]
  const at = new Map(data.byUnitWeek.map((r) => [`${r.unit}|${r.week}`, r.avgScore]))
  return (
    <LineChart
      labels={weeks}
      max={100}
      series={units.map((u, i) => ({ name: u, color: UNIT_COLORS[i % UNIT_COLORS.length]!, values: weeks.map((w) => at.get(`${u}|${w}`) ?? null), format: (v) => v.toFixed(1) }))}
    />
  )
}

/** Units at or past 80% of this year's quota. */
function QuotaAlerts() {
  const { data, error } = useApi<{ year: number; units: QuotaStatus[] }>('/api/quotas')
  if (error) return <ErrorBox error={error} />
  if (!data) return <Loading />
  const alerts = data.units.filter((u) => u.level !== 'ok').sort((a, b) => b.filed / (b.quota || 1) - a.filed / (a.quota || 1))
  if (!alerts.length) return <Empty>{data.year} 年各单位发文均在限额 80% 以内</Empty>
  return (
    <>
      <HBars
        rows={alerts.map((u) => ({ label: u.unit, value: Math.round((u.filed / Math.max(1, u.quota ?? 1)) * 100), tone: u.level === 'over' ? 'burden' : 'tao', note: `${u.filed}/${u.quota}` }))}
        max={Math.max(100, ...alerts.map((u) => Math.round((u.filed / Math.max(1, u.quota ?? 1)) * 100)))}
        format={(v) => `${v}%`}
      />
      <p className="small muted">
        {alerts.filter((u) => u.level === 'over').length} 个单位{LEVEL.over}，{alerts.filter((u) => u.level === 'warn').length} 个单位{LEVEL.warn}（{data.year} 年，达到 80% 预警、100% 超限）
      </p>
    </>
  )
}
