import { useMemo, useState } from 'react'
import { z } from 'zod'
import { OrgUnitSchema, RecipientAliasSchema } from '../../../../core/schema/receiving'
import { api, ApiError, type Me } from '../api'
import { hasIssue, Issues, rowIssues, splitList, type RowIssue } from '../editable'
import { num, pct } from '../format'
import { useApi } from '../hooks'
import { ExportButton, usePeriod } from '../period'
import { LEVEL_LABEL, LEVELS, type IssuerQuotaKind, type OrgUnit, type RecipientAlias } from '../receiving'
import { Table } from '../table'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead } from '../ui'

/** 单位名册: the units documents go to, the 主送 phrases that name them, and the issuer-kind quotas. */
export function Registry({ me }: { me: Me }) {
  const [period] = usePeriod()
  const canEdit = me.role === 'admin' && !me.unit
  const units = useApi<{ units: OrgUnit[] }>('/api/org/units')
  const aliases = useApi<{ aliases: RecipientAlias[] }>('/api/org/aliases')
  const [names, setNames] = useState<string[] | null>(null)
  // Issuer kinds live in the registry: the quotas are read again after it is saved.
  const [quotaRev, setQuotaRev] = useState(0)
  return (
    <div className="print-page">
      <PageHead
        title="单位名册"
        sub="登记收文单位的层级、上级和发文机构类别；“主送”写法对应到哪些单位。归档文件的主送据此落到各单位的负担监测上。"
        actions={<ExportButton period={period} />}
      />
      <ErrorBox error={units.error ?? aliases.error} />
      {!units.data && units.loading && <Loading />}
      {/* Each editor starts from the first answer and then keeps what the service returns on save. */}
      {units.data && <UnitsEditor units={units.data.units} canEdit={canEdit} onSaved={(saved) => (setNames(saved.map((u) => u.name)), setQuotaRev((n) => n + 1))} />}
      {aliases.data && units.data && <AliasEditor aliases={aliases.data.aliases} unitNames={names ?? units.data.units.map((u) => u.name)} canEdit={canEdit} />}
      <IssuerQuotas key={quotaRev} canEdit={canEdit} />
    </div>
  )
}

