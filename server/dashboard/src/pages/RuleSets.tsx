import { useEffect, useMemo, useRef, useState } from 'react'
import type { Check } from '../check.worker'
import { api, ApiError, type Me } from '../api'
import { CATEGORY, dateTime } from '../format'
import { useApi } from '../hooks'
import { Table } from '../table'
import type { RuleSetDiff, RuleSetVersion } from '../types'
import { Badge, Card, ErrorBox, Loading, PageHead } from '../ui'
import { RuleQuality } from './RuleQuality'

export function RuleSets({ me }: { me: Me }) {
  const { data, error, reload } = useApi<{ versions: RuleSetVersion[] }>('/api/rulesets')
  const [diffPair, setDiffPair] = useState<[string, string] | null>(null)
  const [notice, setNotice] = useState('')
  const [actionError, setActionError] = useState<ApiError | null>(null)
  const rollback = async (v: RuleSetVersion) => {
    if (!confirm(`确定回滚到版本 ${v.version}？所有扩展将在下次轮询时改用该版本。`)) return
    try {
      await api(`/api/rulesets/${v.rev}/rollback`, { method: 'POST' })
      setNotice(`已回滚到 ${v.version}`)
      reload()
    } catch (e) {
      setActionError(e as ApiError)
    }
  }
  const current = data?.versions.find((v) => v.current)
  return (
    <>
      <PageHead title="规则集" sub="各单位扩展共用的规则集：发布前校验格式并运行每条规则的例句；可比较两个版本、随时回滚。所有变更记入审计日志。" />
      <ErrorBox error={error ?? actionError} />
      {notice && <p className="ok-text">{notice}</p>}
      <Card title="版本">
        {!data && <Loading />}
        {data && (
          <Table
            head={
              <>
                <th>序号</th>
                <th>版本</th>
                <th>名称</th>
                <th className="r">规则数</th>
                <th>说明</th>
                <th>发布人</th>
                <th>发布时间</th>
                <th />
              </>
            }
          >
            {data.versions.map((v) => (
              <tr key={v.rev}>
                <td>{v.rev}</td>
                <td>
                  <code>{v.version}</code> {v.current && <Badge tone="ok">当前</Badge>}
                </td>
                <td>{v.name}</td>
                <td className="r">{v.rules}</td>
                <td className="muted">{v.note ?? '—'}</td>
                <td>{v.publishedBy}</td>
                <td className="nowrap">{dateTime(v.publishedAt)}</td>
                <td className="nowrap">
                  {current && !v.current && (
                    <button className="btn ghost small" onClick={() => setDiffPair([v.version, current.version])}>
                      与当前比较
                    </button>
                  )}
                  {me.role === 'admin' && !v.current && (
                    <button className="btn ghost small danger" onClick={() => rollback(v)}>
                      回滚到此版本
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {diffPair && <DiffView from={diffPair[0]} to={diffPair[1]} onClose={() => setDiffPair(null)} />}
      {me.role === 'admin' && current && <Editor rev={current.rev} onPublished={(v) => (setNotice(`已发布 ${v}`), reload())} />}
    </>
  )
}

function DiffView({ from, to, onClose }: { from: string; to: string; onClose: () => void }) {
  const { data, error } = useApi<RuleSetDiff>(`/api/rulesets/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
  return (
    <Card title={`差异：${from} → ${to}`} extra={<button className="btn ghost small" onClick={onClose}>关闭</button>}>
      <ErrorBox error={error} />
      {data && (
        <div className="diff">
          <p>
            变更的部分：{data.sections.length ? data.sections.map((s) => <code key={s}>{s} </code>) : '无'}
          </p>
          {data.added.map((r) => (
            <div key={r.id} className="d-add">
              + {r.title} <code>{r.id}</code>
            </div>
          ))}
          {data.removed.map((r) => (
            <div key={r.id} className="d-del">
              − {r.title} <code>{r.id}</code>
            </div>
          ))}
          {data.changed.map((r) => (
            <div key={r.id} className="d-mod">
              ~ {r.title} <code>{r.id}</code>：{r.fields.join('、')}
            </div>
          ))}
          {!data.added.length && !data.removed.length && !data.changed.length && <p className="muted">规则没有变化。</p>}
        </div>
      )}
    </Card>
  )
}

/** One worker for the page: the checks take a second or two on a large set. */
let worker: Worker | null = null
let seq = 0
function checkInWorker(src: string): Promise<Check> {
  worker ??= new Worker(new URL('../check.worker.ts', import.meta.url), { type: 'module' })
  const id = ++seq
  return new Promise((resolve) => {
    const on = (e: MessageEvent<{ id: number; result: Check }>) => {
      if (e.data.id !== id) return
      worker!.removeEventListener('message', on)
      resolve(e.data.result)
    }
    worker!.addEventListener('message', on)
    worker!.postMessage({ id, src })
  })
}

function Editor({ rev, onPublished }: { rev: number; onPublished: (version: string) => void }) {
  const [src, setSrc] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [result, setResult] = useState<Check | null>(null)
  const [publishError, setPublishError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [checking, setChecking] = useState(true)
  const timer = useRef<number>(0)

  useEffect(() => {
    void api<{ body: unknown }>(`/api/rulesets/${rev}`).then((r) => setSrc(JSON.stringify(r.body, null, 2)))
  }, [rev])
  useEffect(() => {
    if (src === null) return
    clearTimeout(timer.current)
    let stale = false
    setChecking(true)
    timer.current = window.setTimeout(
      () =>
        void checkInWorker(src).then((r) => {
          if (stale) return
          setResult(r)
          setChecking(false)
        }),
      400,
    )
    return () => {
      stale = true
      clearTimeout(timer.current)
    }
  }, [src])

  const failed = useMemo(() => result?.examples.filter((e) => !e.ok) ?? [], [result])
  const valid = !checking && result && !result.syntax && !result.errors.length && !failed.length
  const version = useMemo(() => {
    try {
      return (JSON.parse(src ?? '') as { version?: string }).version ?? ''
    } catch {
      return ''
    }
  }, [src])

  const publish = async () => {
    setBusy(true)
    setPublishError(null)
    try {
      const r = await api<{ version: string }>('/api/rulesets', { json: { ruleSet: JSON.parse(src!), ...(note && { note }) } })
      onPublished(r.version)
      setNote('')
    } catch (e) {
      setPublishError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }

  /** Sets one rule's tier to picky in the draft; the admin still checks and publishes. */
  const demote = (ruleId: string) => {
    try {
      const draft = JSON.parse(src ?? '') as { rules?: Array<{ id: string; tier?: string }> }
      const rule = draft.rules?.find((r) => r.id === ruleId)
      if (!rule) return
      rule.tier = 'picky'
      setSrc(JSON.stringify(draft, null, 2))
      setNote((n) => n || `${ruleId} 降为严格模式（现场误报率过高）`)
    } catch {
      // The draft is not valid JSON right now; the check panel already says so.
    }
  }

  if (src === null) return <Loading />
  return (
    <>
    <RuleQuality onDemote={demote} />
    <Card title="编辑并发布新版本" extra={<span className="muted">从当前版本开始编辑；发布前请修改 version</span>}>
      <div className="editor">
        <textarea className="code" spellCheck={false} value={src} onChange={(e) => setSrc(e.target.value)} aria-label="规则集 JSON" />
        <div className="editor-side">
          <div className={`check ${valid ? 'ok' : 'bad'}`}>
            {checking && <small className="checking">校验中…</small>}
            {!result && !checking && '—'}
            {result?.syntax && <>JSON 语法错误：{result.syntax}</>}
            {result && !result.syntax && result.errors.length > 0 && <>格式错误 {result.errors.length} 处</>}
            {result && !result.syntax && !result.errors.length && (
              <>
                例句 {result.examples.length} 个，通过 {result.examples.length - failed.length}，失败 {failed.length}
                <small>（{result.ms.toFixed(0)} 毫秒）</small>
              </>
            )}
          </div>
          {result && result.errors.length > 0 && (
            <ul className="issues">
              {result.errors.map((e, i) => (
                <li key={i}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          )}
          {result && result.examples.length > 0 && (
            <div className="examples">
              {[...failed, ...result.examples.filter((e) => e.ok)].slice(0, 200).map((e) => (
                <div key={`${e.ruleId}-${e.kind}-${e.index}`} className={`ex ${e.ok ? 'ok' : 'bad'}`}>
                  <span className="ex-mark">{e.ok ? '✓' : '✗'}</span>
                  <span className="ex-body">
                    <code>{e.ruleId}</code> {e.kind === 'bad' ? '反例' : '正例'}#{e.index + 1}
                    <span className="ex-text">{e.text}</span>
                    {e.problem && <span className="ex-problem">{e.problem}</span>}
                  </span>
                </div>
              ))}
            </div>
          )}
          <label>
            发布说明
            <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="如：放宽台账类规则，修正误报" />
          </label>
          <button className="btn block" disabled={!valid || busy} onClick={publish}>
            发布版本 {version}
          </button>
          <ErrorBox error={publishError} />
          <p className="small muted">类别：{Object.values(CATEGORY).join('、')}</p>
        </div>
      </div>
    </Card>
    </>
  )
}
