/**
 * Merges the judges' output (scratch/judge/out-*.jsonl, keyed by id) into the committed sample
 * models/data/judged/findings.jsonl: document, offsets, rule, verdict, reason — no document text.
 *
 *   npx tsx models/audit/collect.ts scratch/judge
 */
import fs from 'node:fs'
import path from 'node:path'
import { JUDGED_FILE, JudgmentSchema, loadJudgments, type Judgment } from './judgments'
import { judgmentKey } from './findings'

const dir = process.argv[2] ?? 'scratch/judge'
const all = new Map(loadJudgments().map((j) => [judgmentKey(j), j]))
let added = 0
for (const name of fs.readdirSync(dir).filter((n) => /^out-\d+\.jsonl$/.test(n)).sort()) {
  for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter((l) => l.trim())) {
    const o = JSON.parse(line) as { id: string; verdict: string; reason: string }
    const m = /^(.+)#(\d+)-(\d+)#(.+)$/.exec(o.id)
    if (!m) throw new Error(`${name}: bad id ${o.id}`)
    const j: Judgment = JudgmentSchema.parse({ file: m[1], start: Number(m[2]), end: Number(m[3]), ruleId: m[4], verdict: o.verdict, reason: String(o.reason ?? '').slice(0, 200) || '—' })
    if (!all.has(o.id)) added++
    all.set(o.id, j)
  }
}
const sorted = [...all.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || a.start - b.start)
fs.mkdirSync(path.dirname(JUDGED_FILE), { recursive: true })
fs.writeFileSync(JUDGED_FILE, sorted.map((j) => JSON.stringify(j)).join('\n') + '\n')
console.log(`${sorted.length} judgments (${added} new) → ${JUDGED_FILE}`)