/** Saves with PUT, keeping the error and a note; `after` gets the service's answer. */
function useSave() {
  const [error, setError] = useState<ApiError | null>(null)
  const [ok, setOk] = useState('')
  const [busy, setBusy] = useState(false)
  const run = async <T,>(path: string, json: unknown, note: string, after: (answer: T) => void) => {
    setBusy(true)
    setError(null)
    setOk('')
    try {
      after(await api<T>(path, { method: 'PUT', json }))
      setOk(note)
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }
  return { error, ok, busy, run }
}

const UNIT_LABELS: Record<string, string> = { name: '单位名称', level: '层级', parent: '上级单位', issuerKind: '发文机构类别' }
const UnitsSchema = z.array(OrgUnitSchema).max(5000)
interface UnitDraft {
  key: number
  name: string
  level: string
  parent: string
  issuerKind: string
}
let keys = 0
const unitDraft = (u: Partial<OrgUnit>): UnitDraft => ({ key: ++keys, name: u.name ?? '', level: u.level ?? 'township', parent: u.parent ?? '', issuerKind: u.issuerKind ?? '' })
const unitOf = (d: UnitDraft) => ({ name: d.name.trim(), level: d.level, parent: d.parent.trim() || null, issuerKind: d.issuerKind.trim() || null })

/** Issues zod cannot see: a parent that is not in the list, a name twice. */
function registryIssues(units: Array<{ name: string; parent: string | null }>): RowIssue[] {
  const names = new Set(units.map((u) => u.name))
  const seen = new Set<string>()
  const out: RowIssue[] = []
  units.forEach((u, i) => {
    if (u.parent && !names.has(u.parent)) out.push({ row: i, field: 'parent', text: `第 ${i + 1} 行「上级单位」：名册中没有“${u.parent}”` })
    if (u.name && seen.has(u.name)) out.push({ row: i, field: 'name', text: `第 ${i + 1} 行「单位名称」：“${u.name}”重复` })
    seen.add(u.name)
  })
  return out
}

function UnitsEditor({ units, canEdit, onSaved }: { units: OrgUnit[]; canEdit: boolean; onSaved: (units: OrgUnit[]) => void }) {
  const [rows, setRows] = useState(() => units.map(unitDraft))
  const [filter, setFilter] = useState('')
  const [touched, setTouched] = useState(false)
  const save = useSave()
  const values = useMemo(() => rows.map(unitOf), [rows])
  const parsed = useMemo(() => UnitsSchema.safeParse(values), [values])
  const issues = [...(parsed.success ? [] : rowIssues(parsed.error, UNIT_LABELS)), ...registryIssues(values)]
  const set = (i: number, f: keyof UnitDraft, v: string) => {
    setTouched(true)
    setRows((rs) => rs.map((r, n) => (n === i ? { ...r, [f]: v } : r)))
  }
  const shown = rows.map((r, i) => ({ r, i })).filter(({ r }) => !filter || r.name.includes(filter) || r.parent.includes(filter))
  const byLevel = LEVELS.map((l) => `${LEVEL_LABEL[l]} ${units.filter((u) => u.level === l).length}`).join('，')
  return (
    <Card
      title={`收文单位（${rows.length}）`}
      className="registry-units"
      extra={
        <span className="no-print row-tight">
          <span className="muted">{byLevel}</span>
          <input placeholder="按名称或上级筛选" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="筛选单位" />
          {canEdit && (
            <button className="btn ghost small" onClick={() => (setTouched(true), setRows((rs) => [...rs, unitDraft({})]))}>
              + 添加单位
            </button>
          )}
        </span>
      }
    >
      {rows.length === 0 && <Empty>名册为空。{canEdit ? '点“添加单位”登记县、乡镇（街道）、村（社区）和县直部门。' : '由管理员登记。'}</Empty>}
      {rows.length > 0 && (
        <div className="grid-edit">
          <datalist id="unit-names">
            {rows.map((r) => (
              <option key={r.key} value={r.name} />
            ))}
          </datalist>
          <Table
            head={
              <>
                <th>单位名称</th>
                <th>层级</th>
                <th>上级单位</th>
                <th>发文机构类别</th>
                {canEdit && <th className="no-print" />}
              </>
            }
          >
            {shown.map(({ r, i }) =>
              canEdit ? (
                <tr key={r.key}>
                  <td>
                    <input className={hasIssue(issues, i, 'name') ? 'invalid' : ''} value={r.name} onChange={(e) => set(i, 'name', e.target.value)} aria-label={`第 ${i + 1} 行单位名称`} />
                  </td>
                  <td>
                    <select value={r.level} onChange={(e) => set(i, 'level', e.target.value)} aria-label={`第 ${i + 1} 行层级`}>
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {LEVEL_LABEL[l]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input list="unit-names" className={hasIssue(issues, i, 'parent') ? 'invalid' : ''} value={r.parent} onChange={(e) => set(i, 'parent', e.target.value)} aria-label={`第 ${i + 1} 行上级单位`} />
                  </td>
                  <td>
                    <input value={r.issuerKind} placeholder="如：政府部门" onChange={(e) => set(i, 'issuerKind', e.target.value)} aria-label={`第 ${i + 1} 行发文机构类别`} />
                  </td>
                  <td className="no-print">
                    <button className="btn ghost small danger" onClick={() => (setTouched(true), setRows((rs) => rs.filter((_, n) => n !== i)))}>
                      删除
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={r.key}>
                  <td>{r.name}</td>
                  <td>{LEVEL_LABEL[r.level as keyof typeof LEVEL_LABEL] ?? r.level}</td>
                  <td>{r.parent || '—'}</td>
                  <td>{r.issuerKind || '—'}</td>
                </tr>
              ),
            )}
          </Table>
        </div>
      )}
      {canEdit && (
        <>
          <Issues issues={issues} />
          <div className="actions no-print">
            <button className="btn" disabled={save.busy || !touched || issues.length > 0} onClick={() => parsed.success && save.run<{ units: OrgUnit[] }>('/api/org/units', { units: parsed.data }, `已保存名册（${parsed.data.length} 个单位）`, (a) => {
                  setRows(a.units.map(unitDraft))
                  setTouched(false)
                  onSaved(a.units)
                })}>
              保存名册
            </button>
            {save.ok && !touched && <span className="ok-text">{save.ok}</span>}
          </div>
          <ErrorBox error={save.error} />
        </>
      )}
    </Card>
  )
}

const ALIAS_LABELS: Record<string, string> = { phrase: '主送写法', units: '对应单位', level: '或该层级全部单位', parent: '限于上级单位' }
const AliasesSchema = z.array(RecipientAliasSchema).max(2000)
interface AliasDraft {
  key: number
  phrase: string
  units: string
  level: string
  parent: string
}
const aliasDraft = (a: Partial<RecipientAlias>): AliasDraft => ({ key: ++keys, phrase: a.phrase ?? '', units: (a.units ?? []).join('，'), level: a.level ?? '', parent: a.parent ?? '' })
const aliasOf = (d: AliasDraft) => ({ phrase: d.phrase.trim(), units: splitList(d.units), level: d.level || null, parent: d.parent.trim() || null })

function AliasEditor({ aliases, unitNames, canEdit }: { aliases: RecipientAlias[]; unitNames: string[]; canEdit: boolean }) {
  const [rows, setRows] = useState(() => aliases.map(aliasDraft))
  const [touched, setTouched] = useState(false)
  const save = useSave()
  const values = useMemo(() => rows.map(aliasOf), [rows])
  const parsed = useMemo(() => AliasesSchema.safeParse(values), [values])
  const known = new Set(unitNames)
  const unknown: RowIssue[] = values.flatMap((a, i) => [
    ...a.units.filter((u) => !known.has(u)).map((u) => ({ row: i, field: 'units', text: `第 ${i + 1} 行「对应单位」：名册中没有“${u}”` })),
    ...(a.units.length === 0 && !a.level ? [{ row: i, field: 'units', text: `第 ${i + 1} 行：请填写对应单位或选择层级` }] : []),
  ])
  const issues = [...(parsed.success ? [] : rowIssues(parsed.error, ALIAS_LABELS)), ...unknown]
  const set = (i: number, f: keyof AliasDraft, v: string) => {
    setTouched(true)
    setRows((rs) => rs.map((r, n) => (n === i ? { ...r, [f]: v } : r)))
  }
  return (
    <Card
      title={`主送写法（${rows.length}）`}
      className="registry-aliases"
      extra={
        canEdit && (
          <button className="btn ghost small no-print" onClick={() => (setTouched(true), setRows((rs) => [...rs, aliasDraft({})]))}>
            + 添加写法
          </button>
        )
      }
    >
      <p className="small muted">主送中出现这些写法时，文件落到对应的单位；也可对应某一层级的全部单位（如“各乡镇（街道）”→ 全部乡镇（街道）），并限于某个上级单位之下。</p>
      {rows.length === 0 && <Empty>尚未登记主送写法；与名册中单位名称相同的写法会直接对应。</Empty>}
      {rows.length > 0 && (
        <div className="grid-edit">
          <Table
            head={
              <>
                {Object.values(ALIAS_LABELS).map((l) => (
                  <th key={l}>{l}</th>
                ))}
                {canEdit && <th className="no-print" />}
              </>
            }
          >
            {rows.map((r, i) =>
              canEdit ? (
                <tr key={r.key}>
                  <td>
                    <input className={hasIssue(issues, i, 'phrase') ? 'invalid' : ''} value={r.phrase} onChange={(e) => set(i, 'phrase', e.target.value)} aria-label={`第 ${i + 1} 行主送写法`} />
                  </td>
                  <td>
                    <input className={`wide ${hasIssue(issues, i, 'units') ? 'invalid' : ''}`} value={r.units} placeholder="逗号分隔" onChange={(e) => set(i, 'units', e.target.value)} aria-label={`第 ${i + 1} 行对应单位`} />
                  </td>
                  <td>
                    <select value={r.level} onChange={(e) => set(i, 'level', e.target.value)} aria-label={`第 ${i + 1} 行层级`}>
                      <option value="">—</option>
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          全部{LEVEL_LABEL[l]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input list="unit-names" value={r.parent} onChange={(e) => set(i, 'parent', e.target.value)} aria-label={`第 ${i + 1} 行上级单位`} />
                  </td>
                  <td className="no-print">
                    <button className="btn ghost small danger" onClick={() => (setTouched(true), setRows((rs) => rs.filter((_, n) => n !== i)))}>
                      删除
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={r.key}>
                  <td>{r.phrase}</td>
                  <td>{r.units || '—'}</td>
                  <td>{r.level ? `全部${LEVEL_LABEL[r.level as keyof typeof LEVEL_LABEL]}` : '—'}</td>
                  <td>{r.parent || '—'}</td>
                </tr>
              ),
            )}
          </Table>
        </div>
      )}
      {canEdit && (
        <>
          <Issues issues={issues} />
          <div className="actions no-print">
            <button className="btn" disabled={save.busy || !touched || issues.length > 0} onClick={() => parsed.success && save.run<{ aliases: RecipientAlias[] }>('/api/org/aliases', { aliases: parsed.data }, `已保存主送写法（${parsed.data.length} 条）`, (a) => {
                  setRows(a.aliases.map(aliasDraft))
                  setTouched(false)
                })}>
              保存主送写法
            </button>
            {save.ok && !touched && <span className="ok-text">{save.ok}</span>}
          </div>
          <ErrorBox error={save.error} />
        </>
      )}
    </Card>
  )
}

function IssuerQuotas({ canEdit }: { canEdit: boolean }) {
  const [year, setYear] = useState(new Date().getFullYear())
  const { data, error, reload } = useApi<{ year: number; kinds: IssuerQuotaKind[] }>(`/api/issuer-quotas?year=${year}`)
  const [open, setOpen] = useState<string | null>(null)
  return (
    <Card
      title="按发文机构类别的发文压减"
      className="issuer-quotas"
      extra={
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="压减年度" className="no-print">
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
    >
      <p className="small muted">同类发文机构（议事协调机构、党委部门、政府部门等）本年归档文件数不超过上年 ×（1 − 压减比例）。</p>
      <ErrorBox error={error} />
      {data && data.kinds.length === 0 && <Empty>名册中的单位尚未填写发文机构类别</Empty>}
      {data && data.kinds.length > 0 && (
        <Table
          head={
            <>
              <th>发文机构类别</th>
              <th className="r">上年</th>
              <th className="r">本年已发</th>
              <th className="r">压减比例</th>
              <th className="r">本年上限</th>
              <th>状态</th>
              <th className="no-print" />
            </>
          }
        >
          {data.kinds.map((k) => (
            <QuotaRow key={`${year}-${k.kind}`} k={k} year={year} canEdit={canEdit} open={open === k.kind} onToggle={() => setOpen(open === k.kind ? null : k.kind)} onSaved={reload} />
          ))}
        </Table>
      )}
    </Card>
  )
}

function QuotaRow({ k, year, canEdit, open, onToggle, onSaved }: { k: IssuerQuotaKind; year: number; canEdit: boolean; open: boolean; onToggle: () => void; onSaved: () => void }) {
  const [cut, setCut] = useState(k.cut === null ? '' : String(Math.round(k.cut * 1000) / 10))
  const save = useSave()
  const value = Number(cut) / 100
  const valid = cut !== '' && Number.isFinite(value) && value >= 0 && value < 1
  return (
    <>
      <tr data-kind={k.kind}>
        <td>{k.kind}</td>
        <td className="r">{num(k.lastYear)}</td>
        <td className="r">{num(k.count)}</td>
        <td className="r">
          {canEdit ? (
            <span className="nowrap">
              <input className="num" value={cut} onChange={(e) => setCut(e.target.value)} inputMode="decimal" aria-label={`${k.kind}压减比例`} /> %
            </span>
          ) : k.cut === null ? (
            '—'
          ) : (
            pct(k.cut)
          )}
        </td>
        <td className="r">{k.target === null ? '—' : num(k.target)}</td>
        <td>{k.target === null ? <Badge tone="muted">未设定</Badge> : k.over ? <Badge tone="over">超出</Badge> : <Badge tone="ok">正常</Badge>}</td>
        <td className="nowrap no-print">
          {canEdit && (
            <button className="btn ghost small" disabled={!valid || save.busy} onClick={() => save.run(`/api/issuer-quotas/${encodeURIComponent(k.kind)}`, { year, cut: value }, '已保存', onSaved)}>
              保存
            </button>
          )}
          <button className="btn ghost small" onClick={onToggle}>
            {open ? '收起' : `单位（${k.units.length}）`}
          </button>
        </td>
      </tr>
      {(save.error || (cut !== '' && !valid)) && (
        <tr className="no-print">
          <td colSpan={7}>
            {cut !== '' && !valid && <div className="error-box">压减比例应为 0 到 100 之间（不含 100）的百分数</div>}
            <ErrorBox error={save.error} />
          </td>
        </tr>
      )}
      {open && (
        <tr>
          <td colSpan={7}>
            <div className="sub-units">
              {k.units.map((u) => (
                <span key={u.unit}>
                  {u.unit} <b>{u.count}</b>
                  <small className="muted">（上年 {u.lastYear}）</small>
                </span>
              ))}
            </div>
          </td>
        </tr>
      )}
    </>
  )
}
