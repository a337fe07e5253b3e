/** The content script's configuration: from the background when it answers, else bundled. */
import { defaultRuleSet, parseRuleSet, type RuleSet } from '../../core'
import { managedFiling } from './background/managed'
import { send, type ConfigResponse } from './messages'

export interface Config extends Omit<ConfigResponse, 'ruleSet'> {
  ruleSet: RuleSet
  /** Where the config came from; 'bundled' means the background did not answer. */
  source: 'background' | 'bundled'
}

function manifestVersion(): string {
  const rt = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version: string } } } }).chrome?.runtime
  try {
    return rt?.getManifest?.().version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

export function bundledConfig(): Config {
  return {
    ruleSet: defaultRuleSet(),
    fingerprints: [],
    unit: '未设置单位',
    user: 'anonymous',
    storeText: false,
    siteProfiles: [],
    strict: false,
    filing: null,
    serverConfigured: false,
    model: null,
    extensionVersion: manifestVersion(),
    source: 'bundled',
  }
}

export async function loadConfig(timeoutMs = 1500): Promise<Config> {
  const res = await send('config:get', {}, timeoutMs)
  if (!res) return bundledConfig()
  let ruleSet: RuleSet
  try {
    ruleSet = res.ruleSet === null ? defaultRuleSet() : parseRuleSet(res.ruleSet)
  } catch (e) {
    console.warn('[办文] 后台下发的规则集无效，改用内置规则集', e)
    ruleSet = defaultRuleSet()
  }
  // The unit's browser policy decides when a draft may be filed, whatever rule set is in force.
  if (res.filing) ruleSet = { ...ruleSet, filing: managedFiling(ruleSet.filing, { filing: res.filing }) }
  return {
    ...bundledConfig(),
    ...res,
    ruleSet,
    fingerprints: res.fingerprints ?? [],
    siteProfiles: res.siteProfiles ?? [],
    strict: res.strict === true,
    extensionVersion: res.extensionVersion || manifestVersion(),
    source: 'background',
  }
}
