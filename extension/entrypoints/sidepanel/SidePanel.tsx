/**
 * The full report for the active tab: every editor of every frame, its score breakdown and length,
 * findings grouped by category. Clicking a finding selects it in the page, as the in-page panel does.
 */
import { browser } from 'wxt/browser'
import { CATEGORY_LABELS, type Category } from '../../../core'
import { CATEGORY_ORDER, CATEGORY_STYLES } from '../../lib/marks/categories'
import type { EditorSnapshot } from '../../lib/messages'
import type { PanelSelect } from '../../lib/ui/panel-select'
import { Breakdown, LengthBar, ScoreRow } from '../../lib/ui/Panel'
import { useTabEditors } from './use-tab-editors'

/** The most serious categories first. */
const REPORT_ORDER = [...CATEGORY_ORDER].reverse()

function EditorReport({ tabId, frameId, snap }: { tabId: number; frameId: number; snap: EditorSnapshot }) {
  const { report } = snap
  const byId = new Map(report.findings.map((f) => [f.id, f]))
  const groups = new Map<Category, Array<EditorSnapshot['findings'][number] & { points: number }>>()
  for (const f of snap.findings) {
    const full = byId.get(f.id)
    if (!full) continue
    const list = groups.get(full.category) ?? []
    list.push({ ...f, points: full.points })
    groups.set(full.category, list)
  }
  const select = (findingId: string) => {
    const msg: PanelSelect = { type: 'panel:select', session: snap.id, finding: findingId }
    void browser.tabs.sendMessage(tabId, msg, { frameId }).catch(() => null)
  }
  return (
    <section className="sp-editor" data-frame={frameId} data-label={snap.label}>
      <h2>{snap.label}</h2>
      <ScoreRow report={report} />
      <div className="sp-meta">
        {report.docType} · 共 {snap.findings.length} 处问题
      </div>
      <Breakdown report={report} />
      <LengthBar report={report} />
      {REPORT_ORDER.filter((c) => groups.has(c)).map((c) => (
        <div className="sp-group" key={c} data-category={c}>
          <h3>
            <span className="bw-chip" style={{ background: CATEGORY_STYLES[c].color }}>
              {CATEGORY_LABELS[c]}
            </span>
            <span className="sp-count">{groups.get(c)!.length} 处</span>
          </h3>
          <ol className="bw-list">
            {groups.get(c)!.map((f) => (
              <li key={f.id} className="bw-item" data-finding={f.id} onClick={() => select(f.id)}>
                <span className="bw-item-text">
                  <b>{f.title}</b>
                  <span className="bw-snippet">{f.snippet}</span>
                </span>
                <span className="bw-points">-{Math.round(f.points * 10) / 10}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  )
}

export function SidePanel() {
  const { tabId, frames } = useTabEditors()
  const editors = frames ? Object.entries(frames).flatMap(([frameId, snaps]) => snaps.map((snap) => ({ frameId: Number(frameId), snap }))) : []
  // The top frame's editors first, then those in frames, as they stand on the page.
  editors.sort((a, b) => a.frameId - b.frameId)
  return (
    <main className="bw-app sp">
      <header className="bw-head">
        <span className="bw-brand">办文</span>
        <span>全文报告</span>
      </header>
      {frames === null ? <p className="sp-muted">读取中…</p> : null}
      {frames !== null && !editors.length ? (
        <p className="sp-muted" id="no-editors">
          本页未发现正在起草的公文。在办公系统的拟稿页面中输入正文后，这里会显示完整报告。
        </p>
      ) : null}
      {tabId !== null ? editors.map(({ frameId, snap }) => <EditorReport key={`${frameId}:${snap.id}`} tabId={tabId} frameId={frameId} snap={snap} />) : null}
    </main>
  )
}
