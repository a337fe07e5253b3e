/**
 * npm run audit — judged precision per rule and per category on real documents, with 95%
 * intervals; firing rules that lack judgments; the tier each rule has earned.
 *   --write   set every rule's `tier` and `judged` (and the model's tiers) in the bundled rule set
 */
import fs from 'node:fs'
import path from 'node:path'
import { defaultRuleSet, CATEGORY_LABELS } from '../../core'
import { corpusFindings } from './findings'
import { loadJudgments } from './judgments'
import { auditCategories, auditRules, earnedTier, type RuleAudit } from './precision'
import { auditModel } from './model'
import { loadReal } from '../data/real/refs'
import { loadNodeClassifier } from '../runtime/node'

const write = process.argv.includes('--write')
const ruleSet = defaultRuleSet()
const judgments = loadJudgments()
const { findings } = corpusFindings(ruleSet)
const rules = auditRules(ruleSet, findings, judgments)
const pct = (x: number | null) => (x === null ? '  —  ' : (x * 100).toFixed(1).padStart(5))

console.log(`判定样本：${judgments.length} 条真实标注（models/data/judged/findings.jsonl），语料上 ${findings.length} 处规则标注（严格模式）`)
console.log(`入默认档的条件：判定精确率 ≥ ${ruleSet.tiers.minPrecision}，且至少 ${ruleSet.tiers.minJudged} 条判定；或在真实语料上从不触发\n`)
console.log('规则                                   类别     档     触发   判定  正确  精确率  95%区间        应得档')
for (const r of [...rules].filter((r) => r.fires > 0).sort((a, b) => a.category.localeCompare(b.category) || b.fires - a.fires))
  console.log(
    `${r.ruleId.padEnd(38)} ${r.category.padEnd(8)} ${r.tier.padEnd(7)} ${String(r.fires).padStart(5)} ${String(r.judged).padStart(5)} ${String(r.ok).padStart(5)}  ${pct(r.precision)}  [${pct(r.low)}, ${pct(r.high)}]  ${r.earned}${r.earned !== r.tier ? ' ←' : ''}`,
  )

const tierOf = (r: RuleAudit) => (write ? r.earned : r.tier)
console.log('\n类别精确率（按各规则触发次数加权的分层估计；默认档 = 展示并计分的标注）')
for (const c of auditCategories(rules, tierOf))
  console.log(`${(c.tier === 'default' ? '默认档' : '全部  ')} ${CATEGORY_LABELS[c.category].padEnd(6)} 规则 ${String(c.rules).padStart(3)}  触发 ${String(c.fires).padStart(6)}  判定 ${String(c.judged).padStart(4)}  精确率 ${pct(c.precision)}  [${pct(c.low)}, ${pct(c.high)}]  覆盖 ${(c.covered * 100).toFixed(0)}%`)

const missing = rules.filter((r) => r.fires > 0 && r.judged === 0)
console.log(`\n触发但没有判定的规则：${missing.length ? missing.map((r) => `${r.ruleId}（${r.fires}）`).join('、') : '无'}`)

const classifier = await loadNodeClassifier()
let modelTiers = ruleSet.tiers.model
if (classifier) {
  const audits = await auditModel(loadReal('dev'), classifier)
  console.log('\n模型标注（评测集句子的人工标签判定）')
  for (const m of audits) console.log(`model.${m.label.padEnd(7)} 判定 ${m.judged}  正确 ${m.ok}  精确率 ${pct(m.precision)}  [${pct(m.low)}, ${pct(m.high)}]`)
  const tier = (label: 'tao' | 'burden') => {
    const m = audits.find((a) => a.label === label)!
    return earnedTier(m.judged, m.judged, m.precision, ruleSet.tiers)
  }
  modelTiers = { tao: tier('tao'), burden: tier('burden') }
  console.log(`模型应得档：tao ${modelTiers.tao}，burden ${modelTiers.burden}`)
}

if (write) {
  const dir = path.join(import.meta.dirname, '..', '..', 'core', 'ruleset', 'default')
  const byId = new Map(rules.map((r) => [r.ruleId, r]))
  for (const name of fs.readdirSync(dir).filter((n) => /^rules-.*\.json$/.test(n))) {
    const file = path.join(dir, name)
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<Record<string, unknown>>
    for (const rule of list) {
      const a = byId.get(rule.id as string)
      if (!a) continue
      rule.tier = a.earned
      rule.judged = { n: a.judged, precision: a.precision === null ? null : Math.round(a.precision * 1000) / 1000 }
    }
    fs.writeFileSync(file, JSON.stringify(list, null, 2) + '\n')
  }
  const baseFile = path.join(dir, 'base.json')
  const base = JSON.parse(fs.readFileSync(baseFile, 'utf8'))
  base.tiers.model = modelTiers
  fs.writeFileSync(baseFile, JSON.stringify(base, null, 2) + '\n')
  console.log(`\n已写入 ${rules.filter((r) => r.earned === 'default').length} 条默认档、${rules.filter((r) => r.earned === 'picky').length} 条严格模式档规则`)
}
