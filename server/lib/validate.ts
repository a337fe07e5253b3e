import type { Context } from 'hono'
import type { z } from 'zod'
import { hasUnsafeChars, UNSAFE_CHARS_MESSAGE } from '../../core'
import { ApiError, invalid } from './errors'

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/** Paths of every string (value or key) PostgreSQL would refuse: NUL, lone surrogates. Iterative, so deep nesting cannot overflow the stack. */
export function unsafeStrings(value: unknown, limit = 20): string[] {
  const out: string[] = []
  const stack: Array<[unknown, string]> = [[value, '']]
  while (stack.length && out.length < limit) {
    const [v, path] = stack.pop()!
    if (typeof v === 'string') {
      if (hasUnsafeChars(v)) out.push(`${path || '(根)'}: ${UNSAFE_CHARS_MESSAGE}`)
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k
        if (hasUnsafeChars(k)) out.push(`${at}: 字段名${UNSAFE_CHARS_MESSAGE}`)
        stack.push([child, at])
      }
    }
  }
  return out
}

/** The body as JSON: 415 for another Content-Type, 400 for broken JSON. */
export async function readJson(c: Context): Promise<unknown> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new ApiError(415, 'unsupported_media_type', '请求体须为 JSON，请设置 Content-Type: application/json')
  try {
    return await c.req.json()
  } catch {
    throw new ApiError(400, 'invalid_json', '请求体不是合法的 JSON')
  }
}

/** Parses the JSON body with a schema; a broken body, a string storage would refuse or a failed check is a 400 with every path. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await readJson(c)
  const unsafe = unsafeStrings(raw)
  if (unsafe.length) throw new ApiError(400, 'invalid_request', '请求参数有误', unsafe)
  const r = schema.safeParse(raw)
  if (!r.success) throw invalid(r.error)
  return r.data
}

export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const r = schema.safeParse(c.req.query())
  if (!r.success) throw invalid(r.error, '查询参数有误')
  return r.data
}

export function param<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const r = schema.safeParse(c.req.param())
  if (!r.success) throw invalid(r.error, '路径参数有误')
  return r.data
}
