import {
  AGENT_BEFORE,
  DEADLINE,
  DONE,
  ABOUT_BURDEN,
  EQUIPMENT,
  NAMED_OFFICE,
  FORBID,
  FREQUENCY_PATTERNS,
  IMPERATIVE_OPEN,
  ISSUER_ACTOR,
  KIND_PATTERNS,
  LOWER_ACTOR,
  PERMIT,
  RECIPIENT_BEFORE,
  REGULATED,
  REQUIRE,
  type DemandKind,
  type Frequency,
} from './lexicon'

export type Actor = 'lower' | 'addressee' | 'issuer' | 'equipment' | 'regulated'
export type Modality = 'require' | 'imperative' | 'state' | 'forbid' | 'permit'

/** One thing a sentence asks for (or forbids, or reports as done), offsets relative to the sentence. */
export interface DemandReading {
  kind: DemandKind
  actor: Actor
  modality: Modality
  tense: 'todo' | 'done'
  frequency: Frequency | null
  /** The deadline phrase as written (3个工作日内, 5月20日前), if the clause has one. */
  deadline: string | null
  deadlineAt: number | null
  /** The demanded action: frequency + verb + object where they stand together. */
  start: number
  end: number
  clauseStart: number
  clauseEnd: number
}

interface Clause {
  start: number
  end: number
  text: string
  /** The mark that ends the clause ('' at the end of the sentence). */
  after: string
}

const CLAUSE_MARK = /[，,；;：:、]/u
/** Clauses end at ，；： but 、 only separates list items; list items keep their clause. */
function clauses(text: string): Clause[] {
  const out: Clause[] = []
  let from = 0
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i]
    if (i === text.length || (ch !== '、' && CLAUSE_MARK.test(ch!))) {
      if (i > from) out.push({ start: from, end: i, text: text.slice(from, i), after: text[i] ?? '' })
      from = i + 1
    }
  }
  return out
}

/** First match of `re` in `s` whose start is before `limit`, or null. */
function firstBefore(re: RegExp, s: string, limit = s.length): RegExpExecArray | null {
  const m = re.exec(s)
  return m && m.index < limit ? m : null
}

function actorIn(c: Clause, kindAt: number): Actor | null {
  const head = c.text.slice(0, kindAt)
  const trimmed = head.replace(/^[\s（(一二三四五六七八九十\d.、）)]+/u, '')
  if (ISSUER_ACTOR.test(trimmed) || NAMED_OFFICE.test(trimmed)) return 'issuer'
  if (EQUIPMENT.test(c.text)) return 'equipment'
  const global = new RegExp(LOWER_ACTOR.source, 'gu')
  for (const m of head.matchAll(global)) {
    const before = head.slice(0, m.index)
    if (RECIPIENT_BEFORE.test(before) && !AGENT_BEFORE.test(before)) continue
    return 'lower'
  }
  if (REGULATED.test(trimmed)) return 'regulated'
  return null
}

function modalityIn(c: Clause, kindAt: number): Modality | null {
  const head = c.text.slice(0, kindAt + 2)
  if (firstBefore(FORBID, head, kindAt + 2)) return 'forbid'
  if (firstBefore(PERMIT, head, kindAt)) return 'permit'
  if (firstBefore(REQUIRE, head, kindAt + 1)) return 'require'
  return null
}

function frequencyIn(s: string): { f: Frequency; at: number; len: number } | null {
  let best: { f: Frequency; at: number; len: number } | null = null
  for (const [f, re] of FREQUENCY_PATTERNS) {
    const m = re.exec(s)
    if (m && (best === null || m.index < best.at)) best = { f, at: m.index, len: m[0].length }
  }
  return best
}

/**
 * Reads what a sentence asks of whom. Actor, modality, tense and frequency carry from clause to
 * clause within the sentence (各乡镇要建立台账，每周报送进展: the second clause is still 各乡镇's,
 * still required); a clause's own cue overrides what it carries.
 */
export interface DemandState {
  actor?: Actor
  modality?: Modality
}

/** Most sentences ask for nothing: one scan for any kind cue spares the clause-by-clause read. */
const ANY_KIND = new RegExp(KIND_PATTERNS.map(([, re]) => `(?:${re.source})`).join('|'), 'u')
/** A sentence ending in ；or ： hands its actor and modality to the next (各乡镇要：建立台账；每周报送). */
export const HANDS_ON = /[；;：:]\s*$/u

