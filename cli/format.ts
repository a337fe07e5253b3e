import { CATEGORY_LABELS, SEVERITY_LABELS, type Finding, type Report } from '../core'

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s)
const SEVERITY_COLOR = { info: '36', warning: '33', error: '31' } as const
const CONTEXT = 12

/** Line number (1-based) of an offset, by binary search over line starts (one scan per text). */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

/** The flagged span with a little context on each side, on one line. */
export function snippet(text: string, f: Pick<Finding, 'start' | 'end'>, max = 60): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  const span = flat(text.slice(f.start, f.end))
  const shown = span.length > max ? `${span.slice(0, max / 2)}…${span.slice(-max / 2 + 1)}` : span
  const before = flat(text.slice(Math.max(0, f.start - CONTEXT), f.start))
  const after = flat(text.slice(f.end, f.end + CONTEXT))
  return `${before}${paint('1;4', `【${shown}】`)}${after}`
}

export function formatReport(name: string, text: string, r: Report, notes: string[] = []): string {
  const out: string[] = []
  const lineOf = lineFinder(text)
  const source = { option: '指定', title: '据标题', content: '据正文', default: '未识别' }[r.docTypeSource]
  out.push(paint('1', `■ ${name}`))
  if (r.title) out.push(`  标题：${r.title}`)
  out.push(`  文种：${r.docType}（${source}${r.special ? '，专项/具体任务' : ''}）  字数：${r.chars}${r.cap ? ` / 上限 ${r.cap}（${r.capSource}）` : ''}`)
  const gradeColor = r.score >= 90 ? '32' : r.score >= 75 ? '36' : r.score >= 60 ? '33' : '31'
  out.push(`  办文指数：${paint('1;' + gradeColor, `${r.score}（${r.grade}）`)}`)
  out.push('  ' + r.breakdown.map((b) => `${b.label} ${b.score}/${b.max}`).join('  '))
  const flags = [
    r.flags.overCap && '超篇幅',
    r.flags.disguisedDirective && '隐形变异',
    r.flags.frame && '穿靴戴帽',
    r.flags.copiedShare !== null && `与上级文件重合 ${Math.round(r.flags.copiedShare * 100)}%`,
  ].filter(Boolean)
  if (flags.length) out.push(`  标记：${flags.join('、')}`)
  out.push(`  句子：${r.sentences.total} 句，套话 ${r.sentences.tao} 句，增负 ${r.sentences.burden} 句；${r.classifier.note}`)
  for (const n of notes) out.push(`  注：${n}`)
  if (r.findings.length === 0) out.push('  未发现问题。')
  else out.push(`  发现 ${r.findings.length} 处：`)
  for (const f of r.findings) {
    const tag = paint(SEVERITY_COLOR[f.severity], `[${CATEGORY_LABELS[f.category]}·${SEVERITY_LABELS[f.severity]}${f.tier === 'picky' ? '·严格模式' : ''}]`)
    const pts = f.points > 0 ? ` −${f.points}` : ''
    out.push(`  ${tag} 第${lineOf(f.start)}行${pts}  ${snippet(text, f)}`)
    out.push(`      ${f.message}${f.suggestion ? ` 建议：${f.suggestion}` : ''}`)
  }
  return out.join('\n')
}
