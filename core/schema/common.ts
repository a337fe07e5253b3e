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

/** NUL and lone surrogates: PostgreSQL refuses them, and no honest text carries them. */
const UNSAFE_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
export const hasUnsafeChars = (s: string): boolean => UNSAFE_CHARS.test(s)
export const UNSAFE_CHARS_MESSAGE = '不得含有 NUL 或不成对的代理字符'

/** A string of at most `max` characters that storage accepts as it is. */
export const plainText = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !hasUnsafeChars(s), UNSAFE_CHARS_MESSAGE)

/** A rule's id: category, a dot, a name (tao.gaodu-zhongshi). */
export const RULE_ID_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/
export const RuleIdSchema = z.string().max(80).regex(RULE_ID_PATTERN, 'id 形如 tao.gaodu-zhongshi')

/** A calendar day that exists: 2026-02-28 yes, 2026-02-30 no. */
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}
export const DaySchema = z.string().refine(isRealDay, '日期格式应为 YYYY-MM-DD，且须是存在的日期')
