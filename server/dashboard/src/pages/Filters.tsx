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

const FIELDS: Array<{ key: keyof FilterState; label: string; type?: 'date'; placeholder?: string }> = [
  { key: 'from', label: '起', type: 'date' },
  { key: 'to', label: '止', type: 'date' },
  { key: 'unit', label: '单位', placeholder: '全部单位' },
  { key: 'docType', label: '文种', placeholder: '全部文种' },
]

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
      {FIELDS.map(({ key, label, ...input }) => (
        <label key={key}>
          {label}
          <input {...input} value={draft[key]} onChange={set(key)} />
        </label>
      ))}
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
