import { createAnalyzer, type Analyzer, type Fingerprint, type RuleSet, type SentenceClassifier } from '../../core'
import type { Store } from '../store'
import { etagOf } from './hash'
import { safeError } from './log'
import { applyOverrides, type UnitOverrides } from './overrides'

export interface Served {
  ruleSet: RuleSet
  json: string
  etag: string
  /** Overrides that no longer fit the current set. */
  skipped: string[]
}

interface State {
  stamp: string
  rev: number
  base: Served
  overrides: Map<string, UnitOverrides>
  units: Map<string, Served>
  fingerprints: Fingerprint[]
  fpJson: string
  fpEtag: string
  analyzers: Map<string, Analyzer>
}

const STAMP = `SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'ruleset.current'), '') || '|' ||
  coalesce((SELECT max(rev)::text FROM rulesets), '') || '|' ||
  coalesce((SELECT max(updated_at)::text || count(*)::text FROM units), '') || '|' ||
  coalesce((SELECT count(*)::text || max(created_at)::text FROM superior_docs), '') AS stamp`

/**
 * What every extension reads, kept in memory: the current rule set (per unit, with overrides),
 * its ETag, the superior documents' fingerprints and an analyzer per unit. Changes made here
 * apply at once (`invalidate`); changes made by another instance are seen within `refreshMs`.
 */
export function createPublished(store: Store, o: { refreshMs: number; classifier: SentenceClassifier | null }) {
  let state: State | null = null
  let loading: Promise<State> | null = null
  let checkedAt = 0

  async function load(): Promise<State> {
    const [{ stamp }] = (await store.db.query<{ stamp: string }>(STAMP)) as [{ stamp: string }]
    if (state && state.stamp === stamp) return state
    const [current, overrides, fingerprints] = await Promise.all([store.rulesets.current(), store.units.allOverrides(), store.superior.fingerprints()])
    if (!current) throw new Error('没有可用的规则集')
    const json = JSON.stringify(current.body)
    const fpJson = JSON.stringify({ fingerprints })
    return {
      stamp,
      rev: current.rev,
      base: { ruleSet: current.body, json, etag: etagOf(json), skipped: [] },
      overrides,
      units: new Map(),
      fingerprints,
      fpJson,
      fpEtag: etagOf(fpJson),
      analyzers: new Map(),
    }
  }

  function refresh(): Promise<State> {
    loading ??= load()
      .then((s) => {
        state = s
        checkedAt = Date.now()
        return s
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  /** Fresh enough: served from memory. Stale: served from memory while a check runs. Never loaded: waits. */
  async function get(): Promise<State> {
    if (!state) return refresh()
    if (Date.now() - checkedAt > o.refreshMs) refresh().catch((e) => console.error(`[banwen] 刷新规则集失败：${safeError(e)}`))
    return state
  }

  function forUnit(s: State, unit: string | undefined): Served {
    if (!unit) return s.base
    const ov = s.overrides.get(unit)
    if (!ov) return s.base
    let served = s.units.get(unit)
    if (!served) {
      const { ruleSet, skipped } = applyOverrides(s.base.ruleSet, ov)
      const json = JSON.stringify(ruleSet)
      served = { ruleSet, json, etag: etagOf(json), skipped }
      s.units.set(unit, served)
    }
    return served
  }

  return {
    async rules(unit?: string): Promise<Served> {
      return forUnit(await get(), unit)
    },
    async fingerprints(): Promise<{ list: Fingerprint[]; json: string; etag: string }> {
      const s = await get()
      return { list: s.fingerprints, json: s.fpJson, etag: s.fpEtag }
    },
    /** The engine as a unit's drafters see it: its rule set, the superior documents, the model. */
    async analyzer(unit?: string): Promise<Analyzer> {
      const s = await get()
      const key = unit && s.overrides.has(unit) ? unit : ''
      let a = s.analyzers.get(key)
      if (!a) {
        a = createAnalyzer({ ruleSet: forUnit(s, unit).ruleSet, superior: s.fingerprints, classifier: o.classifier, cacheSize: 5000 })
        s.analyzers.set(key, a)
      }
      return a
    },
    /** After a change made through this instance. */
    async invalidate(): Promise<void> {
      if (loading) await loading.catch(() => {})
      state = null
      await refresh()
    },
  }
}
export type Published = ReturnType<typeof createPublished>

/** True when an If-None-Match header names this ETag (weak or strong, or *). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header === etag) return true
  return header.split(',').some((t) => {
    const v = t.trim()
    return v === '*' || v === etag || v === `W/${etag}`
  })
}
