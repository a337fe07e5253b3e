/** npm run eval — precision, recall and F1 per label on the dev-evaluation set (real corpus sentences). */
import { loadDev } from '../train/data'
import { loadNodeClassifier } from '../runtime/node'
import { evaluate, formatTable } from './evaluate'

const dev = loadDev()
const model = await loadNodeClassifier()
const pos = (k: number) => dev.filter((e) => e.y[k]).length
console.log(`评测集：${dev.length} 句（来自 ../shared 语料，按引用读取），tao 正例 ${pos(0)}，burden 正例 ${pos(1)}`)
console.log(model ? `模型：${model.id}，阈值 tao ${model.thresholds.tao} burden ${model.thresholds.burden}` : '未找到模型：只评测规则基线')
console.log(formatTable(await evaluate(dev, model)))
const byFolder = new Map<string, number>()
for (const e of dev) byFolder.set(e.file.split('/').slice(0, -1).join('/'), (byFolder.get(e.file.split('/').slice(0, -1).join('/')) ?? 0) + 1)
console.log('来源：' + [...byFolder].map(([f, n]) => `${f} ${n}`).join('，'))
