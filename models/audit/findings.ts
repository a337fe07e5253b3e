import fs from 'node:fs'
import path from 'node:path'
import { createAnalyzer, defaultRuleSet, type Finding, type RuleSet } from '../../core'
import { SHARED_DIR } from '../train/data'
import { listDocuments } from '../data/real/select'

export interface CorpusFinding extends Finding {
  file: string
}

/**
 * Every rule finding on every document of ../shared, tiers ignored (严格模式): what the audit
 * judges. The model's marks are measured on the labelled dev set instead (npm run eval).
 */
export function corpusFindings(ruleSet?: RuleSet): { findings: CorpusFinding[]; texts: Map<string, string> } {
  // Audited as if an empty 督查检查考核 plan were kept: the plan rule then fires on every
  // deployment it detects, and its precision is the detector's.
  const rs = ruleSet ?? defaultRuleSet()
  const analyzer = createAnalyzer({ ruleSet: { ...rs, plan: { year: 2026, items: [] } }, strict: true })
  const findings: CorpusFinding[] = []
  const texts = new Map<string, string>()
  for (const file of listDocuments()) {
    const text = fs.readFileSync(path.join(SHARED_DIR, file), 'utf8')
    texts.set(file, text)
    for (const f of analyzer.analyzeSync(text).findings) if (f.origin === 'rule') findings.push({ ...f, file })
  }
  return { findings, texts }
}

export const judgmentKey = (j: { file: string; start: number; end: number; ruleId: string }) => `${j.file}#${j.start}-${j.end}#${j.ruleId}`
