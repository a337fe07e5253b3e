import type { DemandPolicy, Calendar } from '../schema/ruleset'
import type { Sentence } from '../text/segment'
import { HANDS_ON, readDemands, type DemandReading, type DemandState } from './read'
import { isBurden, onOthers } from './policy'
import { resolveDeadline } from './deadline'
import type { LruMap } from '../lru'

/** A reading placed in the document, with what the policy makes of it. */
export interface PlacedDemand extends DemandReading {
  sentence: number
  /** Absolute offsets of the demanded action and of the deadline phrase. */
  absStart: number
  absEnd: number
  onOthers: boolean
  burden: boolean
  deadlineDate: string | null
  workdays: number | null
}


export interface DemandContext {
  policy: DemandPolicy
  calendar: Calendar
  directive: boolean
  /** 成文日期 (or today in the editor); deadlines are only weighed against a known date. */
  issued: string | null
  cache: LruMap<string, { readings: DemandReading[]; state: DemandState }>
}

export function placeDemands(body: Sentence[], ctx: DemandContext): PlacedDemand[] {
  const out: PlacedDemand[] = []
  let carried: DemandState = {}
  for (const s of body) {
    const key = `${carried.actor ?? ''}|${carried.modality ?? ''}|${s.text}`
    let read = ctx.cache.get(key)
    if (!read) {
      read = readDemands(s.text, carried)
      ctx.cache.set(key, read)
    }
    carried = HANDS_ON.test(s.text) ? read.state : {}
    for (const r of read.readings) {
      const resolved = r.deadline && ctx.issued ? resolveDeadline(r.deadline, ctx.issued, ctx.calendar) : null
      const workdays = resolved?.workdays ?? null
      out.push({
        ...r,
        sentence: s.index,
        absStart: s.start + r.start,
        absEnd: s.start + r.end,
        onOthers: onOthers(r, ctx.directive),
        burden: isBurden(r, ctx.policy, ctx.directive, workdays),
        deadlineDate: resolved?.date ?? null,
        workdays,
      })
    }
  }
  return out
}
