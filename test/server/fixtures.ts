import { defaultRuleSet, type TelemetryEvent } from '../../core'
import { createHash } from 'node:crypto'
import { counts, event } from './helpers'

const docHash = (n: number) => createHash('sha256').update(`demo-${n}`).digest('hex')

const UNITS = ['县委办公室', '县政府办公室', '县农业农村局', '县交通运输局', '城关镇']
const TYPES = ['通知', '方案', '报告', '工作提示', '意见', '请示']
/** Real rule ids, a few per category, so the dashboard can name them. */
const RULES = (['tao', 'burden', 'frame', 'disguise', 'escalation'] as const).flatMap((c) => defaultRuleSet().rules.filter((r) => r.category === c).slice(0, 2).map((r) => r.id))
const REASONS = ['本文为转发上级通知，篇幅由上级文件决定', '领导要求本周内印发', '涉及多个部门职责，需完整列明', '专项整治方案，内容确需详细']

/** A deterministic pseudo-random sequence, so screenshots and checks are stable. */
function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

/** Twelve weeks of an office's telemetry: scores improving, some over-long and disguised documents, overrides with reasons. */
export function demoEvents(weeks = 12, end = new Date('2026-11-20T02:00:00Z')): TelemetryEvent[] {
  const r = rng(7)
  const out: TelemetryEvent[] = []
  let n = 1
  for (let w = weeks - 1; w >= 0; w--) {
    const perWeek = 6 + Math.floor(r() * 6)
    for (let i = 0; i < perWeek; i++) {
      const at = new Date(end.getTime() - (w * 7 + Math.floor(r() * 5)) * 86400000 - Math.floor(r() * 8) * 3600000).toISOString()
      const unit = UNITS[Math.floor(r() * UNITS.length)]!
      const docType = TYPES[Math.floor(r() * TYPES.length)]!
      const trend = (weeks - w) * 1.6
      const score = Math.max(20, Math.min(100, Math.round(58 + trend + r() * 30 - 8)))
      const cap = docType === '请示' ? 800 : 5000
      const chars = Math.round(cap * (0.3 + r() * (score < 65 ? 0.9 : 0.7)))
      const overCap = chars > cap
      const disguised = docType === '工作提示' && score < 70
      const ruleIds = RULES.filter(() => r() < (100 - score) / 60)
      const hash = docHash(n++)
      const base = { unit, docType, chars, cap, score, docHash: hash, user: `u-${Math.floor(r() * 20)}`, flags: { overCap, disguisedDirective: disguised, frame: r() < 0.3, copiedShare: r() < 0.2 ? Math.round(r() * 700) / 1000 : null } }
      const c = counts({ tao: Math.round((100 - score) / 8), burden: Math.round(r() * 3), frame: base.flags.frame ? 1 : 0, length: overCap ? 1 : 0, disguise: disguised ? 1 : 0 })
      out.push(event({ ...base, kind: 'analyzed', at, counts: c, ruleIds }))
      const action = score < 40 ? 'block' : score < 70 || overCap || disguised ? 'justify' : score < 85 ? 'warn' : 'pass'
      if (action === 'justify') out.push(event({ ...base, kind: 'override', at, counts: c, ruleIds, action: 'submitted', reason: REASONS[Math.floor(r() * REASONS.length)] }))
      if (action !== 'block') out.push(event({ ...base, kind: 'filed', at, counts: c, ruleIds, action }))
      for (const id of ruleIds) if (r() < 0.25) out.push(event({ ...base, kind: r() < 0.5 ? 'false-positive' : 'dismiss', at, counts: c, ruleIds, ruleId: id }))
    }
  }
  // Last year's filings: the default quota for each unit (只减不增).
  UNITS.forEach((unit, u) => {
    for (let i = 0; i < 16 + u * 3; i++)
      out.push(event({ kind: 'filed', action: 'pass', unit, docType: TYPES[i % TYPES.length]!, score: 55 + ((i * 7 + u * 5) % 30), docHash: docHash(n++), at: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15T02:00:00Z` }))
  })
  return out
}
