import { useState } from 'react'
import { api, ApiError } from '../api'
import { dateTime, ROLE } from '../format'
import { useApi } from '../hooks'
import { Table } from '../table'
import type { TokenRecord } from '../types'
import { Badge, Card, ErrorBox, Loading, PageHead } from '../ui'

/** Create and revoke bearer tokens; a new token is shown once. */
export function Tokens() {
  const { data, error, reload } = useApi<{ tokens: TokenRecord[] }>('/api/tokens')
  const [form, setForm] = useState({ role: 'drafter', name: '', unit: '' })
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null)
  const [actionError, setActionError] = useState<ApiError | null>(null)
  const create = async () => {
    setActionError(null)
    try {
      const r = await api<{ token: string; name: string }>('/api/tokens', { json: { role: form.role, name: form.name, ...(form.unit && { unit: form.unit }) } })
      setCreated(r)
      setForm({ ...form, name: '' })
      reload()
    } catch (e) {
      setActionError(e as ApiError)
    }
  }
  const revoke = async (t: TokenRecord) => {
    if (!confirm(`吊销「${t.name}」？使用该令牌的扩展和用户将立即无法访问。`)) return
    try {
      await api(`/api/tokens/${t.id}`, { method: 'DELETE' })
      reload()
    } catch (e) {
      setActionError(e as ApiError)
    }
  }
  return (
    <>
      <PageHead title="访问令牌" sub="起草人令牌供扩展上报遥测、获取规则；审核人可查看看板与评分；管理员管理规则与令牌。服务只保存令牌的 SHA-256 哈希。" />
      <ErrorBox error={error ?? actionError} />
      <Card title="新建令牌">
        <div className="row">
          <label>
            角色
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              <option value="drafter">起草人</option>
              <option value="reviewer">审核人</option>
              <option value="admin">管理员</option>
            </select>
          </label>
          <label className="grow">
            名称
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="如：办公室扩展、张审核" />
          </label>
          <label>
            限定单位
            <input value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })} placeholder="可选" />
          </label>
          <button className="btn" disabled={!form.name.trim()} onClick={create}>
            生成
          </button>
        </div>
        {created && (
          <div className="token-once">
            <p>
              「{created.name}」的令牌只显示这一次，请立即复制保存：
            </p>
            <code className="token">{created.token}</code>
            <button className="btn ghost small" onClick={() => navigator.clipboard?.writeText(created.token)}>
              复制
            </button>
          </div>
        )}
      </Card>
      <Card title="有效令牌">
        {!data && <Loading />}
        {data && (
          <Table
            head={
              <>
                <th>名称</th>
                <th>角色</th>
                <th>限定单位</th>
                <th>创建时间</th>
                <th>最近使用</th>
                <th />
              </>
            }
          >
            {data.tokens.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.name} <code className="muted">{t.id}</code>
                </td>
                <td>
                  <Badge tone={t.role === 'admin' ? 'over' : t.role === 'reviewer' ? 'warn' : 'info'}>{ROLE[t.role]}</Badge>
                </td>
                <td>{t.unit ?? '—'}</td>
                <td className="nowrap">{dateTime(t.createdAt)}</td>
                <td className="nowrap">{t.lastUsedAt ? dateTime(t.lastUsedAt) : '—'}</td>
                <td>
                  <button className="btn ghost small danger" onClick={() => revoke(t)}>
                    吊销
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  )
}
