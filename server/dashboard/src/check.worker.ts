/// <reference lib="webworker" />
/** Checks a rule set off the page's thread: JSON syntax, the engine's schema, every rule's examples. */
import { z } from 'zod'
import { formatZodError, RuleSetSchema, runRuleExamples, type ExampleResult } from '../../../core'

z.config(z.locales.zhCN())

export interface Check {
  syntax: string | null
  errors: string[]
  examples: ExampleResult[]
  ms: number
}

function check(src: string): Check {
  const t = performance.now()
  let json: unknown
  try {
    json = JSON.parse(src)
  } catch (e) {
    return { syntax: (e as Error).message, errors: [], examples: [], ms: 0 }
  }
  const parsed = RuleSetSchema.safeParse(json)
  if (!parsed.success) return { syntax: null, errors: formatZodError(parsed.error), examples: [], ms: performance.now() - t }
  return { syntax: null, errors: [], examples: runRuleExamples(parsed.data), ms: performance.now() - t }
}

self.onmessage = (e: MessageEvent<{ id: number; src: string }>) => {
  self.postMessage({ id: e.data.id, result: check(e.data.src) })
}
