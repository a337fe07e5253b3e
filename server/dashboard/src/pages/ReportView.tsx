import { useMemo, useState } from 'react'
import type { Finding, Report } from '../../../../core'
import { CATEGORY, CATEGORY_COLOR, num, pct, scoreClass } from '../format'
import { Badge } from '../ui'

const SEVERITY: Record<string, string> = { info: '提示', warning: '警告', error: '严重' }
const RANK: Record<string, number> = { info: 0, warning: 1, error: 2 }

/** Splits the text at every finding boundary; each piece knows the findings covering it. */
function pieces(text: string, findings: Finding[]) {
  const cuts = new Set([0, text.length])
  for (const f of findings) {
    cuts.add(Math.min(f.start, text.length))
    cuts.add(Math.min(f.end, text.length))
  }
  const sorted = [...cuts].sort((a, b) => a - b)
  const out: Array<{ start: number; end: number; covering: Finding[] }> = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [s, e] = [sorted[i]!, sorted[i + 1]!]
    out.push({ start: s, end: e, covering: findings.filter((f) => f.start <= s && f.end >= e && f.end > f.start) })
  }
  return out
}

export function MarkedText({ text, findings, active, onPick }: { text: string; findings: Finding[]; active: string | null; onPick: (id: string) => void }) {
  const parts = useMemo(() => pieces(text, findings), [text, findings])
  return (
    <div className="marked">
      {parts.map((p) => {
        const chunk = text.slice(p.start, p.end)
        if (!p.covering.length) return <span key={p.start}>{chunk}</span>
        const top = [...p.covering].sort((a, b) => RANK[b.severity]! - RANK[a.severity]!)[0]!
        const on = p.covering.some((f) => f.id === active)
        return (
          <mark
            key={p.start}
            id={`m-${p.start}`}
            className={`${top.severity} ${on ? 'active' : ''}`}
            style={{ ['--c' as string]: CATEGORY_COLOR[top.category] }}
            title={p.covering.map((f) => `【${CATEGORY[f.category]}】${f.message}`).join('\n')}
            onClick={() => onPick(top.id)}
          >
            {chunk}
          </mark>
        )
      })}
    </div>
  )
}

/** A report beside its marked-up text: score, dimensions, flags, findings by category. */
export function ReportView({ report, text, onSheet }: { report: Report; text: string; onSheet: () => void }) {
  const [active, setActive] = useState<string | null>(null)
  const byCat = useMemo(() => {
    const m = new Map<string, Finding[]>()
    for (const f of report.findings) m.set(f.category, [...(m.get(f.category) ?? []), f])
    return [...m]
  }, [report])
  const pick = (f: Finding) => {
    setActive(f.id)
    document.querySelector(`.marked mark[id="m-${f.start}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }
  return (
    <div className="report">
      <div className="report-text card">
        <header className="card-head">
          <h2>{report.title ?? '正文'}</h2>
          <div className="card-extra muted">
            {report.docType}（{{ option: '指定', title: '据标题', content: '据正文', default: '默认' }[report.docTypeSource]}）· {num(report.chars)} 字
          </div>
        </header>
        <MarkedText text={text} findings={report.findings} active={active} onPick={setActive} />
      </div>
      <aside className="report-side">
        <div className="card score-card">
          <div className={`big-score ${scoreClass(report.score)}`}>{num(report.score, 0)}</div>
          <div className="grade">
            办文指数 · <b>{report.grade}</b>
          </div>
          <div className="dims">
            {report.breakdown.map((b) => (
              <div key={b.dimension} className="dim" title={b.note}>
                <span>{b.label}</span>
                <span className="dim-track">
                  <span style={{ width: `${(b.score / Math.max(1, b.max)) * 100}%` }} />
                </span>
                <span className="r">
                  {num(b.score, 1)}/{b.max}
                </span>
              </div>
            ))}
          </div>
          <div className="flags">
            <Badge tone={report.flags.overCap ? 'over' : 'ok'}>
              篇幅 {num(report.chars)}/{report.cap ?? '—'}
            </Badge>
            {report.flags.disguisedDirective && <Badge tone="over">隐形变异</Badge>}
            {report.flags.frame && <Badge tone="warn">穿靴戴帽</Badge>}
            {report.flags.copiedShare !== null && <Badge tone={report.flags.copiedShare > 0.5 ? 'over' : 'info'}>照抄 {pct(report.flags.copiedShare)}</Badge>}
          </div>
          <p className="small muted">{report.classifier.note} · 规则集 {report.ruleset.version}</p>
          <button className="btn block" onClick={onSheet}>
            生成为基层减负一致性评估表
          </button>
        </div>
        <div className="card findings">
          <header className="card-head">
            <h2>问题 {report.findings.length} 处</h2>
          </header>
          {report.findings.length === 0 && <p className="muted pad">未发现问题。</p>}
          {byCat.map(([cat, list]) => (
            <div key={cat} className="finding-group">
              <h3 style={{ color: CATEGORY_COLOR[cat] }}>
                {CATEGORY[cat]} <small>{list.length}</small>
              </h3>
              {list.map((f) => (
                <button key={f.id} className={`finding ${active === f.id ? 'on' : ''}`} onClick={() => pick(f)}>
                  <span className={`sev ${f.severity}`}>{SEVERITY[f.severity]}</span>
                  <span className="msg">{f.message}</span>
                  {f.suggestion && <span className="sug">建议：{f.suggestion}</span>}
                  <span className="pts">−{num(f.points, 1)}</span>
                </button>
              ))}
            </div>
          ))}
        </div>
      </aside>
    </div>
  )
}
