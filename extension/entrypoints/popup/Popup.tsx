import { browser } from 'wxt/browser'
import { useTabStatus } from './use-tab-status'

/** chrome.sidePanel.open needs Chromium 116 and a user gesture; older cores have no side panel at all. */
type SidePanelApi = { open?(o: { tabId: number }): Promise<void> }
const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel

async function openSidePanel() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true })
  if (tab?.id !== undefined) await sidePanel?.open?.({ tabId: tab.id })
  window.close()
}

const GRADE_CLASS: Record<string, string> = { 优: 'g-you', 良: 'g-liang', 中: 'g-zhong', 差: 'g-cha' }

export function Popup() {
  const { loaded, status: s } = useTabStatus()
  return (
    <main>
      <header>办文</header>
      {!loaded ? (
        <p className="muted">读取中…</p>
      ) : s ? (
        <section id="tab-status">
          <div className={`score ${GRADE_CLASS[s.grade] ?? ''}`}>
            <span id="score">{Math.round(s.score)}</span>
            <span id="grade">{s.grade}</span>
          </div>
          <div className="label">办文指数</div>
          <dl>
            <dt>文种</dt>
            <dd>{s.docType || '未识别'}</dd>
            <dt>篇幅</dt>
            <dd>
              {s.chars} 字{s.cap ? ` / 上限 ${s.cap} 字` : ''}
              {s.cap && s.chars > s.cap ? <span className="over">（超长）</span> : null}
            </dd>
            <dt>问题</dt>
            <dd id="findings">{s.findings} 处</dd>
          </dl>
        </section>
      ) : (
        <p className="muted" id="no-status">
          本页未发现正在起草的公文。在办公系统的拟稿页面中输入正文后，这里会显示办文指数。
        </p>
      )}
      <footer>
        {sidePanel?.open ? (
          <button type="button" id="open-side-panel" onClick={() => void openSidePanel()}>
            全文报告
          </button>
        ) : null}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          设置
        </button>
      </footer>
    </main>
  )
}
