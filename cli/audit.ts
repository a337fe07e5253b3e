import { readdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { Report } from '../core'
import { fsReason, specialKind, UsageError } from './errors'

const DOCUMENT = /\.(txt|md|docx)$/i

export interface Listing {
  files: string[]
  /** Notes on what was passed over: special files named like documents, unreadable subfolders. */
  skipped: string[]
}

/**
 * Every document below a folder, sorted, skipping hidden folders. Special files are skipped with
 * a note and never opened (reading a FIFO would wait forever); symbolic links are read as files,
 * and refused there if they lead to anything else, but never followed into folders.
 */
export async function listDocuments(dir: string): Promise<Listing> {
  const out: Listing = { files: [], skipped: [] }
  const walk = async (d: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(d, { withFileTypes: true })
    } catch (e) {
      // The folder asked for must be readable; a subfolder that is not is noted and the audit goes on.
      if (d === dir) throw new UsageError(`无法读取文件夹 ${d}：${fsReason(e)}`)
      out.skipped.push(`${d}：无法读取文件夹（${fsReason(e)}），已跳过`)
      return
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue
      const p = join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else if (!DOCUMENT.test(e.name)) continue
      else if (e.isFile() || e.isSymbolicLink()) out.files.push(p)
      else out.skipped.push(`${p}：${specialKind(e) ?? '不是普通文件'}，已跳过`)
    }
  }
  await walk(dir)
  out.files.sort()
  return out
}

/** Refuses an --out path that cannot be written, before any document is read. */
export async function checkOutPath(out: string): Promise<void> {
  const st = await stat(out).catch(() => null)
  if (st?.isDirectory()) throw new UsageError(`--out ${out} 是一个文件夹，请给出文件名，如 ${join(out, 'banwen-audit.csv')}`)
  if (st && !st.isFile()) throw new UsageError(`--out ${out} 不是普通文件，无法写入汇总`)
  const parent = dirname(out)
  const dirStat = await stat(parent).catch(() => null)
  if (!dirStat) throw new UsageError(`--out 所在的文件夹 ${parent} 不存在，请先创建`)
  if (!dirStat.isDirectory()) throw new UsageError(`--out 的上级 ${parent} 不是文件夹`)
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
  const content = out.endsWith('.json')
    ? JSON.stringify(
        rows.map(({ file, report, error }) => ({ file: relative(base, file) || file, ...(report ? { report } : {}), ...(error ? { error } : {}) })),
        null,
        2,
      )
    : toCsv(rows, base)
  try {
    await writeFile(out, content)
  } catch (e) {
    throw new UsageError(`无法写入汇总 ${out}：${fsReason(e)}`)
  }
}
