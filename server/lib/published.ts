import { createAnalyzer, type Analyzer, type Fingerprint, type RuleSet, type SentenceClassifier } from '../../core'
import type { Store } from '../store'
import { etagOf } from './hash'
import { safeError } from './log'
import { API_HEADERS } from './secure-headers'
import { applyOverrides, type UnitOverrides } from './overrides'
import { yearIn } from './time'

/** A JSON answer the extension polls: its text and ETag, computed once. */
export interface Versioned {
  json: string
  etag: string
  /** The headers of its 304 (and, with a Content-Type, of its 200): built once per version. */
  notModified: Readonly<Record<string, string>>
}
const versioned = (json: string): Versioned => {
  const etag = etagOf(json)
  return { json, etag, notModified: { ...API_HEADERS, ETag: etag, 'Cache-Control': 'no-cache' } }
}

export interface Served extends Versioned {
  ruleSet: RuleSet
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
  fp: Versioned
  analyzers: Map<string, Analyzer>
}

const STAMP = `SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'ruleset.current'), '') || '|' ||
  coalesce((SELECT max(rev)::text FROM rulesets), '') || '|' ||
  coalesce((SELECT max(updated_at)::text || count(*)::text FROM units), '') || '|' ||
  coalesce((SELECT count(*)::text || max(created_at)::text FROM superior_docs), '') || '|' ||
  coalesce((SELECT count(*)::text || max(updated_at)::text FROM settings WHERE key LIKE 'plan.%'), '') AS stamp`

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
    // The year's 督查检查考核 plan travels with the rules, so extensions check drafts against it.
    const year = yearIn(store.tz)
    const plan = (await store.plan.hasPlan(year)) ? { year, items: await store.plan.items(year) } : { year: null, items: [] }
    const body = { ...current.body, plan: { year: plan.year, items: plan.items.map(({ id: _id, ...item }) => item) } }
    return {
      stamp,
      rev: current.rev,
      base: { ruleSet: body, ...versioned(JSON.stringify(body)), skipped: [] },
      overrides,
      units: new Map(),
      fingerprints,
      fp: versioned(JSON.stringify({ fingerprints })),
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
      served = { ruleSet, ...versioned(JSON.stringify(ruleSet)), skipped }
      s.units.set(unit, served)
    }
    return served
  }

  return {
    async rules(unit?: string): Promise<Served> {
      return forUnit(await get(), unit)
    },
    /** The same without waiting: null until first loaded. A stale state is refreshed behind. */
    peekRules(unit?: string): Served | null {
      if (!state) return null
      if (Date.now() - checkedAt > o.refreshMs) refresh().catch((e) => console.error(`[banwen] 刷新规则集失败：${safeError(e)}`))
      return forUnit(state, unit)
    },
    async fingerprints(): Promise<Versioned & { list: Fingerprint[] }> {
      const s = await get()
      return { list: s.fingerprints, ...s.fp }
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

/** Polled answers that the extension checks by ETag; served through the API_HEADERS fast path. */
export const POLLED = new Set(['/api/rules', '/api/fingerprints'])

/** 304 when the client has this version, else the JSON; built in one go with the API's security headers. */
export function pollAnswer(ifNoneMatch: string | undefined, v: Versioned): Response {
  if (etagMatches(ifNoneMatch, v.etag)) return new Response(null, { status: 304, headers: { ...v.notModified } })
  return new Response(v.json, { status: 200, headers: { ...v.notModified, 'Content-Type': 'application/json; charset=UTF-8' } })
}

/** True when an If-None-Match header names this ETag (weak or strong, or *). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header === etag) return true
  return header.split(',').some((t) => {
    const v = t.trim()
    return v === '*' || v === etag || v === `W/${etag}`
  })
}
