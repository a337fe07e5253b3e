/**
 * npm run eval — precision, recall and F1 on the real dev set: 5,800+ sentences of documents
 * training never reads (models/data/real/dev.jsonl, references into ../shared). Each document is
 * analysed whole, as the product does, and a sentence counts as marked when a finding of the
 * label's category overlaps it. Systems: the default tier (rules, then rules + model) and 严格模式.
 */
import { loadReal } from '../data/real/refs'
import { loadNodeClassifier } from '../runtime/node'
import { agreement, loadSecondAnnotator } from './agreement'
import { evaluateDocuments, formatRows, markedAs, modelTaoSweep } from './documents'

const dev = loadReal('dev')
const model = await loadNodeClassifier()
const pos = (k: 'tao' | 'burden') => dev.filter((e) => e[k] === 1).length
console.log(`评测集：${dev.length} 句，来自 ${new Set(dev.map((e) => e.file)).size} 篇训练从不读取的真实文件；tao 正例 ${pos('tao')}，burden 正例 ${pos('burden')}`)
console.log(model ? `模型：${model.id}，阈值 tao ${model.thresholds.tao} burden ${model.thresholds.burden}` : '未找到模型：只评测规则')
const { rows, reports } = await evaluateDocuments(dev, model)
console.log(formatRows(rows))
const row = (label: string, system: string) => rows.find((r) => r.label === label && r.system === system)
const shown = model ? 'rules+model' : 'rules'
const b = row('burden', shown)!
const t = row('tao', shown)!
console.log('\n目标（默认档，即展示并计分的标注）：')
console.log(`  burden 精确率 ≥ 0.90：${b.precision.toFixed(3)}${b.precision >= 0.9 ? '' : '（未达到）'}；召回率 ≥ 0.80：${b.recall.toFixed(3)}${b.recall >= 0.8 ? '' : '（未达到）'}`)
console.log(`  tao F1 ≥ 0.88：${t.f1.toFixed(3)}${t.f1 >= 0.88 ? '' : '（未达到）'}；tao 精确率 ≥ 0.90：${t.precision.toFixed(3)}${t.precision >= 0.9 ? '' : '（未达到）'}`)

// Hard negatives: sentences that mention a burden-like thing and are not a burden, by why not.
console.log('\n困难反例（提到报表、台账等却不是增负要求的句子）被标为增负的比例：')
const hard = dev.filter((e) => e.burden === 0 && e.neg)
for (const system of [...reports.keys()]) {
  const byFile = reports.get(system)!
  const byClass = new Map<string, [number, number]>()
  for (const e of hard) {
    const [n, marked] = byClass.get(e.neg!) ?? [0, 0]
    byClass.set(e.neg!, [n + 1, marked + (markedAs(byFile.get(e.file)!, e, 'burden') ? 1 : 0)])
  }
  console.log(`  ${system.padEnd(12)} ` + [...byClass].sort().map(([k, [n, m]]) => `${k} ${m}/${n}`).join('，'))
}

// The model's 套话 marks stay out of the default tier unless some threshold earns it on real text.
if (model) {
  console.log('\n模型自己的套话标注（规则未标的句子，严格模式）随阈值的精确率：')
  for (const r of await modelTaoSweep(dev, model, [0.5, 0.9, 0.99, 0.997, 0.999]))
    console.log(`  阈值 ${String(r.threshold).padEnd(5)}  精确率 ${r.precision.toFixed(3)}（TP ${r.tp}，FP ${r.fp}）${r.precision >= 0.9 ? '' : '，不足 0.9'}`)
}

// The labels' own noise: what a second reader of labels.md scores against them.
console.log('\n两位标注者的一致性（第二位标注者独立、不看原标签，按 labels.md 标注的随机评测句）：')
for (const a of agreement(dev, loadSecondAnnotator()))
  console.log(`  ${a.label.padEnd(7)} ${a.n} 句：精确率 ${a.precision.toFixed(3)}，召回率 ${a.recall.toFixed(3)}，F1 ${a.f1.toFixed(3)}（TP ${a.tp}，FP ${a.fp}，FN ${a.fn}），κ ${a.kappa.toFixed(3)}`)
