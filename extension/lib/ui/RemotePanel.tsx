/**
 * The top frame's panel for an editor in another frame too narrow for its own (a cross-origin
 * editor iframe), drawn from the frame's snapshot. Marks and cards stay in that frame: a click
 * here selects the finding there, through the background.
 */
import { CATEGORY_LABELS } from '../../../core'
import { CATEGORY_STYLES } from '../marks/categories'
import { send, type RemoteEditor } from '../messages'
import { Breakdown, LengthBar, ScoreRow } from './Panel'

export function RemotePanel({ remote, dock }: { remote: RemoteEditor; dock: 'left' | 'right' }) {
  const { snap, frameId } = remote
  const { report } = snap
  const byId = new Map(report.findings.map((f) => [f.id, f]))
  return (
    <div className={`bw-panel dock-${dock}`} data-remote={snap.label}>
      <div className="bw-head">
        <span className="bw-brand">办文</span>
        <span className="bw-head-tools">{snap.label}</span>
      </div>
      <ScoreRow report={report} />
      <Breakdown report={report} />
      <LengthBar report={report} />
      <div className="bw-list-head">问题 {snap.findings.length} 处</div>
      <ol className="bw-list">
        {snap.findings.map((f) => {
          const full = byId.get(f.id)
          return full ? (
            <li
              key={f.id}
              className="bw-item"
              data-finding={f.id}
              data-category={full.category}
              onClick={() => void send('frame:select', { frameId, session: snap.id, finding: f.id })}
            >
              <span className="bw-chip" style={{ background: CATEGORY_STYLES[full.category].color }}>
                {CATEGORY_LABELS[full.category]}
              </span>
              <span className="bw-item-text">
                <b>{f.title}</b>
                <span className="bw-snippet">{f.snippet}</span>
              </span>
            </li>
          ) : null
        })}
      </ol>
      <div className="bw-foot">
        规则集 {report.ruleset.version} · {report.classifier.note}
      </div>
    </div>
  )
}
