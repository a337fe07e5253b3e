import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { MODELS_DIR, readJsonl } from '../train/data'

export const JUDGED_FILE = path.join(MODELS_DIR, 'data', 'judged', 'findings.jsonl')

/** One real finding, judged by reading it in its document: right (ok) or wrong, and why. */
export const JudgmentSchema = z
  .object({
    file: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    ruleId: z.string(),
    verdict: z.enum(['ok', 'wrong']),
    reason: z.string().min(1).max(200),
  })
  .strict()
export type Judgment = z.infer<typeof JudgmentSchema>

export function loadJudgments(file = JUDGED_FILE): Judgment[] {
  return fs.existsSync(file) ? readJsonl(file, JudgmentSchema) : []
}
