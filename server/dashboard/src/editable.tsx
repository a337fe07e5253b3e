/** What the table editors (plan, registry) share: zod issues as 第 N 行「字段」：message, and the cells they point at. */
import type { z } from 'zod'

export interface RowIssue {
  row: number | null
  field: string | null
  text: string
}

/** Issues of an array of rows, worded for people: 第 2 行「结束」：起始日期不能晚于结束日期. */
export function rowIssues(error: z.ZodError, labels: Record<string, string>): RowIssue[] {
  return error.issues.map((i) => {
    const [row, field] = i.path
    const r = typeof row === 'number' ? row : null
    const f = typeof field === 'string' ? field : null
    const where = r === null ? '' : `第 ${r + 1} 行${f ? `「${labels[f] ?? f}」` : ''}：`
    return { row: r, field: f, text: `${where}${i.message}` }
  })
}

export const hasIssue = (issues: RowIssue[], row: number, field: string) => issues.some((i) => i.row === row && i.field === field)

/** 甲，乙、丙 → [甲, 乙, 丙]. */
export const splitList = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)

export function Issues({ issues }: { issues: RowIssue[] }) {
  if (!issues.length) return null
  return (
    <div className="error-box" role="alert">
      <strong>有 {issues.length} 处需要修改</strong>
      <ul>
        {issues.slice(0, 50).map((i, n) => (
          <li key={n}>{i.text}</li>
        ))}
      </ul>
    </div>
  )
}
