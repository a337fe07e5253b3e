import type { Category, Severity } from '../schema/common'
import type { Fix } from '../schema/report'
import { hashString } from '../text/shingle'

/** Stable across edits elsewhere: rule, the text it sits in, and its place in that text. */
export const findingKey = (ruleId: string, text: string, rel: number) => `${ruleId}:${hashString(text).toString(36)}:${rel}`

/** A finding before scoring: score.ts turns `weight` and the dimension rules into points. */
export interface RawFinding {
  ruleId: string
  category: Category
  severity: Severity
  start: number
  end: number
  message: string
  suggestion?: string
  fix?: Fix
  weight: number
  origin: 'rule' | 'model'
  confidence?: number
  /** Sentence the finding sits in; -1 for whole-document findings. */
  sentence: number
  /** Stable part of the id: survives edits elsewhere in the document. */
  key: string
  /** picky: shown only in 严格模式, never scored. */
  tier: 'default' | 'picky'
  /** Set by the scorer for findings that carry the dimension's points alone (length cap, copy runs). */
  share?: number
}
