import { useState } from 'react'
import { api, ApiError } from '../api'
import { dateTime, num } from '../format'
import { useApi } from '../hooks'
import { Table } from '../table'
import type { SuperiorDoc } from '../types'
import { Card, Empty, ErrorBox, Loading, PageHead } from '../ui'

/** Superior documents: upload (the service keeps only fingerprints), list, remove. */
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
          <Table
            head={
              <>
                <th>标题</th>
                <th>发文机关</th>
                <th>文号</th>
                <th>成文日期</th>
                <th className="r">字数</th>
                <th className="r">指纹片段</th>
                <th>登记</th>
                <th />
              </>
            }
          >
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
          </Table>
        )}
      </Card>
    </>
  )
}
