import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { formatZodError } from '../../core'
import { safeError } from './log'
import { API_HEADERS } from './secure-headers'

/** An error the client may see: a stable code, a Chinese message, optional details. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
    /** More fields of the error object, for a client to act on (the bad indexes of a batch). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const invalid = (e: z.ZodError, message = '请求参数有误') => new ApiError(400, 'invalid_request', message, formatZodError(e))
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what}不存在`)

export function errorBody(code: string, message: string, details?: unknown[], extra?: Record<string, unknown>) {
  return { error: { code, message, ...(details?.length ? { details } : {}), ...extra } }
}

/** app.onError: every failure leaves as { error: { code, message, details? } }, with the API's security headers. */
export function onError(err: Error, c: Context) {
  for (const [k, v] of Object.entries(API_HEADERS)) c.header(k, v)
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details, err.extra), err.status)
  if (err instanceof z.ZodError) return c.json(errorBody('invalid_request', '请求参数有误', formatZodError(err)), 400)
  if (err instanceof HTTPException) {
    if (err.status === 413) return c.json(errorBody('payload_too_large', '请求体过大'), 413)
    return c.json(errorBody('http_error', err.message || '请求无法处理'), err.status)
  }
  console.error(`[banwen] 未处理的错误（${c.req.method} ${c.req.path}）：${safeError(err)}`)
  return c.json(errorBody('internal_error', '服务内部错误，请稍后重试'), 500)
}

export const onNotFound = (c: Context) => c.json(errorBody('not_found', `接口不存在：${c.req.method} ${c.req.path}`), 404, API_HEADERS)
