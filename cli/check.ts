import { parseArgs } from 'node:util'
import { localToday, type Report } from '../core'
import { buildAnalyzer, isDirectory, readInput } from './load'
import { formatReport } from './format'
import { checkOutPath, listDocuments, writeSummary, type AuditRow } from './audit'
import { EXIT, parseArgsReason, UsageError } from './errors'

export const CHECK_HELP = `用法：banwen check [选项] 文件… | 文件夹 | -
  检查公文中的套话、增负要求、篇幅、穿靴戴帽、隐形变异、照抄照搬和层层加码。
  支持 .txt、.md（UTF-8 或 GBK）和 .docx；“-”读标准输入；文件夹则批量审核并输出汇总。

选项：
  --type 文种            指定文种（通知、方案、意见、讲话、报告、请示、工作提示、情况通报、便函、便笺…）
  --title 标题           指定标题（否则取首行）
  --special              按专项工作/具体任务文件的篇幅上限检查
  --rules 文件           使用自定义规则集（JSON）
  --cap-preset 名称      篇幅预设：national-2024、jiangsu-2019、shandong-2019、taiyuan、zhengzhou、speech-2007
  --superior 文件        上级文件，用于照抄照搬检测（可重复）
  --json                 输出 JSON 报告
  --fail-under 分数      任一文件办文指数低于该分数时退出码为 1
  --out 文件             批量审核汇总的输出路径（.csv 或 .json，默认 banwen-audit.csv）
  --no-model             只用规则，不加载模型
  --strict               严格模式：也显示尚未在真实文件上证明精确率的规则（不计分）
  --today 日期           文中没有成文日期时，按此日期（YYYY-MM-DD，默认今天）计算时限
退出码：0 正常；1 低于 --fail-under；2 用法或输入错误。`

export async function check(argv: string[]): Promise<number> {
  let values, positionals
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        type: { type: 'string' },
        title: { type: 'string' },
        special: { type: 'boolean' },
        rules: { type: 'string' },
        'cap-preset': { type: 'string' },
        superior: { type: 'string', multiple: true, default: [] },
        json: { type: 'boolean' },
        'fail-under': { type: 'string' },
        out: { type: 'string' },
        'no-model': { type: 'boolean' },
        strict: { type: 'boolean' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (e) {
    throw new UsageError(`${parseArgsReason(e)}\n\n${CHECK_HELP}`)
  }
  if (values.help) {
    console.log(CHECK_HELP)
    return EXIT.ok
  }
  if (positionals.length === 0) throw new UsageError(`请指定要检查的文件。\n\n${CHECK_HELP}`)
  const failUnder = values['fail-under'] === undefined ? undefined : Number(values['fail-under'])
  if (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100)) throw new UsageError('--fail-under 须为 0 到 100 之间的数')

  let folderBase: string | null = null
  const files: string[] = []
  for (const p of positionals) {
    if (p !== '-' && (await isDirectory(p))) {
      folderBase ??= p
      const { files: found, skipped } = await listDocuments(p)
      for (const note of skipped) console.error(`注：${note}`)
      if (found.length === 0) throw new UsageError(`文件夹 ${p} 中没有可检查的 .txt、.md 或 .docx 文件`)
      for (const f of found) files.push(f)
    } else files.push(p)
  }
  const out = values.out ?? 'banwen-audit.csv'
  if (folderBase !== null) await checkOutPath(out)
  // Only now the costly part (rules, superior files, model): bad input above fails fast.
  const today = values.today ?? localToday()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new UsageError('--today 须为 YYYY-MM-DD 格式的日期，如 2026-12-03')
  const analyzer = await buildAnalyzer({ rules: values.rules, superior: values.superior, capPreset: values['cap-preset'], model: !values['no-model'], strict: values.strict })
  const doc = { docType: values.type, title: values.title, special: values.special, today }
  const rows: AuditRow[] = []
  const batch = folderBase !== null || files.length > 1
  const reports: Array<{ file: string; report: Report }> = []
  for (const file of files) {
    try {
      const { text, note } = await readInput(file)
      const report = await analyzer.analyze(text, doc)
      rows.push({ file, report })
      reports.push({ file, report })
      if (!values.json) console.log(formatReport(file === '-' ? '标准输入' : file, text, report, [note].filter((x): x is string => !!x)) + '\n')
    } catch (e) {
      if (!(e instanceof UsageError) || !batch) throw e
      rows.push({ file, error: e.message })
      console.error(`✗ ${e.message}`)
    }
  }
  if (values.json) console.log(JSON.stringify(batch ? reports : reports[0]!.report, null, 2))
  if (folderBase !== null) {
    await writeSummary(rows, folderBase, out)
    const scored = rows.filter((r) => r.report)
    const avg = scored.length ? scored.reduce((a, r) => a + r.report!.score, 0) / scored.length : 0
    console.error(`已审核 ${scored.length} 份（失败 ${rows.length - scored.length} 份），平均办文指数 ${avg.toFixed(1)}；汇总已写入 ${out}`)
  }
  if (rows.some((r) => r.error)) return EXIT.usage
  if (failUnder !== undefined && reports.some((r) => r.report.score < failUnder)) {
    console.error(`办文指数低于 ${failUnder}：${reports.filter((r) => r.report.score < failUnder).map((r) => `${r.file}（${r.report.score}）`).join('、')}`)
    return EXIT.belowThreshold
  }
  return EXIT.ok
}
