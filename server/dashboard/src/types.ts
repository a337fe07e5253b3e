/** Shapes of the service's answers (see docs/api.md). */
export interface Measures {
  documents: number
  avgScore: number | null
  overCapRate: number | null
  overCap: number
  disguised: number
  frame: number
  findings: Record<string, number>
}

export interface Overview {
  basis: 'filed' | 'analyzed' | 'all'
  totals: Measures & { byKind: Record<string, number>; units: number; users: number }
  weekly: Array<Measures & { week: string }>
  byUnit: Array<Measures & { unit: string }>
  byUnitWeek: Array<{ unit: string; week: string; documents: number; avgScore: number | null }>
  byDocType: Array<Measures & { docType: string }>
  scoreHistogram: Array<{ from: number; to: number; count: number }>
  overrides: { total: number; byAction: Record<string, number>; recent: Array<{ at: string; unit: string; user: string; docType: string; action: string | null; reason: string | null; score: number }> }
}

export interface RuleStat {
  ruleId: string
  title: string | null
  category: string | null
  hits: number
  dismissals: number
  falsePositives: number
  dismissRate: number | null
  falsePositiveRate: number | null
}

export interface OverrideNote {
  at: string
  user: string
  action: string | null
  reason: string | null
}

export interface FiledRecord {
  id: string
  at: string
  unit: string
  user: string
  docType: string
  chars: number
  cap: number | null
  score: number
  action: string | null
  docHash: string | null
  rulesetVersion: string
  extensionVersion: string
  counts: Record<string, number>
  ruleIds: string[]
  flags: { overCap: boolean | null; disguisedDirective: boolean | null; frame: boolean | null; copiedShare: number | null }
  overrides: OverrideNote[]
  hasText: boolean
}

export interface DocumentDetail {
  docHash: string
  filed: FiledRecord[]
  analyses: Array<{ at: string; score: number; user: string; unit: string }>
  text: { title: string | null; text: string; storedAt: string; unit: string } | null
}

export interface QuotaStatus {
  unit: string
  year: number
  filed: number
  quota: number | null
  quotaSource: 'set' | 'last-year' | 'none'
  lastYear: number
  byDocType: Record<string, { filed: number; quota: number | null; level: 'ok' | 'warn' | 'over' }>
  level: 'ok' | 'warn' | 'over'
}

export interface RuleSetVersion {
  rev: number
  setId: string
  version: string
  name: string
  rules: number
  note: string | null
  publishedBy: string
  publishedAt: string
  current: boolean
}

export interface TokenRecord {
  id: string
  role: 'drafter' | 'reviewer' | 'admin'
  name: string
  unit: string | null
  createdAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

export interface SuperiorDoc {
  id: string
  title: string
  issuer: string | null
  docNo: string | null
  issuedOn: string | null
  chars: number
  shingles: number
  createdAt: string
  createdBy: string
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  actorName: string
  action: string
  target: string | null
  detail: unknown
}
