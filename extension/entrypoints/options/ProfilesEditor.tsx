import { useEffect, useState } from 'react'
import type { SiteProfile } from '../../../core'
import { Errors } from './ConnectionForm'
import { formatProfiles, parseProfiles, PROFILE_EXAMPLE } from './profiles'
import { saveSettings } from './storage'

/** Site profiles as JSON: tried before the rule set's own, to find editor, title, 文种 and submit buttons. */
export function ProfilesEditor({ profiles }: { profiles: SiteProfile[] }) {
  const stored = formatProfiles(profiles)
  const [text, setText] = useState(profiles.length ? stored : '')
  const [errors, setErrors] = useState<string[]>([])
  const [saved, setSaved] = useState<number | null>(null)
  useEffect(() => setText(profiles.length ? stored : ''), [stored])

  const save = async () => {
    const parsed = parseProfiles(text)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      setSaved(null)
      return
    }
    const errs = await saveSettings({ siteProfiles: parsed.value })
    setErrors(errs)
    setSaved(errs.length === 0 ? parsed.value.length : null)
  }

  return (
    <section className="card" id="profiles">
      <h2>站点配置</h2>
      <p className="hint">
        为本单位办公系统指定编辑器、标题、文种字段和提交按钮的 CSS 选择器。留空则自动识别。match 中的 * 为通配符。
      </p>
      <textarea
        id="profiles-json"
        spellCheck={false}
        rows={12}
        placeholder={PROFILE_EXAMPLE}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setSaved(null)
        }}
      />
      <div className="row">
        <button id="save-profiles" type="button" onClick={save}>
          校验并保存
        </button>
        {saved !== null && <span className="ok">已保存 {saved} 项</span>}
      </div>
      <Errors errors={errors} />
    </section>
  )
}
