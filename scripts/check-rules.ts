/**
 * Validates a rule set and runs every rule's examples; prints failures and counts per category.
 * Usage: tsx scripts/check-rules.ts [rules.json] [--only prefix]
 */
import { readFileSync } from 'node:fs'
import { RuleSetSchema, defaultRuleSetInput, formatZodError, runRuleExamples } from '../core'

const args = process.argv.slice(2)
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined
const file = args.find((a, i) => !a.startsWith('--') && i !== onlyAt + 1)
const input = file ? JSON.parse(readFileSync(file, 'utf8')) : defaultRuleSetInput
const parsed = RuleSetSchema.safeParse(input)
if (!parsed.success) {
  console.error('规则集格式错误：')
  for (const line of formatZodError(parsed.error)) console.error('  ' + line)
  process.exit(2)
}
const rs = parsed.data
const byCat = new Map<string, number>()
for (const r of rs.rules) byCat.set(r.category, (byCat.get(r.category) ?? 0) + 1)
console.log(`规则 ${rs.rules.length} 条：` + [...byCat].map(([c, n]) => `${c} ${n}`).join('，'))
const results = runRuleExamples(rs, only ? (r) => r.id.startsWith(only) : undefined)
const failed = results.filter((r) => !r.ok)
for (const f of failed) console.log(`✗ ${f.ruleId} ${f.kind}#${f.index}: ${f.problem}\n    ${f.text}`)
console.log(`例句 ${results.length} 个，通过 ${results.length - failed.length}，失败 ${failed.length}`)
process.exit(failed.length ? 1 : 0)
