/** An editor's report as plain data, for the side panel and the top frame's panel (lib/messages.ts). */
import type { EditorSnapshot } from '../messages'
import type { EditorSession } from '../session'
import { ruleTitle, snippetOf } from './rules'

/** Enough for any list a drafter reads; a pathological draft must not flood session storage. */
const MAX_FINDINGS = 300

export function snapshotOf(session: EditorSession, label: string, panelInFrame: boolean): EditorSnapshot | null {
  const report = session.report
  if (!report) return null
  const findings = session.visibleFindings().slice(0, MAX_FINDINGS)
  return {
    id: session.id,
    label,
    report: { ...report, findings: report.findings.slice(0, MAX_FINDINGS) },
    findings: findings.map((f) => ({ id: f.id, title: ruleTitle(session.ruleSet, f), snippet: snippetOf(session.text, f) })),
    panelInFrame,
  }
}
