import type { IncomingMessage } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import { hasUnsafeChars } from '../../core'
import { ApiError } from './errors'

/**
 * Malformed percent-encoding (%E4%ZZ) or an encoded NUL / lone surrogate anywhere in the path
 * or query is a 400 before any route reads it: routers pass undecodable text on as it is.
 */
export const cleanUrl: MiddlewareHandler = async (c, next) => {
  // On @hono/node-server the raw path and query, without building the whole URL.
  const url = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.url ?? c.req.url
  if (url.includes('%')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(url)
    } catch {
      throw new ApiError(400, 'invalid_url', '请求地址中的百分号编码有误')
    }
    if (hasUnsafeChars(decoded)) throw new ApiError(400, 'invalid_url', '请求地址不得含有 NUL 或不成对的代理字符')
  }
  await next()
}