export function readDemands(text: string, carried: DemandState = {}): { readings: DemandReading[]; state: DemandState } {
  if (!ANY_KIND.test(text) && !HANDS_ON.test(text)) return { readings: [], state: {} }
  const readings: DemandReading[] = []
  let actor: Actor | null = carried.actor ?? null
  let modality: Modality | null = carried.modality ?? null
  // 不得以检查为名，要求基层报送材料: a clause opened by a prohibition governs the clauses that
  // follow it after ，until a new subject or a ；.
  let prohibited = carried.modality === 'forbid'
  let done = false
  let frequency: Frequency | null = null
  const critique = ABOUT_BURDEN.test(text)
  for (const c of clauses(text)) {
    const lead = c.text.trimStart()
    if (prohibited && SUBJECT_FIRST.test(lead)) prohibited = false
    const ownDone = firstBefore(DONE, c.text) !== null
    const freq = frequencyIn(c.text)
    // A frequency reaches the next clause only when that clause continues the same action
    // (每周汇总，并报送县办); 每月巡查至少1次，及时上报 does not make the report monthly.
    if (freq) frequency = freq.f
    else if (!CONTINUES.test(c.text.trimStart())) frequency = null
    const kindHit = kindIn(c.text)
    const limit = kindHit?.at ?? c.text.length
    const ownActor = actorIn(c, limit)
    const ownModality = modalityIn(c, limit)
    if (ownActor) actor = ownActor
    // 已填报的内容，各乡镇仍须另行报送: a clause with its own 须/要 is a new demand, not the past.
    if (ownDone) done = true
    else if (ownModality === 'require') done = false
    // A prohibition reaches later clauses only through `prohibited` (不得……，要求……).
    if (ownModality && ownModality !== 'forbid') modality = ownModality
    const opensProhibition = ownModality === 'forbid' && FORBID_OPEN.test(lead)
    if (kindHit) {
      const imperative = IMPERATIVE_OPEN.test(lead) || kindHit.at === 0
      const dl = DEADLINE.exec(c.text)
      let start = kindHit.at
      if (freq && freq.at < start && start - (freq.at + freq.len) <= 12) start = freq.at
      // 与各街镇签订责任书: for pledges and vetoes the lower party may stand anywhere in the clause.
      const party = PARTY_KINDS.has(kindHit.kind) && LOWER_ACTOR.test(c.text) ? 'lower' : null
      readings.push({
        kind: kindHit.kind,
        actor: party ?? actor ?? 'addressee',
        modality: critique || prohibited || ownModality === 'forbid' ? 'forbid' : (ownModality ?? modality ?? (imperative ? 'imperative' : 'state')),
        tense: done ? 'done' : 'todo',
        frequency: freq?.f ?? frequency,
        deadline: dl ? dl[0] : null,
        deadlineAt: dl ? c.start + dl.index : null,
        start: c.start + start,
        end: c.start + kindHit.end,
        clauseStart: c.start,
        clauseEnd: c.end,
      })
    }
    const comma = c.after === '，' || c.after === ','
    prohibited = comma && (prohibited || opensProhibition)
  }
  return { readings, state: { ...(actor ? { actor } : {}), ...(modality ? { modality } : {}) } }
}

/** Kinds where the lower party may be the object: 与各乡镇签订, 对各区暗访, 通报各部门排名. */
const PARTY_KINDS = new Set<DemandKind>(['pledge', 'veto', 'inspection'])
const CONTINUES = /^(?:并|并且|同时|再|然后|汇总后|统一)/u
const SUBJECT_FIRST = new RegExp(`^(?:${LOWER_ACTOR.source})`, 'u')
const FORBID_OPEN = new RegExp(`^(?:${FORBID.source})`, 'u')
/** The verb that governs a ledger, form or proof: 建立走访台账, 拍摄现场照片. */
const ACTION_VERB = /(?:建立|建好|完善|更新|填写|上传|拍摄|收集|整理|制作|准备|签订|提供|留存)[^，。；、]{0,8}$/u
const REPORT_VERB = /报送|上报|上传|提交|填报|报告|汇报/u

/**
 * The most specific kind in the clause (台账 over 报送), its span widened to the report verb
 * that goes with it (每周报送工作台账 → 报送工作台账).
 */
function kindIn(s: string): { kind: DemandKind; at: number; end: number } | null {
  for (const [kind, re] of KIND_PATTERNS) {
    const m = re.exec(s)
    if (!m) continue
    let at = m.index
    let end = m.index + m[0].length
    const verb = ACTION_VERB.exec(s.slice(Math.max(0, at - 10), at))
    if (verb && kind !== 'report') at = Math.max(0, at - 10) + verb.index
    if (kind !== 'report') {
      const v = REPORT_VERB.exec(s)
      if (v && v.index < at && at - (v.index + v[0].length) <= 10) at = v.index
      else if (v && v.index >= end && v.index - end <= 6) end = v.index + v[0].length
    }
    return { kind, at, end }
  }
  return null
}

/**
 * For a rule hit where no demand was read: does its clause say nobody below is asked? Devices
 * (安装在线监测设备), the burden criticised or cut, a past result, a prohibition before the hit.
 */
export function nobodyAsked(text: string, start: number, end: number): boolean {
  const c = clauses(text).find((x) => x.start <= start && end <= x.end + 1)
  if (!c) return false
  const head = c.text.slice(0, start - c.start)
  return EQUIPMENT.test(c.text) || ABOUT_BURDEN.test(text) || DONE.test(head) || FORBID.test(head) || REGULATED.test(c.text.trimStart())
}
