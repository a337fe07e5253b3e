/** The period the 基层减负 pages show and export: week or month holding a day, shared between the pages for the session. */
import { useState } from 'react'
import { ApiError, download } from './api'
import { today, type PeriodKind } from './receiving'
import { ErrorBox } from './ui'

export interface PeriodChoice {
  kind: PeriodKind
  at: string
}

const KEY = 'banwen.period'

function read(): PeriodChoice {
  try {
    const p = JSON.parse(sessionStorage.getItem(KEY) ?? '') as PeriodChoice
    if ((p.kind === 'week' || p.kind === 'month') && /^\d{4}-\d{2}-\d{2}$/.test(p.at)) return p
  } catch {
    /* nothing kept yet */
  }
  return { kind: 'month', at: today() }
}

export function usePeriod(): [PeriodChoice, (p: PeriodChoice) => void] {
  const [p, setP] = useState(read)
  const set = (next: PeriodChoice) => {
    sessionStorage.setItem(KEY, JSON.stringify(next))
    setP(next)
  }
  return [p, set]
}

export const periodQuery = (p: PeriodChoice) => `period=${p.kind}&at=${p.at}`

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (p: PeriodChoice) => void }) {
  return (
    <>
      <div className="seg" role="group" aria-label="统计周期">
        {(['week', 'month'] as const).map((k) => (
          <button key={k} className={value.kind === k ? 'on' : ''} onClick={() => onChange({ ...value, kind: k })}>
            {k === 'week' ? '按周' : '按月'}
          </button>
        ))}
      </div>
      <input type="date" aria-label="统计日期" value={value.at} onChange={(e) => e.target.value && onChange({ ...value, at: e.target.value })} />
    </>
  )
}

/** 导出 .xlsx: the service's workbook (负担监测, 红码名单, 直报汇总, 逆向评估, 公开说明) for the period. */
export function ExportButton({ period }: { period: PeriodChoice }) {
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      await download(`/api/monitor/export.xlsx?${periodQuery(period)}`, `基层负担监测-${period.kind === 'week' ? '周' : '月'}-${period.at}.xlsx`)
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button className="btn ghost" disabled={busy} onClick={run} title={`统计周期：${period.kind === 'week' ? '周' : '月'}，含 ${period.at}`}>
        {busy ? '导出中…' : '导出 .xlsx'}
      </button>
      <button className="btn ghost" onClick={() => window.print()}>
        打印
      </button>
      {error && (
        <div className="export-error">
          <ErrorBox error={error} />
        </div>
      )}
    </>
  )
}
