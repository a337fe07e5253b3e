import { useMemo, useState } from 'react'
import { z } from 'zod'
import { PlanItemSchema, PlanKindSchema } from '../../../../core/schema/receiving'
import { api, ApiError, type Me } from '../api'
import { hasIssue, Issues, rowIssues, splitList } from '../editable'
import { useApi } from '../hooks'
import { ExportButton, usePeriod } from '../period'
import type { PlanItem } from '../receiving'
import { Table } from '../table'
import { Card, Empty, ErrorBox, Loading, PageHead } from '../ui'

const KINDS = PlanKindSchema.options
const LABELS: Record<string, string> = { name: '名称', kind: '类别', lead: '牵头单位', targets: '对象', from: '开始', to: '结束', approval: '审批/备案号', keywords: '关键词' }
const ItemsSchema = z.array(PlanItemSchema).max(2000)

/** A row as typed: every field a string, keywords one line. */
interface Draft {
  key: number
  name: string
  kind: string
  lead: string
  targets: string
  from: string
  to: string
  approval: string
  keywords: string
}

let keys = 0
const toDraft = (p: Partial<PlanItem>): Draft => ({
  key: ++keys,
  name: p.name ?? '',
  kind: p.kind ?? '检查',
  lead: p.lead ?? '',
  targets: p.targets ?? '',
  from: p.from ?? '',
  to: p.to ?? '',
  approval: p.approval ?? '',
  keywords: (p.keywords ?? []).join('，'),
})
const fromDraft = ({ key: _key, keywords, ...d }: Draft) => ({ ...d, name: d.name.trim(), lead: d.lead.trim(), targets: d.targets.trim(), approval: d.approval.trim(), keywords: splitList(keywords) })

/** 督查检查考核计划: the year's approved or filed items; a draft naming one outside the plan is flagged 计划外. */
export function Plan({ me }: { me: Me }) {
  const [year, setYear] = useState(new Date().getFullYear())
  const [period] = usePeriod()
  const { data, error, loading } = useApi<{ year: number; items: Array<PlanItem & { id: string }> }>(`/api/plan?year=${year}`)
  const canEdit = me.role === 'admin' && !me.unit
  return (
    <div className="print-page">
      <PageHead
        title="督查检查考核计划"
        sub="年度督查检查考核计划（审批或备案）。起草中的文件部署计划外的督查、检查、考核、评比时，扩展会提示“计划外”。"
        actions={
          <>
            <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="年度">
              {[1, 0, -1, -2].map((d) => {
                const y = new Date().getFullYear() + d
                return (
                  <option key={y} value={y}>
                    {y} 年
                  </option>
                )
              })}
            </select>
            <ExportButton period={period} />
          </>
        }
      />
      <ErrorBox error={error} />
      {!data && loading && <Loading />}
      {data && (canEdit ? <PlanEditor key={data.year} year={data.year} items={data.items} /> : <PlanTable items={data.items} year={year} />)}
    </div>
  )
}

