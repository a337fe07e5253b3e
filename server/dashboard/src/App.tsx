import { useEffect, useState } from 'react'
import { api, ApiError, getToken, setToken, type Me } from './api'
import { ROLE } from './format'
import { useRoute } from './hooks'
import { Audit } from './pages/Audit'
import { Analyze } from './pages/Analyze'
import { DirectReports } from './pages/DirectReports'
import { Documents } from './pages/Documents'
import { Monitor } from './pages/Monitor'
import { Overview } from './pages/Overview'
import { Plan } from './pages/Plan'
import { Quotas } from './pages/Quotas'
import { Ratings } from './pages/Ratings'
import { Registry } from './pages/Registry'
import { RuleSets } from './pages/RuleSets'
import { Superior } from './pages/Superior'
import { Tokens } from './pages/Tokens'
import { Units } from './pages/Units'
import { ErrorBox } from './ui'

const NAV: Array<{ page: string; label: string; admin?: boolean; group?: string }> = [
  { page: 'overview', label: '总体态势', group: '审核' },
  { page: 'documents', label: '归档公文' },
  { page: 'analyze', label: '公文评分' },
  { page: 'quotas', label: '发文总量' },
  { page: 'monitor', label: '基层负担监测', group: '基层减负' },
  { page: 'direct', label: '基层直报' },
  { page: 'ratings', label: '逆向评估' },
  { page: 'plan', label: '督查检查考核计划' },
  { page: 'registry', label: '单位名册' },
  { page: 'rulesets', label: '规则集', group: '管理' },
  { page: 'superior', label: '上级文件', admin: true },
  { page: 'units', label: '单位设置', admin: true },
  { page: 'tokens', label: '访问令牌', admin: true },
  { page: 'audit', label: '审计日志', admin: true },
]

export function App() {
  const [me, setMe] = useState<Me | null>(null)
  const [checking, setChecking] = useState(!!getToken())
  const [error, setError] = useState<ApiError | null>(null)
  const { page, params } = useRoute()

  const login = async (token: string) => {
    setToken(token)
    setChecking(true)
    try {
      const m = await api<Me>('/api/me')
      if (m.role === 'drafter') {
        setToken(null)
        setError(new ApiError(403, 'forbidden', '起草人令牌只供浏览器扩展使用，看板需要审核人或管理员令牌'))
      } else {
        setMe(m)
        setError(null)
      }
    } catch (e) {
      setToken(null)
      setError(e as ApiError)
    } finally {
      setChecking(false)
    }
  }
  useEffect(() => {
    const t = getToken()
    if (t) void login(t)
  }, [])

  if (!me) return <Login onLogin={login} error={error} busy={checking} />
  const nav = NAV.filter((n) => !n.admin || me.role === 'admin')
  const current = nav.some((n) => n.page === page) ? page : 'overview'
  return (
    <div className="shell">
      <aside className="side no-print">
        <div className="side-inner">
          <div className="brand">
            <span className="seal">文</span>
            <div>
              <b>办文</b>
              <small>公文形式主义监测</small>
            </div>
          </div>
          <nav>
            {nav.map((n) => (
              <div key={n.page}>
                {n.group && <div className="nav-group">{n.group}</div>}
                <a href={`#/${n.page}`} className={current === n.page ? 'on' : ''}>
                  {n.label}
                </a>
              </div>
            ))}
          </nav>
          <div className="who">
            <div>{me.name}</div>
            <small>
              {ROLE[me.role]}
              {me.unit ? ` · ${me.unit}` : ''}
            </small>
            <button
              className="link"
              onClick={() => {
                setToken(null)
                setMe(null)
              }}
            >
              退出
            </button>
          </div>
        </div>
      </aside>
      <main className="main">
        {current === 'overview' && <Overview />}
        {current === 'documents' && <Documents hash={params.get('hash')} />}
        {current === 'analyze' && <Analyze />}
        {current === 'quotas' && <Quotas me={me} />}
        {current === 'monitor' && <Monitor />}
        {current === 'direct' && <DirectReports me={me} />}
        {current === 'ratings' && <Ratings me={me} />}
        {current === 'plan' && <Plan me={me} />}
        {current === 'registry' && <Registry me={me} />}
        {current === 'rulesets' && <RuleSets me={me} />}
        {current === 'superior' && <Superior />}
        {current === 'units' && <Units />}
        {current === 'tokens' && <Tokens />}
        {current === 'audit' && <Audit />}
      </main>
    </div>
  )
}

function Login({ onLogin, error, busy }: { onLogin: (t: string) => void; error: ApiError | null; busy: boolean }) {
  const [token, setT] = useState('')
  return (
    <div className="login">
      <form
        className="login-card"
        onSubmit={(e) => {
          e.preventDefault()
          if (token.trim()) onLogin(token.trim())
        }}
      >
        <div className="brand big">
          <span className="seal">文</span>
          <div>
            <b>办文</b>
            <small>公文形式主义监测看板</small>
          </div>
        </div>
        <label>
          访问令牌
          <input type="password" value={token} onChange={(e) => setT(e.target.value)} placeholder="bw_…" autoFocus />
        </label>
        <button className="btn block" disabled={busy || !token.trim()}>
          {busy ? '验证中…' : '进入看板'}
        </button>
        <ErrorBox error={error} />
        <p className="small muted">审核人和管理员令牌由管理员在“访问令牌”页生成；首次启动时服务会在控制台打印一次管理员令牌。</p>
      </form>
    </div>
  )
}
