import type { ReactNode } from 'react'
import type { ApiError } from './api'

export function Card(p: { title?: ReactNode; extra?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${p.className ?? ''}`}>
      {(p.title || p.extra) && (
        <header className="card-head">
          <h2>{p.title}</h2>
          <div className="card-extra">{p.extra}</div>
        </header>
      )}
      <div className="card-body">{p.children}</div>
    </section>
  )
}

export function Stat(p: { label: string; value: ReactNode; hint?: ReactNode; tone?: string }) {
  return (
    <div className={`stat ${p.tone ?? ''}`}>
      <div className="stat-label">{p.label}</div>
      <div className="stat-value">{p.value}</div>
      {p.hint && <div className="stat-hint">{p.hint}</div>}
    </div>
  )
}

export function Badge(p: { tone?: 'ok' | 'warn' | 'over' | 'info' | 'muted'; children: ReactNode }) {
  return <span className={`badge ${p.tone ?? 'info'}`}>{p.children}</span>
}

export function ErrorBox({ error }: { error: ApiError | Error | null }) {
  if (!error) return null
  const details = 'details' in error ? (error.details as string[]) : []
  return (
    <div className="error-box" role="alert">
      <strong>{error.message}</strong>
      {details.length > 0 && (
        <ul>
          {details.slice(0, 50).map((d, i) => (
            <li key={i}>
              <code>{d}</code>
            </li>
          ))}
          {details.length > 50 && <li>……另有 {details.length - 50} 处</li>}
        </ul>
      )}
    </div>
  )
}

export const Loading = () => <div className="loading">加载中…</div>
export const Empty = ({ children }: { children: ReactNode }) => <div className="empty">{children}</div>

export function PageHead(p: { title: string; sub?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        <h1>{p.title}</h1>
        {p.sub && <p className="sub">{p.sub}</p>}
      </div>
      {p.actions && <div className="page-actions">{p.actions}</div>}
    </div>
  )
}
