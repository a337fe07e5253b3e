import { useState } from 'react'

export interface FilterState {
  from: string
  to: string
  unit: string
  docType: string
}

export function useFilters() {
  const [f, setF] = useState<FilterState>({ from: '', to: '', unit: '', docType: '' })
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, v)
    return p.toString()
  }
  return { f, setF, query }
}

/** Period, unit and 文种 filters shared by the overview and the document list. */
export function Filters({ f, setF }: { f: FilterState; setF: (f: FilterState) => void }) {
  const [draft, setDraft] = useState(f)
  const set = (k: keyof FilterState) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [k]: e.target.value })
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault()
        setF(draft)
      }}
    >
      <label>
        起
        <input type="date" value={draft.from} onChange={set('from')} />
      </label>
      <label>
        止
        <input type="date" value={draft.to} onChange={set('to')} />
      </label>
      <label>
        单位
        <input placeholder="全部单位" value={draft.unit} onChange={set('unit')} />
      </label>
      <label>
        文种
        <input placeholder="全部文种" value={draft.docType} onChange={set('docType')} />
      </label>
      <button type="submit" className="btn">
        查询
      </button>
      <button
        type="button"
        className="btn ghost"
        onClick={() => {
          const empty = { from: '', to: '', unit: '', docType: '' }
          setDraft(empty)
          setF(empty)
        }}
      >
        重置
      </button>
    </form>
  )
}