function PlanTable({ items, year }: { items: PlanItem[]; year: number }) {
  return (
    <Card title={`${year} 年计划（${items.length} 项）`}>
      {items.length === 0 ? (
        <Empty>{year} 年尚未录入计划</Empty>
      ) : (
        <Table
          head={
            <>
              {Object.values(LABELS).map((l) => (
                <th key={l}>{l}</th>
              ))}
            </>
          }
        >
          {items.map((p, i) => (
            <tr key={i}>
              <td>{p.name}</td>
              <td>{p.kind}</td>
              <td>{p.lead}</td>
              <td>{p.targets || '—'}</td>
              <td className="nowrap">{p.from}</td>
              <td className="nowrap">{p.to}</td>
              <td>{p.approval}</td>
              <td className="small">{p.keywords.join('、') || <span className="muted">（按名称）</span>}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  )
}

/** Keyed by the year of the answer it starts from; after a save it shows what the service kept. */
function PlanEditor({ year, items }: { year: number; items: PlanItem[] }) {
  const [rows, setRows] = useState<Draft[]>(() => items.map(toDraft))
  const [saveError, setSaveError] = useState<ApiError | null>(null)
  const [ok, setOk] = useState('')
  const [busy, setBusy] = useState(false)
  const [touched, setTouched] = useState(false)
  const parsed = useMemo(() => ItemsSchema.safeParse(rows.map(fromDraft)), [rows])
  const issues = parsed.success ? [] : rowIssues(parsed.error, LABELS)
  const set = (i: number, field: keyof Draft, v: string) => {
    setTouched(true)
    setRows((rs) => rs.map((r, n) => (n === i ? { ...r, [field]: v } : r)))
  }
  const save = async () => {
    if (!parsed.success) return
    setBusy(true)
    setSaveError(null)
    try {
      const saved = await api<{ items: PlanItem[] }>(`/api/plan/${year}`, { method: 'PUT', json: { items: parsed.data } })
      setRows(saved.items.map(toDraft))
      setOk(`已保存 ${year} 年计划（${saved.items.length} 项）`)
      setTouched(false)
    } catch (e) {
      setSaveError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }
  const cell = (i: number, f: keyof Draft, o: { type?: string; wide?: boolean; placeholder?: string } = {}) => (
    <input
      className={`${hasIssue(issues, i, f) ? 'invalid' : ''} ${o.wide ? 'wide' : ''}`}
      type={o.type ?? 'text'}
      value={rows[i]![f]}
      placeholder={o.placeholder}
      aria-label={`第 ${i + 1} 行${LABELS[f]}`}
      onChange={(e) => set(i, f, e.target.value)}
    />
  )
  return (
    <Card
      title={`${year} 年计划（${rows.length} 项）`}
      className="plan-editor"
      extra={
        <button className="btn ghost small no-print" onClick={() => (setTouched(true), setRows((rs) => [...rs, toDraft({ from: `${year}-01-01`, to: `${year}-12-31` })]))}>
          + 添加一项
        </button>
      }
    >
      {rows.length === 0 ? (
        <Empty>{year} 年尚未录入计划。点“添加一项”开始录入。</Empty>
      ) : (
        <div className="grid-edit">
          <Table
            head={
              <>
                {Object.values(LABELS).map((l) => (
                  <th key={l}>{l}</th>
                ))}
                <th className="no-print" />
              </>
            }
          >
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td>{cell(i, 'name', { wide: true })}</td>
                <td>
                  <select value={r.kind} onChange={(e) => set(i, 'kind', e.target.value)} aria-label={`第 ${i + 1} 行类别`} className={hasIssue(issues, i, 'kind') ? 'invalid' : ''}>
                    {KINDS.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </select>
                </td>
                <td>{cell(i, 'lead')}</td>
                <td>{cell(i, 'targets', { placeholder: '如：各乡镇（街道）' })}</td>
                <td>{cell(i, 'from', { type: 'date' })}</td>
                <td>{cell(i, 'to', { type: 'date' })}</td>
                <td>{cell(i, 'approval')}</td>
                <td>{cell(i, 'keywords', { placeholder: '逗号分隔，空则按名称' })}</td>
                <td className="no-print">
                  <button className="btn ghost small danger" onClick={() => (setTouched(true), setRows((rs) => rs.filter((_, n) => n !== i)))}>
                    删除
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        </div>
      )}
      <Issues issues={issues} />
      <div className="actions no-print">
        <button className="btn" disabled={busy || !parsed.success || !touched} onClick={save}>
          保存 {year} 年计划
        </button>
        {ok && !touched && <span className="ok-text">{ok}</span>}
        {touched && <span className="muted small">有未保存的修改</span>}
      </div>
      <ErrorBox error={saveError} />
    </Card>
  )
}
