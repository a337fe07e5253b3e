// zod for a one-shot process: messages in Chinese, and no parser compilation, which costs more
// than it saves when each schema parses once or twice. zod's zh-CN locale words most issues; the
// two it leaves half in English (type names, a missing field, a bad discriminator) are said here.
import { z } from 'zod'
import { zhCN } from 'zod/locales'

const TYPES: Record<string, string> = { string: '字符串', number: '数字', int: '整数', boolean: '布尔值（true 或 false）', object: '对象', array: '数组', bigint: '整数', null: 'null' }
const typeName = (t: string) => TYPES[t] ?? t
const typeOf = (v: unknown) => typeName(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

z.config({
  ...zhCN(),
  jitless: true,
  customError: (iss) => {
    if (iss.code === 'invalid_type') return iss.input === undefined ? `缺少此项（应为${typeName(iss.expected)}）` : `应为${typeName(iss.expected)}，实际是${typeOf(iss.input)}`
    if (iss.code === 'invalid_union' && 'discriminator' in iss && iss.discriminator) return `「${String(iss.discriminator)}」缺少或取值不在允许范围内`
    return undefined
  },
})
