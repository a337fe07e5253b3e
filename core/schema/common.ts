import { z } from 'zod'

/** What a finding is about. The labels map to the 办文指数 dimensions in score.ts. */
export const CategorySchema = z.enum(['tao', 'burden', 'frame', 'length', 'disguise', 'copy', 'escalation'])
export type Category = z.infer<typeof CategorySchema>

export const SeveritySchema = z.enum(['info', 'warning', 'error'])
export type Severity = z.infer<typeof SeveritySchema>

/** Chinese names shown in every UI, kept next to the enum so no client invents its own. */
export const CATEGORY_LABELS: Record<Category, string> = {
  tao: '套话空话',
  burden: '增负要求',
  frame: '穿靴戴帽',
  length: '篇幅',
  disguise: '隐形变异',
  copy: '照抄照搬',
  escalation: '层层加码',
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  info: '提示',
  warning: '警告',
  error: '严重',
}
