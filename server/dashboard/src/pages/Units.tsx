import { useState } from 'react'
import { api, ApiError } from '../api'
import { dateTime } from '../format'
import { useApi } from '../hooks'
import { Table } from '../table'
import type { UnitSettings } from '../types'
import { Badge, Card, Empty, ErrorBox, PageHead } from '../ui'

const EXAMPLE = '{\n  "capPreset": "jiangsu-2019",\n  "caps": { "请示": 800 },\n  "disabledRules": [],\n  "filing": { "warnBelow": 80 }\n}'

/** Per unit: whether the service may keep document text, and the unit's own rule settings. */
export function Units() {
  const { data, error, reload } = useApi<{ units: UnitSettings[] }>('/api/units')
  const [unit, setUnit] = useState('')
  const [storeText, setStoreText] = useState(false)
  const [overrides, setOverrides] = useState(EXAMPLE)
  const [actionError, setActionError] = useState<ApiError | Error | null>(null)
  const [ok, setOk] = useState('')
  const pick = (u: UnitSettings) => {
    setUnit(u.unit)
    setStoreText(u.storeText)
    setOverrides(JSON.stringify(u.overrides, null, 2))
  }
  const save = async () => {
    setActionError(null)
    setOk('')
    try {
      let parsed: unknown
      try {
        parsed = JSON.parse(overrides || '{}')
      } catch (e) {
        throw new Error(`单位规则设置不是合法 JSON：${(e as Error).message}`)
      }
      const u = encodeURIComponent(unit)
      await api(`/api/units/${u}/policy`, { method: 'PUT', json: { storeText } })
      await api(`/api/units/${u}/overrides`, { method: 'PUT', json: { overrides: parsed } })
      setOk(`已保存「${unit}」的设置`)
      reload()
    } catch (e) {
      setActionError(e as Error)
    }
  }
  return (
    <>
      <PageHead title="单位设置" sub="默认不保存任何公文正文；只有管理员为某单位开启后，扩展才会在归档时上传该单位的正文。单位可有自己的篇幅上限、停用的规则和提交门槛。" />
      <ErrorBox error={error} />
      <Card title="已设置的单位">
        {data && data.units.length === 0 && <Empty>还没有单位设置，所有单位使用共享规则集且不保存正文。</Empty>}
        {data && data.units.length > 0 && (
          <Table
            hover
            head={
              <>
                <th>单位</th>
                <th>保存正文</th>
                <th>规则设置</th>
                <th>更新时间</th>
              </>
            }
          >
            {data.units.map((u) => (
              <tr key={u.unit} className="click" onClick={() => pick(u)}>
                <td>{u.unit}</td>
                <td>{u.storeText ? <Badge tone="warn">已开启</Badge> : <Badge tone="muted">不保存</Badge>}</td>
                <td>
                  <code className="muted">{JSON.stringify(u.overrides)}</code>
                </td>
                <td className="nowrap">{u.updatedAt ? dateTime(u.updatedAt) : '—'}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title="编辑单位">
        <div className="row">
          <label className="grow">
            单位
            <input value={unit} onChange={(e) => setUnit(e.target.value)} />
          </label>
          <label className="check-label">
            <input type="checkbox" checked={storeText} onChange={(e) => setStoreText(e.target.checked)} /> 允许保存该单位的公文正文
          </label>
        </div>
        <label>
          单位规则设置（capPreset 篇幅预设、caps 各文种上限、disabledRules 停用规则、weights 权重、filing 提交门槛）
          <textarea className="code short" spellCheck={false} value={overrides} onChange={(e) => setOverrides(e.target.value)} />
        </label>
        <div className="actions">
          <button className="btn" disabled={!unit.trim()} onClick={save}>
            保存
          </button>
          {ok && <span className="ok-text">{ok}</span>}
        </div>
        <ErrorBox error={actionError} />
      </Card>
    </>
  )
}
