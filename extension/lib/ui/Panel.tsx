/** The live panel: 办文指数, breakdown, length against the cap, 文种, findings. */
import { CATEGORY_LABELS, type Report } from '../../../core'
import { CATEGORY_STYLES } from '../marks/categories'
import type { EditorSession } from '../session'
import type { UiActions } from './actions'
import { formatScore, ruleTitle, snippetOf } from './rules'
import { RemotePanel } from './RemotePanel'
import type { UiState } from './store'

/** Long documents can carry hundreds of findings; rendering them all would slow typing. */
const LIST_MAX = 60

export const GRADE_CLASS: Record<string, string> = { 优: 'g-a', 良: 'g-b', 中: 'g-c', 差: 'g-d' }

export function Breakdown({ report }: { report: Report }) {
  return (
    <div className="bw-breakdown">
      {report.breakdown.map((b) => (
        <div className="bw-dim" key={b.dimension} title={b.note ?? ''}>
          <span className="bw-dim-label">{b.label}</span>
          <span className="bw-bar">
            <span className="bw-bar-fill" style={{ width: `${b.max ? (b.score / b.max) * 100 : 100}%` }} />
          </span>
          <span className="bw-dim-num">
            {round(b.score)}/{b.max}
          </span>
        </div>
      ))}
    </div>
  )
}

const round = (n: number) => Math.round(n * 10) / 10

export function LengthBar({ report }: { report: Report }) {
  if (report.cap === null) return <div className="bw-length">全文 {report.chars} 字（{report.docType}无篇幅上限）</div>
  const share = report.chars / report.cap
  return (
    <div className="bw-length" title={report.capSource}>
      <div className="bw-length-text">
        篇幅 <b>{report.chars}</b> / {report.cap} 字
        {report.flags.overCap ? <span className="bw-over">超出 {report.chars - report.cap} 字</span> : null}
      </div>
      <span className="bw-bar">
        <span className={`bw-bar-fill ${share > 1 ? 'over' : share > 0.9 ? 'near' : ''}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
      </span>
    </div>
  )
}

function DocTypeSelect({ session, actions }: { session: EditorSession; actions: UiActions }) {
  const report = session.report!
  const types = [...session.ruleSet.docTypes.map((t) => t.name), '其他']
  const auto = session.docTypeOverride === undefined
  const sourceText = { option: '表单', title: '标题', content: '正文', default: '默认' }[report.docTypeSource]
  return (
    <label className="bw-doctype">
      文种
      <select
        value={auto ? '' : session.docTypeOverride}
        onChange={(e) => actions.setDocType(session, e.target.value || undefined)}
      >
        <option value="">自动：{report.docType}（据{sourceText}）</option>
        {types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </label>
  )
}

/** 办文指数 and grade, as the panel, the remote panel and the side panel show them. */
export function ScoreRow({ report }: { report: Report }) {
  return (
    <div className="bw-score-row">
      <span className={`bw-score ${GRADE_CLASS[report.grade]}`} data-testid="score">
        {formatScore(report.score)}
      </span>
      <span className="bw-score-side">
        <span className={`bw-grade ${GRADE_CLASS[report.grade]}`}>{report.grade}</span>
        <span className="bw-score-label">办文指数</span>
      </span>
    </div>
  )
}

export function Panel({ state, actions }: { state: UiState; actions: UiActions }) {
  if (state.embedded) return null
  const session = state.active
  const report = session?.report
  if (!session || !report) {
    const remote = state.remote.find((r) => !r.snap.panelInFrame)
    return remote ? <RemotePanel remote={remote} dock={state.dock} /> : null
  }
  const findings = session.visibleFindings()
  if (state.collapsed) {
    return (
      <div className={`bw-panel bw-collapsed dock-${state.dock}`} onClick={() => actions.setCollapsed(false)} title="展开办文面板">
        <span className={`bw-score-mini ${GRADE_CLASS[report.grade]}`}>{formatScore(report.score)}</span>
        <span className="bw-mini-count">{findings.length}</span>
      </div>
    )
  }
  const hidden = report.findings.length - findings.length
  return (
    <div className={`bw-panel dock-${state.dock}`} data-session={session.id}>
      <div className="bw-head">
        <span className="bw-brand">办文</span>
        <span className="bw-head-tools">
          <button className="bw-icon" title="停靠到另一侧" onClick={() => actions.setDock(state.dock === 'right' ? 'left' : 'right')}>
            ⇄
          </button>
          <button className="bw-icon" title="收起" onClick={() => actions.setCollapsed(true)}>
            —
          </button>
        </span>
      </div>
      <ScoreRow report={report} />
      <Breakdown report={report} />
      <LengthBar report={report} />
      <DocTypeSelect session={session} actions={actions} />
      {report.flags.copiedShare !== null ? (
        <div className="bw-copied">与上级文件重复 {Math.round(report.flags.copiedShare * 100)}%</div>
      ) : null}
      {state.quota ? (
        <div className={`bw-quota q-${state.quota.level}`}>
          本年度已发文 {state.quota.filed} / {state.quota.quota} 件
        </div>
      ) : null}
      <div className="bw-list-head">
        问题 {findings.length} 处{hidden > 0 ? `（已忽略 ${hidden}，不影响指数）` : ''}
      </div>
      <ol className="bw-list">
        {findings.slice(0, LIST_MAX).map((f) => (
          <li
            key={f.id}
            className={`bw-item ${state.card?.findingId === f.id ? 'on' : ''}`}
            data-finding={f.id}
            data-category={f.category}
            onClick={() => actions.selectFinding(session, f.id)}
          >
            <span className="bw-chip" style={{ background: CATEGORY_STYLES[f.category].color }}>
              {CATEGORY_LABELS[f.category]}
            </span>
            <span className="bw-item-text">
              <b>{ruleTitle(session.ruleSet, f)}</b>
              <span className="bw-snippet">{snippetOf(session.text, f)}</span>
            </span>
            <span className="bw-points">-{round(f.points)}</span>
          </li>
        ))}
      </ol>
      {findings.length > LIST_MAX ? <div className="bw-list-more">另有 {findings.length - LIST_MAX} 处未列出，请先处理以上问题</div> : null}
      {state.notice ? <div className="bw-notice">{state.notice}</div> : null}
      <div className="bw-foot">
        规则集 {report.ruleset.version} · {report.classifier.note}
      </div>
    </div>
  )
}
