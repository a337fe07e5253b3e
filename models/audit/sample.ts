/**
 * Writes findings to judge (text included, so outside the repo: scratch/judge/) — up to `per`
 * findings per rule, spread over documents, skipping findings already judged.
 *
 *   npx tsx models/audit/sample.ts scratch/judge 12 150
 */
import fs from 'node:fs'
import path from 'node:path'
import { corpusFindings, judgmentKey, type CorpusFinding } from './findings'
import { loadJudgments } from './judgments'
import { rng, shuffle } from '../train/random'
import { defaultRuleSet } from '../../core'

const [dir = 'scratch/judge', perArg = '12', sizeArg = '150'] = process.argv.slice(2)
const per = Number(perArg)
const judged = new Set(loadJudgments().map(judgmentKey))
const { findings, texts } = corpusFindings()
const rules = new Map(defaultRuleSet().rules.map((r) => [r.id, r]))
const byRule = new Map<string, CorpusFinding[]>()
for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f])
const rand = rng(20261203)
const chosen: CorpusFinding[] = []
for (const [ruleId, list] of [...byRule].sort()) {
  const have = list.filter((f) => judged.has(judgmentKey(f))).length
  // Round-robin over documents so one long report does not fill a rule's sample.
  const byDoc = new Map<string, CorpusFinding[]>()
  for (const f of shuffle(list.filter((f) => !judged.has(judgmentKey(f))), rand)) byDoc.set(f.file, [...(byDoc.get(f.file) ?? []), f])
  const docs = [...byDoc.values()]
  for (let k = 0; chosen.filter((f) => f.ruleId === ruleId).length + have < per && docs.some((d) => d.length); k++) {
    const d = docs[k % docs.length]!
    if (d.length) chosen.push(d.shift()!)
  }
  void ruleId
}
const order = shuffle(chosen, rand)
fs.mkdirSync(dir, { recursive: true })
const size = Number(sizeArg)
for (let b = 0; b * size < order.length; b++) {
  const lines = order.slice(b * size, (b + 1) * size).map((f) => {
    const t = texts.get(f.file)!
    const ls = t.lastIndexOf('\n', f.start - 1) + 1
    let le = t.indexOf('\n', f.end)
    if (le < 0) le = t.length
    const from = Math.max(ls, f.start - 120)
    const to = Math.min(le, f.end + 120)
    const rule = rules.get(f.ruleId)!
    return JSON.stringify({
      id: judgmentKey(f),
      category: f.category,
      rule: rule.title,
      title: t.slice(0, t.indexOf('\n')).slice(0, 40),
      context: `${t.slice(from, f.start)}【${t.slice(f.start, f.end)}】${t.slice(f.end, to)}`,
      message: f.message,
    })
  })
  fs.writeFileSync(path.join(dir, `judge-${String(b).padStart(3, '0')}.jsonl`), lines.join('\n') + '\n')
}
console.log(`${order.length} findings to judge over ${byRule.size} firing rules, ${Math.ceil(order.length / size)} batches in ${dir}`)
