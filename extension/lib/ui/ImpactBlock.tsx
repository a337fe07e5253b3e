/** The filing check's 负担监测 line: what filing does to each recipient's code, before → after. */
import { PRESSURE_CODE_LABELS, type PressureCode, type RecipientImpact } from '../../../core'
import { IMPACT_DOWN } from '../filing/impact'
import type { ImpactView } from './store'

const SHORT: Record<PressureCode, string> = { green: '绿', yellow: '黄', red: '红' }
const RANK: Record<PressureCode, number> = { green: 0, yellow: 1, red: 2 }

export const CodeBadge = ({ code }: { code: PressureCode }) => (
  <span className={`bw-code c-${code}`} title={PRESSURE_CODE_LABELS[code]}>
    {SHORT[code]}
  </span>
)

/** Units that change code first, then the worst off. */
const order = (a: RecipientImpact, b: RecipientImpact) =>
  Number(b.after.code !== b.before.code) - Number(a.after.code !== a.before.code) || RANK[b.after.code] - RANK[a.after.code] || b.after.index - a.after.index

export function ImpactBlock({ view }: { view: ImpactView }) {
  if (view.state === 'pending') return <div className="bw-impact pending">正在估算发出后的基层负担…</div>
  if (view.state === 'down')
    return (
      <div className="bw-impact down" title={view.message}>
        {IMPACT_DOWN}
      </div>
    )
  const { impact } = view
  return (
    <div className="bw-impact ready">
      <div className="bw-impact-line">{impact.line}</div>
      {impact.recipients.length ? (
        <ul className="bw-impact-units">
          {[...impact.recipients].sort(order).map((r) => (
            <li key={r.unit} data-unit={r.unit} data-before={r.before.code} data-after={r.after.code} className={r.after.code !== r.before.code ? 'turns' : ''}>
              <span className="bw-unit-name">{r.unit}</span>
              <CodeBadge code={r.before.code} />
              <span className="bw-arrow">→</span>
              <CodeBadge code={r.after.code} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
