import './zod-zh'
import { ConnectionForm } from './ConnectionForm'
import { ProfilesEditor } from './ProfilesEditor'
import { SyncPanel } from './SyncPanel'
import { useOverview, useSettings } from './storage'

export function App() {
  const settings = useSettings()
  const overview = useOverview()
  return (
    <main>
      <h1>办文 · 设置</h1>
      <p className="hint">文稿内容只在本机分析，不发送给服务；服务只收到得分、问题数量和规则编号。</p>
      {settings ? (
        <>
          <ConnectionForm settings={settings} />
          <ProfilesEditor profiles={settings.siteProfiles} />
        </>
      ) : (
        <p>正在读取设置…</p>
      )}
      {overview && <SyncPanel overview={overview} />}
    </main>
  )
}
