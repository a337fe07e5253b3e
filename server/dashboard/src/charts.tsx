/** Small SVG charts drawn by hand: a line over weeks, vertical bars, horizontal bars. */
import { useState } from 'react'

const W = 640
const H = 220
const PAD = { l: 44, r: 16, t: 16, b: 34 }

const niceMax = (v: number) => {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v)!
}

export interface Series {
  name: string
  color: string
  values: Array<number | null>
  format?: (v: number) => string
}

/** Lines over shared x labels (weeks); `max` fixes the y axis (100 for scores). */
export function LineChart({ labels, series, max, height = H }: { labels: string[]; series: Series[]; max?: number; height?: number }) {
  const [hover, setHover] = useState<number | null>(null)
  const top = max ?? niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))))
  const iw = W - PAD.l - PAD.r
  const ih = height - PAD.t - PAD.b
  const x = (i: number) => PAD.l + (labels.length <= 1 ? iw / 2 : (i * iw) / (labels.length - 1))
  const y = (v: number) => PAD.t + ih - (v / top) * ih
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top)
  const every = Math.max(1, Math.ceil(labels.length / 8))
  // Weeks as MM-DD, or YY-MM-DD when the range crosses a year.
  const short = new Set(labels.map((l) => l.slice(0, 4))).size > 1 ? (l: string) => l.slice(2) : (l: string) => l.slice(5)
  return (
    <div className="chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={series.map((s) => s.name).join('、')} onMouseLeave={() => setHover(null)}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.l - 6} y={y(t) + 4} className="axis" textAnchor="end">
              {Number.isInteger(t) ? t : t.toFixed(1)}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={x(i)} y={height - 12} className="axis" textAnchor="middle">
              {short(l)}
            </text>
          ) : null,
        )}
        {series.map((s) => {
          const pts = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean)
          return (
            <g key={s.name}>
              <polyline points={pts.join(' ')} fill="none" stroke={s.color} strokeWidth={2.2} strokeLinejoin="round" />
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={hover === i ? 5 : 3} fill={s.color} />))}
            </g>
          )
        })}
        {labels.map((_, i) => (
          <rect key={i} x={x(i) - iw / Math.max(1, labels.length) / 2} y={PAD.t} width={iw / Math.max(1, labels.length)} height={ih} fill="transparent" onMouseEnter={() => setHover(i)} />
        ))}
        {hover !== null && <line x1={x(hover)} x2={x(hover)} y1={PAD.t} y2={PAD.t + ih} className="cursor" />}
      </svg>
      <div className="legend">
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} />
            {s.name}
            {hover !== null && s.values[hover] !== null && <b>：{s.format ? s.format(s.values[hover]!) : s.values[hover]}</b>}
          </span>
        ))}
        {hover !== null && <span className="muted">{labels[hover]} 当周</span>}
      </div>
    </div>
  )
}

/** Vertical bars with a label under each (the score distribution). */
export function BarChart({ bars, color = '#a8201a', height = H }: { bars: Array<{ label: string; value: number; color?: string }>; color?: string; height?: number }) {
  const top = niceMax(Math.max(0, ...bars.map((b) => b.value)))
  const iw = W - PAD.l - PAD.r
  const ih = height - PAD.t - PAD.b
  const bw = iw / Math.max(1, bars.length)
  return (
    <div className="chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label="分布">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.l} x2={W - PAD.r} y1={PAD.t + ih - f * ih} y2={PAD.t + ih - f * ih} className="grid" />
            <text x={PAD.l - 6} y={PAD.t + ih - f * ih + 4} className="axis" textAnchor="end">
              {Math.round(f * top)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const h = (b.value / top) * ih
          return (
            <g key={b.label}>
              <rect x={PAD.l + i * bw + bw * 0.15} y={PAD.t + ih - h} width={bw * 0.7} height={h} fill={b.color ?? color} rx={2}>
                <title>{`${b.label}：${b.value}`}</title>
              </rect>
              {b.value > 0 && (
                <text x={PAD.l + i * bw + bw / 2} y={PAD.t + ih - h - 4} className="axis value" textAnchor="middle">
                  {b.value}
                </text>
              )}
              <text x={PAD.l + i * bw + bw / 2} y={height - 12} className="axis" textAnchor="middle">
                {b.label}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}

/** Horizontal bars in HTML: a label, a bar against the largest value, a figure. */
export function HBars({ rows, format = (v) => String(v), max }: { rows: Array<{ label: string; value: number; tone?: string; note?: string }>; format?: (v: number) => string; max?: number }) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value))
  return (
    <div className="hbars">
      {rows.map((r) => (
        <div className="hbar" key={r.label}>
          <span className="hbar-label" title={r.label}>
            {r.label}
          </span>
          <span className="hbar-track">
            <span className={`hbar-fill ${r.tone ?? ''}`} style={{ width: `${Math.min(100, (r.value / top) * 100)}%` }} />
          </span>
          <span className="hbar-value">
            {format(r.value)}
            {r.note && <small> {r.note}</small>}
          </span>
        </div>
      ))}
    </div>
  )
}
