/**
 * The background service worker: answers the content scripts' contract (lib/messages.ts) from
 * synced, cached state; keeps the telemetry queue; runs the model through an offscreen document.
 * Everything that matters is in chrome.storage, because Chrome stops this worker at will.
 */
import { defineBackground } from 'wxt/utils/define-background'
import { browser } from 'wxt/browser'
import { handleMessages, type ConfigResponse } from '../lib/messages'
import { delivery, RETRY_ALARM } from '../lib/background/delivery'
import { activeFingerprints } from '../lib/background/fingerprints'
import { storageKV } from '../lib/background/kv'
import { MANAGED_KEY, mirrorManaged, storedPolicy } from '../lib/background/managed'
import { modelInfo, predict, runModelHereIfNeeded } from '../lib/background/model'
import { storeTextAllowed } from '../lib/background/policy'
import { fetchQuota } from '../lib/background/quota'
import { receivingHandlers } from '../lib/background/receiving'
import { activeRules } from '../lib/background/rules'
import { serviceClient } from '../lib/background/service'
import { loadSettings, serviceBase, SETTINGS_KEY } from '../lib/background/settings'
import { changedAnything, syncAll } from '../lib/background/sync'
import { tabEditors } from '../lib/background/tab-editors'
import { forgetTab, recordTabStatus } from '../lib/background/tab-status'
import { TelemetryQueue } from '../lib/background/telemetry-queue'
import { isAsideRequest, isSyncNow, type AsideResponse, type SyncNowResponse } from '../lib/background/ui-protocol'
import type { PanelSelect } from '../lib/ui/panel-select'
import { markUndoStep } from '../lib/background/undo-step'

const SYNC_ALARM = 'banwen:sync'
const SYNC_MINUTES = 5

