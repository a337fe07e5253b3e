import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'
import { header as readHeader } from './headers'
import { sha256 } from './hash'
import { tokenCache } from './token-cache'
import type { Actor } from '../store/audit'
import type { Role, TokenRecord, TokenStore } from '../store/tokens'

export type Principal = TokenRecord & Actor
export type AppEnv = { Variables: { principal: Principal } }

const RANK: Record<Role, number> = { drafter: 0, reviewer: 1, admin: 2 }
const ROLE_NAMES: Record<Role, string> = { drafter: '起草人', reviewer: '审核人', admin: '管理员' }

/**
 * Bearer tokens, looked up by their sha-256 and remembered for `cacheMs` so that a busy route
 * does not ask the database on every request. Revoking here forgets at once; another instance
 * forgets within `cacheMs`.
 */
export function createAuth(tokens: TokenStore, o: { cacheMs: number; limit: (key: string) => number }) {
  // Keyed by the token as presented (memory only), so a cached check costs no hashing.
  const cache = tokenCache(async (token): Promise<Principal | null> => {
    const rec = await tokens.byHash(sha256(token))
    return rec ? { ...rec } : null
  }, { ttlMs: o.cacheMs })
  const used = new Set<string>()
  const flush = setInterval(() => {
    const ids = [...used]
    used.clear()
    tokens.touch(ids).catch(() => {})
  }, 60_000)
  flush.unref()

  /** The route needs at least this role; a higher role may do what a lower one may. */
  const role =
    (min: Role): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      const header = readHeader(c, 'authorization')
      if (!header) throw new ApiError(401, 'unauthorized', '缺少访问令牌：请在 Authorization 头中提供 Bearer 令牌')
      const token = bearer(header)
      if (!token) throw new ApiError(401, 'unauthorized', 'Authorization 头格式应为“Bearer <令牌>”')
      const p = await cache.get(token)
      if (!p) throw new ApiError(401, 'invalid_token', '访问令牌无效或已被吊销')
      if (RANK[p.role] < RANK[min]) throw new ApiError(403, 'forbidden', `权限不足：此操作需要${ROLE_NAMES[min]}及以上权限，当前令牌为${ROLE_NAMES[p.role]}`)
      const wait = o.limit(p.id)
      if (wait) {
        c.header('Retry-After', String(wait))
        throw new ApiError(429, 'rate_limited', `请求过于频繁，请 ${wait} 秒后重试`)
      }
      used.add(p.id)
      c.set('principal', p)
      await next()
    }

  return {
    role,
    /** A token checked less than `cacheMs` ago, without waiting: the rule poll's fast path. */
    cached: (token: string): Principal | null => cache.peek(token)?.value ?? null,
    /** Counts a request of `p` against its limit, as `role` does; false when over it. */
    admit(p: Principal): boolean {
      if (o.limit(p.id)) return false
      used.add(p.id)
      return true
    },
    /** Drops cached checks (after a revoke). */
    forget: cache.forget,
  }
}
export type Auth = ReturnType<typeof createAuth>

/** The token of an `Authorization: Bearer …` header. */
export function bearer(header: string): string | undefined {
  return header.startsWith('Bearer ') ? header.slice(7).trim() : /^Bearer\s+(\S+)$/i.exec(header)?.[1]
}
