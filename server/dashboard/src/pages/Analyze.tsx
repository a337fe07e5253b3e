import { useState } from 'react'
import { decideFiling } from '../../../../core/filing'
import type { Report, RuleSet } from '../../../../core'
import { api, ApiError } from '../api'
import { ErrorBox, PageHead } from '../ui'
import { ReportView } from './ReportView'
import { SheetPanel, sheetFromReport, type SheetData } from './Sheet'

/** Paste or upload a document; the service scores it with the shared rules and model. */
export function Analyze() {
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [docType, setDocType] = useState('')
  const [unit, setUnit] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [result, setResult] = useState<{ report: Report; text: string; ruleSet: RuleSet } | null>(null)
  const [sheet, setSheet] = useState<SheetData | null>(null)

  const run = async (body: string) => {
    setBusy('正在分析…')
    setError(null)
    try {
      const [report, ruleSet] = await Promise.all([
        api<Report>('/api/analyze', { json: { text: body, ...(title && { title }), ...(docType && { docType }), ...(unit && { unit }) } }),
        api<RuleSet>(`/api/rules${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`),
      ])
      setResult({ report, text: body, ruleSet })
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setBusy(null)
    }
  }

  const upload = async (file: File) => {
    setBusy(`正在读取 ${file.name}…`)
    setError(null)
    try {
      const form = new FormData()
      form.set('file', file)
      const { text: t } = await api<{ text: string }>('/api/extract', { form })
      setText(t)
      await run(t)
    } catch (e) {
      setError(e as ApiError)
      setBusy(null)
    }
  }

  return (
    <>
      <PageHead title="公文评分" sub="粘贴正文或上传 .docx / .txt（支持 GBK 编码），按本单位规则集、上级文件和模型给出办文指数与标注。正文只用于本次分析，不保存。" />
      {!result && (
        <div className="card analyze-form">
          <div className="row">
            <label>
              标题
              <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="可选；不填则取首行" />
            </label>
            <label>
              文种
              <input value={docType} onChange={(e) => setDocType(e.target.value)} placeholder="可选；如 通知、方案、工作提示" />
            </label>
            <label>
              单位
              <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="可选；使用该单位的规则设置" />
            </label>
          </div>
          <textarea
            className="paste"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="在此粘贴公文正文……"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault()
              const f = e.dataTransfer.files[0]
              if (f) void upload(f)
            }}
          />
          <div className="actions">
            <button className="btn" disabled={!text.trim() || !!busy} onClick={() => run(text)}>
              分析
            </button>
            <label className="btn ghost file">
              上传文件
              <input type="file" accept=".docx,.txt,.md" onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
            </label>
            <span className="muted">{busy ?? `${text.length.toLocaleString('zh-CN')} 字符`}</span>
          </div>
          <ErrorBox error={error} />
        </div>
      )}
      {result && (
        <>
          <div className="toolbar">
            <button className="btn ghost" onClick={() => setResult(null)}>
              ← 重新输入
            </button>
          </div>
          <ReportView
            report={result.report}
            text={result.text}
            onSheet={() => setSheet(sheetFromReport(result.report, result.text, { unit: unit || null, decision: decideFiling(result.report, result.ruleSet.filing) }))}
          />
        </>
      )}
      {sheet && <SheetPanel d={sheet} onClose={() => setSheet(null)} />}
    </>
  )
}
