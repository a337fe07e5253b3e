/**
 * FALLBACK BACKGROUND — to be replaced by the background engineer (rules sync with ETag,
 * persistent telemetry queue, offscreen model runner, options). It answers the message contract
 * of lib/messages.ts with the bundled rule set and no service, so the content script works alone.
 */
import { defineBackground } from 'wxt/utils/define-background'
import { browser } from 'wxt/browser'
import { defaultRuleSetInput } from '../../core'
import { handleMessages, type ConfigResponse } from '../lib/messages'

export default defineBackground(() => {
  const config = (): ConfigResponse => ({
    ruleSet: defaultRuleSetInput as ConfigResponse['ruleSet'],
    fingerprints: [],
    unit: '未设置单位',
    user: 'anonymous',
    storeText: false,
    siteProfiles: [],
    serverConfigured: false,
    model: null,
    extensionVersion: browser.runtime.getManifest().version,
  })

  handleMessages(browser.runtime.onMessage as never, {
    'config:get': () => config(),
    // No offscreen model in the fallback: the content script runs on rules alone.
    'model:predict': () => ({ error: '未加载模型' }),
    // No queue in the fallback: events are dropped (the real background persists and sends them).
    'telemetry:push': (m) => ({ queued: m.events.length }),
    'tab:status': () => ({ ok: true }),
    'quota:get': () => null,
  })
})
