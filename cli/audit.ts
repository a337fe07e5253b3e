import { readdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Report } from '../core'

const DOCUMENT = /\.(txt|md|docx)$/i

/** Every document below a folder, sorted, skipping hidden folders. */
export async function listDocuments(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await listDocuments(p)))
    else if (DOCUMENT.test(e.name)) out.push(p)
  }
  return out.sort()
}

export interface AuditRow {
  file: string
  report?: Report
  error?: string
}

const CSV_HEADER = ['文件', '文种', '字数', '上限', '办文指数', '等级', '套话', '增负', '穿靴戴帽', '篇幅', '隐形变异', '照抄', '层层加码', '超篇幅', '上级重合率', '错误']
const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(rows: AuditRow[], base: string): string {
  const lines = [CSV_HEADER.join(',')]
  for (const { file, report: r, error } of rows) {
    const count = (c: string) => r?.findings.filter((f) => f.category === c).length
    lines.push(
      [relative(base, file) || file, r?.docType, r?.chars, r?.cap, r?.score, r?.grade, count('tao'), count('burden'), count('frame'), count('length'), count('disguise'), count('copy'), count('escalation'), r ? (r.flags.overCap ? '是' : '否') : '', r?.flags.copiedShare, error]
        .map(csvCell)
        .join(','),
    )
  }
  // A BOM so that Excel on office machines opens the Chinese headers correctly.
  return '\ufeff' + lines.join('\n') + '\n'
}

export async function writeSummary(rows: AuditRow[], base: string, out: string): Promise<void> {
  if (out.endsWith('.json')) {
    const summary = rows.map(({ file, report, error }) => ({ file: relative(base, file) || file, ...(report ? { report } : {}), ...(error ? { error } : {}) }))
    await writeFile(out, JSON.stringify(summary, null, 2))
  } else await writeFile(out, toCsv(rows, base))
}