export default defineBackground(() => {
  runModelHereIfNeeded()
  const kv = storageKV(browser.storage.local)
  const queue = new TelemetryQueue(kv)
  const telemetry = delivery(kv, queue, browser.alarms)
  const editors = tabEditors(browser.storage.session, browser.tabs as never)

  async function config(): Promise<ConfigResponse> {
    const s = await loadSettings(kv)
    const configured = serviceBase(s) !== null
    const unit = s.unit || '未设置单位'
    return {
      ruleSet: (await activeRules(kv, configured)).ruleSet,
      fingerprints: await activeFingerprints(kv, configured),
      unit,
      user: s.user,
      storeText: configured && (await storeTextAllowed(kv, s.unit)),
      siteProfiles: s.siteProfiles,
      strict: s.strict,
      filing: (await storedPolicy(kv)).filing ?? null,
      serverConfigured: configured,
      model: await modelInfo(),
      extensionVersion: browser.runtime.getManifest().version,
    }
  }

  /** Content scripts re-ask config:get on this notice; tabs without one just refuse it. */
  async function notifyTabs() {
    const tabs = await browser.tabs.query({})
    await Promise.all(tabs.map((t) => (t.id === undefined ? null : browser.tabs.sendMessage(t.id, { type: 'config:changed' }).catch(() => null))))
  }

  async function sync() {
    const report = await syncAll(kv, await loadSettings(kv))
    if (changedAnything(report)) await notifyTabs()
    return report
  }

  /** Sync, then send; a service that answered the sync is back, so its back-off is over. */
  const round = async () => {
    const report = await sync().catch(() => null)
    await telemetry.flush(report?.configured === true && report.rules !== 'failed').catch(() => null)
  }

  /** The service as the options page sets it (token and all), or null when none is set. */
  async function client() {
    const s = await loadSettings(kv)
    const base = serviceBase(s)
    return base ? serviceClient(base, s.token) : null
  }

  handleMessages(browser.runtime.onMessage as never, {
    ...receivingHandlers(client),
    'config:get': () => config(),
    'model:predict': (m) => predict(m.sentences),
    'telemetry:push': async (m) => {
      const r = await queue.enqueue(m.events)
      telemetry.soon()
      return { queued: r.queued }
    },
    'tab:status': async (m, sender) => {
      const tabId = sender.tab?.id
      if (tabId !== undefined) await recordTabStatus(browser.storage.session, browser.action, tabId, m)
      return { ok: true }
    },
    'frame:snapshots': async (m, sender) => {
      const tabId = sender.tab?.id
      const frameId = sender.frameId ?? 0
      if (tabId === undefined || !Array.isArray(m.snapshots)) return { ok: true }
      const others = await editors.record(tabId, frameId, m.snapshots)
      return frameId === 0 ? { ok: true, frames: others } : { ok: true }
    },
    'filing:collect': async (m, sender) => {
      const tabId = sender.tab?.id
      return { entries: tabId === undefined ? [] : await editors.collect(tabId, sender.frameId ?? 0, Array.isArray(m.frames) ? m.frames : []) }
    },
    'frame:select': async (m, sender) => {
      const tabId = sender.tab?.id
      if (tabId === undefined || typeof m.frameId !== 'number') return { ok: false }
      const select: PanelSelect = { type: 'panel:select', session: String(m.session), finding: String(m.finding) }
      await browser.tabs.sendMessage(tabId, select, { frameId: m.frameId }).catch(() => null)
      return { ok: true }
    },
    'editor:undo-step': async (m, sender) => {
      const tabId = sender.tab?.id
      if (tabId === undefined) return { marked: false }
      const [res] = await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, world: 'MAIN', func: markUndoStep, args: [m.target] })
      return { marked: res?.result === true }
    },
    'quota:get': async () => {
      const s = await loadSettings(kv)
      const base = serviceBase(s)
      return base ? fetchQuota(serviceClient(base, s.token), s.unit) : null
    },
  })

  // 立即同步 on the options page: sync now and send now, back-off or not.
  browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: SyncNowResponse) => void) => {
    if (!isSyncNow(msg)) return undefined
    void Promise.all([sync(), telemetry.flush(true)]).then(
      ([s, t]) => sendResponse({ sync: s, telemetry: t }),
      () => sendResponse(undefined as never),
    )
    return true
  })

  // The options page retries or discards the events the service refused.
  browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: AsideResponse) => void) => {
    if (!isAsideRequest(msg)) return undefined
    const act = async (): Promise<AsideResponse> => {
      if (msg.action === 'discard') return { count: await queue.discardAside(), telemetry: null }
      const count = await queue.retryAside()
      return { count, telemetry: await telemetry.flush(true) }
    }
    void act().then(sendResponse, () => sendResponse(undefined as never))
    return true
  })

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void round()
    if (alarm.name === RETRY_ALARM) void telemetry.flush()
  })

  // A new browser policy: its mirror in storage.local changes, which the listener below acts on.
  const managedArea = (browser.storage as unknown as { managed?: Parameters<typeof mirrorManaged>[1] }).managed
  void mirrorManaged(kv, managedArea)
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void mirrorManaged(kv, managedArea)
  })

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || MANAGED_KEY in changes)) return
    // New service, token or unit: fetch its rule set now; tabs pick up profiles and unit too.
    void round().then(notifyTabs)
  })

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(browser.storage.session, tabId)
    void editors.forget(tabId)
  })
  // A new page in the tab: its old score no longer applies (the page reports its own).
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (!info.url) return
    void forgetTab(browser.storage.session, tabId, browser.action)
    void editors.forget(tabId)
  })

  // Every worker start (install, browser start, wake-up): make sure polling runs, send leftovers.
  void browser.alarms.get(SYNC_ALARM).then((a) => {
    if (!a) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_MINUTES })
  })
  browser.runtime.onInstalled.addListener(() => void round())
  browser.runtime.onStartup.addListener(() => void round())
  void telemetry.flush()
})
