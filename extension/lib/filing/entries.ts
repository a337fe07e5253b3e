/**
 * The filing check over several editors (正文 and 拟办意见, or an editor in another frame): one
 * entry per editor, the strictest decision over all of them.
 */
import { decideFiling, type FilingAction, type FilingDecision } from '../../../core'
import { docHash } from '../hash'
import type { FilingEntry } from '../messages'
import type { EditorSession } from '../session'

const RANK: Record<FilingAction, number> = { pass: 0, warn: 1, justify: 2, block: 3 }

/** Analyses the editor's current text now (never a stale report) and applies the rule set's policy. */
export async function filingEntry(session: EditorSession, label: string): Promise<FilingEntry> {
  const report = session.run()
  return { label, report, decision: decideFiling(report, session.ruleSet.filing), docHash: await docHash(session.text) }
}

/** The strictest action; with several editors each reason says which editor it is about. */
export function combineDecisions(entries: FilingEntry[]): FilingDecision {
  let action: FilingAction = 'pass'
  const reasons: string[] = []
  for (const e of entries) {
    if (RANK[e.decision.action] > RANK[action]) action = e.decision.action
    for (const r of e.decision.reasons) reasons.push(entries.length > 1 ? `${e.label}：${r}` : r)
  }
  return { action, reasons }
}

/** The document being filed, for telemetry: the longest text (正文 rather than 拟办意见). */
export const mainEntry = (entries: FilingEntry[]): FilingEntry | undefined =>
  entries.reduce<FilingEntry | undefined>((best, e) => (!best || e.report.chars > best.report.chars ? e : best), undefined)

export function isFilingEntries(x: unknown): x is FilingEntry[] {
  return Array.isArray(x) && x.every((e) => typeof e === 'object' && e !== null && typeof (e as FilingEntry).label === 'string' && typeof (e as FilingEntry).report?.score === 'number' && typeof (e as FilingEntry).decision?.action === 'string')
}
