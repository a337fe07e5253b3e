import './zod-zh'
import { ConnectionForm } from './ConnectionForm'
import { ProfilesEditor } from './ProfilesEditor'
import { SyncPanel } from './SyncPanel'
import { ManagedNotice } from './ManagedNotice'
import { StrictToggle } from './StrictToggle'
import { useManaged, useOverview, useSettings } from './storage'
import { lockedFields } from '../../lib/background/managed'

export function App() {
  const settings = useSettings()
  const overview = useOverview()
  const managed = useManaged()
  return (
    <main>
      <h1>办文 · 设置</h1>
      <p className="hint">文稿内容只在本机分析，不发送给服务；服务只收到得分、问题数量和规则编号。</p>
      {managed && <ManagedNotice policy={managed} />}
      {settings && managed ? (
        <>
          <ConnectionForm settings={settings} locked={lockedFields(managed)} />
          <StrictToggle strict={settings.strict} />
          <ProfilesEditor profiles={settings.siteProfiles} />
        </>
      ) : (
        <p>正在读取设置…</p>
      )}
      {overview && <SyncPanel overview={overview} />}
    </main>
  )
}
