import type { z } from 'zod'

/** One line per problem, with its path: 'rules.12.pattern: 不是合法的正则表达式'. */
export function formatZodError(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(根)'}: ${i.message}`)
}
