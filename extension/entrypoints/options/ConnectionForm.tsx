import { useEffect, useState } from 'react'
import type { ManagedField } from '../../lib/background/managed'
import { randomUser, type Settings } from '../../lib/background/settings'
import { saveSettings } from './storage'

type Fields = Pick<Settings, 'serverUrl' | 'token' | 'unit' | 'user'>

const LOCKED_NOTE = '由单位管理员通过浏览器策略设定，不能在此修改'

export function ConnectionForm({ settings, locked }: { settings: Settings; locked: ManagedField[] }) {
  const isLocked = (k: keyof Fields) => (locked as string[]).includes(k)
  const pick = (s: Settings): Fields => ({ serverUrl: s.serverUrl, token: s.token, unit: s.unit, user: s.user })
  const [fields, setFields] = useState<Fields>(pick(settings))
  const [errors, setErrors] = useState<string[]>([])
  const [saved, setSaved] = useState(false)
  // Another tab (or the test) changed the stored settings: show them.
  useEffect(() => setFields(pick(settings)), [settings.serverUrl, settings.token, settings.unit, settings.user])

  const set = (k: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setSaved(false)
    setFields({ ...fields, [k]: e.target.value })
  }
  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    const trimmed = { serverUrl: fields.serverUrl.trim(), token: fields.token.trim(), unit: fields.unit.trim(), user: fields.user.trim() }
    // The policy's values are not the drafter's: they stay out of the local settings.
    const own = Object.fromEntries(Object.entries(trimmed).filter(([k]) => !isLocked(k as keyof Fields)))
    const errs = await saveSettings(own)
    setErrors(errs)
    setSaved(errs.length === 0)
  }

  return (
    <form onSubmit={save} className="card" id="connection">
      <h2>服务连接</h2>
      <label>
        服务地址
        <input id="serverUrl" type="url" placeholder="https://banwen.example.gov.cn（留空则只用内置规则，本机运行）" value={fields.serverUrl} onChange={set('serverUrl')} {...lockProps(isLocked('serverUrl'))} />
        {isLocked('serverUrl') && <small className="locked">🔒 {LOCKED_NOTE}</small>}
      </label>
      <label>
        访问令牌
        <input id="token" type="password" autoComplete="off" value={fields.token} onChange={set('token')} {...lockProps(isLocked('token'))} />
        {isLocked('token') && <small className="locked">🔒 {LOCKED_NOTE}</small>}
      </label>
      <label>
        单位
        <input id="unit" placeholder="如：某县农业农村局" value={fields.unit} onChange={set('unit')} {...lockProps(isLocked('unit'))} />
        {isLocked('unit') && <small className="locked">🔒 {LOCKED_NOTE}</small>}
      </label>
      <label>
        用户代号
        <span className="row">
          <input id="user" value={fields.user} onChange={set('user')} />
          <button type="button" onClick={() => setFields({ ...fields, user: randomUser() })}>
            重新生成
          </button>
        </span>
        <small>化名即可，服务不需要知道您的姓名。</small>
      </label>
      <button id="save-connection" type="submit">
        保存
      </button>
      {saved && <span className="ok">已保存</span>}
      <Errors errors={errors} />
    </form>
  )
}

const lockProps = (locked: boolean) => (locked ? { readOnly: true, 'aria-readonly': true, 'data-locked': 'true', title: LOCKED_NOTE } : {})

export function Errors({ errors }: { errors: string[] }) {
  if (!errors.length) return null
  return (
    <ul className="errors" role="alert">
      {errors.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  )
}
