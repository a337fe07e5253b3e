import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError, invalid } from './errors'

/** Parses the JSON body with a schema; a broken body or a failed check is a 400 with every path. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new ApiError(400, 'invalid_json', '请求体不是合法的 JSON')
  }
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
