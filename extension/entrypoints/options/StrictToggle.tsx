import { useState } from 'react'
import { saveSettings } from './storage'

/**
 * 严格模式: also show the marks of rules that have not yet proven their precision on real
 * documents (the picky tier). They never count toward the 办文指数.
 */
export function StrictToggle({ strict }: { strict: boolean }) {
  const [error, setError] = useState<string | null>(null)
  const toggle = async (on: boolean) => {
    const problems = await saveSettings({ strict: on })
    setError(problems.length ? problems.join('；') : null)
  }
  return (
    <section>
      <h2>标注范围</h2>
      <label className="check">
        <input id="strict" type="checkbox" checked={strict} onChange={(e) => void toggle(e.target.checked)} />
        严格模式：也显示尚未在真实公文上证明精确率的标注（以“严格”标出，不计入办文指数）
      </label>
      {error && <p className="error">{error}</p>}
    </section>
  )
}
