import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createAnalyzer, ruleVerdicts, type SentenceClassifier } from '../core'
import { loadModel, loadRuleSet } from './load'
import { EXIT, parseArgsReason, UsageError } from './errors'

export const CLASSIFY_HELP = `用法：banwen classify [--rules 文件] [--no-model] < 句子.txt
  每行一句，逐行输出 JSON：{"tao": 概率, "burden": 概率, "taoHit": 是否套话, "burdenHit": 是否增负}。
  有模型时概率来自模型，判定为模型或规则任一命中；无模型时只用规则（概率为 0 或 1）。`

export async function classify(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options: { rules: { type: 'string' }, 'no-model': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }))
  } catch (e) {
    throw new UsageError(`${parseArgsReason(e)}\n\n${CLASSIFY_HELP}`)
  }
  if (values.help) {
    console.log(CLASSIFY_HELP)
    return EXIT.ok
  }
  const analyzer = createAnalyzer({ ruleSet: await loadRuleSet(values.rules) })
  const model: SentenceClassifier | null = values['no-model'] ? null : await loadModel()
  console.error(model ? `模型：${model.id}` : '未找到模型，仅按规则判断')

  const lines: string[] = []
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) lines.push(line)
  const BATCH = 512
  for (let i = 0; i < lines.length; i += BATCH) {
    const chunk = lines.slice(i, i + BATCH)
    const probs = model ? await model.predict(chunk.map((l) => l.trim() || ' ')) : null
    chunk.forEach((line, j) => {
      const text = line.trim()
      if (!text) return console.log(JSON.stringify({ tao: 0, burden: 0, taoHit: false, burdenHit: false, empty: true }))
      const rules = ruleVerdicts(analyzer, text)
      const p = probs?.[j]
      const tao = p ? p.tao : rules.tao ? 1 : 0
      const burden = p ? p.burden : rules.burden ? 1 : 0
      console.log(
        JSON.stringify({
          tao: Math.round(tao * 1e4) / 1e4,
          burden: Math.round(burden * 1e4) / 1e4,
          taoHit: rules.tao || (p !== undefined && p.tao >= model!.thresholds.tao),
          burdenHit: rules.burden || (p !== undefined && p.burden >= model!.thresholds.burden),
        }),
      )
    })
  }
  return EXIT.ok
}
