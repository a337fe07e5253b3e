import { useState } from 'react'
import { api, ApiError } from '../api'
import { dateTime, num, ROLE } from '../format'
import { useApi } from '../hooks'
import type { AuditEntry, SuperiorDoc, TokenRecord } from '../types'
import { Badge, Card, Empty, ErrorBox, Loading, PageHead } from '../ui'

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
          <table className="table">
            <thead>
              <tr>
                <th>名称</th>
                <th>角色</th>
                <th>限定单位</th>
                <th>创建时间</th>
                <th>最近使用</th>
                <th />
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        )}
      </Card>
    </>
  )
}

export function Superior() {
  const { data, error, reload } = useApi<{ documents: SuperiorDoc[] }>('/api/superior')
  const [meta, setMeta] = useState({ title: '', issuer: '', docNo: '', issuedOn: '' })
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [actionError, setActionError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const fields = Object.fromEntries(Object.entries(meta).filter(([, v]) => v))
  const upload = async () => {
    setBusy(true)
    setActionError(null)
    try {
      if (file) {
        const form = new FormData()
        form.set('file', file)
        for (const [k, v] of Object.entries(fields)) form.set(k, v)
        await api('/api/superior', { form })
      } else await api('/api/superior', { json: { ...fields, text } })
      setMeta({ title: '', issuer: '', docNo: '', issuedOn: '' })
      setText('')
      setFile(null)
      reload()
    } catch (e) {
      setActionError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }
  const remove = async (d: SuperiorDoc) => {
    if (!confirm(`删除上级文件「${d.title}」的指纹？`)) return
    await api(`/api/superior/${d.id}`, { method: 'DELETE' }).catch((e) => setActionError(e))
    reload()
  }
  return (
    <>
      <PageHead title="上级文件" sub="用于发现照抄照搬。服务只保存文本指纹（字符片段哈希）和元数据，不保存正文；扩展只下载指纹。" />
      <ErrorBox error={error ?? actionError} />
      <Card title="添加上级文件">
        <div className="row">
          <label className="grow">
            标题
            <input value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} placeholder={file ? '留空则用文件名' : ''} />
          </label>
          <label>
            发文机关
            <input value={meta.issuer} onChange={(e) => setMeta({ ...meta, issuer: e.target.value })} />
          </label>
          <label>
            文号
            <input value={meta.docNo} onChange={(e) => setMeta({ ...meta, docNo: e.target.value })} placeholder="如 市委办发〔2026〕3号" />
          </label>
          <label>
            成文日期
            <input type="date" value={meta.issuedOn} onChange={(e) => setMeta({ ...meta, issuedOn: e.target.value })} />
          </label>
        </div>
        <textarea className="paste short" value={text} onChange={(e) => setText(e.target.value)} placeholder="粘贴上级文件正文，或上传 .docx / .txt" disabled={!!file} />
        <div className="actions">
          <label className="btn ghost file">
            {file ? file.name : '选择文件'}
            <input type="file" accept=".docx,.txt,.md" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <button className="btn" disabled={busy || (!file && (!text.trim() || !meta.title))} onClick={upload}>
            生成指纹并保存
          </button>
        </div>
      </Card>
      <Card title={`已登记 ${data?.documents.length ?? 0} 份`}>
        {!data && <Loading />}
        {data && data.documents.length === 0 && <Empty>尚未添加上级文件</Empty>}
        {data && data.documents.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th>标题</th>
                <th>发文机关</th>
                <th>文号</th>
                <th>成文日期</th>
                <th className="r">字数</th>
                <th className="r">指纹片段</th>
                <th>登记</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.documents.map((d) => (
                <tr key={d.id}>
                  <td>{d.title}</td>
                  <td>{d.issuer ?? '—'}</td>
                  <td>{d.docNo ?? '—'}</td>
                  <td>{d.issuedOn ?? '—'}</td>
                  <td className="r">{num(d.chars)}</td>
                  <td className="r">{num(d.shingles)}</td>
                  <td className="nowrap">
                    {d.createdBy} · {dateTime(d.createdAt)}
                  </td>
                  <td>
                    <button className="btn ghost small danger" onClick={() => remove(d)}>
                      删除
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  )
}

const AUDIT_ACTION: Record<string, string> = {
  'ruleset.publish': '发布规则集',
  'ruleset.rollback': '回滚规则集',
  'token.create': '新建令牌',
  'token.revoke': '吊销令牌',
  'unit.policy': '正文保存设置',
  'unit.overrides': '单位规则设置',
  'quota.set': '设定限额',
  'superior.add': '添加上级文件',
  'superior.remove': '删除上级文件',
  'document.text': '保存公文正文',
}

export function Audit() {
  const [before, setBefore] = useState<number[]>([])
  const cursor = before[before.length - 1]
  const { data, error, loading } = useApi<{ entries: AuditEntry[]; next: number | null }>(`/api/audit?limit=50${cursor ? `&before=${cursor}` : ''}`)
  return (
    <>
      <PageHead title="审计日志" sub="谁在何时做了什么：规则发布与回滚、令牌、限额、单位设置、上级文件。" />
      <ErrorBox error={error} />
      <Card>
        {loading && !data && <Loading />}
        {data && (
          <table className="table">
            <thead>
              <tr>
                <th>时间</th>
                <th>操作人</th>
                <th>操作</th>
                <th>对象</th>
                <th>内容</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{dateTime(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>{AUDIT_ACTION[e.action] ?? e.action}</td>
                  <td>
                    <code>{e.target ?? '—'}</code>
                  </td>
                  <td className="detail">
                    <code>{e.detail === null ? '' : JSON.stringify(e.detail)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="pager">
          <button className="btn ghost" disabled={!before.length} onClick={() => setBefore(before.slice(0, -1))}>
            较新
          </button>
          <button className="btn ghost" disabled={!data?.next} onClick={() => data?.next && setBefore([...before, data.next])}>
            较早
          </button>
        </div>
      </Card>
    </>
  )
}
