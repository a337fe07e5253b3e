/** Settings from browser policy (chrome.storage.managed) over the drafter's own, in Node. */
import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from '../../core'
import { memoryKV } from '../../extension/lib/background/kv'
import { applyManaged, lockedFields, MANAGED_KEY, managedFiling, mirrorManaged, readManagedPolicy } from '../../extension/lib/background/managed'
import { loadLocalSettings, loadSettings, SETTINGS_KEY } from '../../extension/lib/background/settings'

const local = { serverUrl: 'https://mine.example.cn', token: 'my-token', unit: '本人填的单位', user: 'u-12345678', siteProfiles: [], strict: false }
const area = (values: Record<string, unknown>) => ({ get: async () => structuredClone(values) })

describe('managed policy', () => {
  it('keeps good fields, drops bad and unknown ones with a Chinese note each', () => {
    const { policy, problems } = readManagedPolicy({
      serverUrl: '  https://banwen.example.gov.cn  ',
      token: 42,
      unit: '某县农业农村局',
      filing: { blockBelow: 30, blockOn: ['copied'] },
      colour: 'red',
    })
    expect(policy).toEqual({ serverUrl: 'https://banwen.example.gov.cn', unit: '某县农业农村局', filing: { blockBelow: 30, blockOn: ['copied'] } })
    expect(problems).toHaveLength(2)
    expect(problems.join()).toMatch(/访问令牌/)
    expect(problems.join()).toMatch(/colour/)
    // A filing policy with a score outside 0–100 or an unknown flag is refused as a whole field.
    expect(readManagedPolicy({ filing: { warnBelow: 120 } }).policy).toEqual({})
    expect(readManagedPolicy({ filing: { blockOn: ['everything'] } }).policy).toEqual({})
    expect(readManagedPolicy({ serverUrl: 'ftp://x.example.cn' }).policy).toEqual({})
    expect(readManagedPolicy(null)).toEqual({ policy: {}, problems: [] })
  })

  it('wins over local settings for the fields it sets and only those; the user code stays the drafter’s', () => {
    const policy = { serverUrl: 'https://banwen.example.gov.cn', unit: '某县农业农村局' }
    expect(applyManaged(local, policy)).toEqual({ ...local, serverUrl: 'https://banwen.example.gov.cn', unit: '某县农业农村局' })
    expect(lockedFields(policy)).toEqual(['serverUrl', 'unit'])
    expect(applyManaged(local, {})).toEqual(local)
    // An empty string is a decision too (no service): it locks the field.
    expect(applyManaged(local, { serverUrl: '' }).serverUrl).toBe('')
  })

  it('lays the managed filing policy over the rule set’s', () => {
    const base = defaultRuleSet().filing
    const merged = managedFiling(base, { filing: { blockBelow: 55, blockOn: ['overCap'] } })
    expect(merged).toEqual({ ...base, blockBelow: 55, blockOn: ['overCap'] })
    expect(managedFiling(base, {})).toEqual(base)
  })

  it('mirrors the managed area into storage, applies it on load, and forgets it when the policy goes', async () => {
    const kv = memoryKV({ [SETTINGS_KEY]: local })
    expect(await mirrorManaged(kv, area({ serverUrl: 'https://banwen.example.gov.cn', token: 'it-token' }))).toEqual({ changed: true, problems: [] })
    expect((await mirrorManaged(kv, area({ serverUrl: 'https://banwen.example.gov.cn', token: 'it-token' }))).changed).toBe(false)
    expect(await loadSettings(kv)).toMatchObject({ serverUrl: 'https://banwen.example.gov.cn', token: 'it-token', unit: '本人填的单位' })
    // The drafter's own values are kept underneath, untouched.
    expect(await loadLocalSettings(kv)).toEqual(local)
    expect((await mirrorManaged(kv, area({}))).changed).toBe(true)
    expect(kv.data.has(MANAGED_KEY)).toBe(false)
    expect(await loadSettings(kv)).toEqual(local)
    // A browser without a managed area (or one that throws) means no policy.
    expect((await mirrorManaged(kv, undefined)).changed).toBe(false)
    expect((await mirrorManaged(kv, { get: () => Promise.reject(new Error('no schema')) })).changed).toBe(false)
  })
})
