import type { Finding, Fix } from './schema/report'

/** The text that 采纳 puts where the finding's span was. */
export const fixText = (fix: Fix): string => (fix.op === 'replace' ? fix.text : '')

/** The whole text after 采纳 on one finding (the editors do the same through their own input path). */
export function applyFix(text: string, finding: Pick<Finding, 'start' | 'end' | 'fix'>): string {
  if (!finding.fix) return text
  return text.slice(0, finding.start) + fixText(finding.fix) + text.slice(finding.end)
}
