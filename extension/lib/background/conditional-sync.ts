/**
 * One polled resource kept in storage with its ETag: 304 keeps the cache, a 200 replaces it only
 * when the body validates (a bad payload never displaces the last good one), failures are
 * recorded for the options page and leave the cache alone.
 */
import type { KV } from './kv'
import type { Conditional } from './service'

export interface Cached<T> {
  value: T
  etag: string | null
  /** What the resource was fetched for (the unit for rules); an ETag is reused only in scope. */
  scope: string
  syncedAt: string
}

export interface SyncState {
  checkedAt: string | null
  ok: boolean
  error: string | null
}

export type Outcome = 'updated' | 'unchanged' | 'rejected' | 'failed'

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] }

export interface ConditionalResource<T> {
  key: string
  /** Chinese name for messages: 规则集, 上级文件指纹. */
  label: string
  fetch(etag: string | null): Promise<Conditional<unknown>>
  validate(body: unknown): Validation<T>
}

export const stateKey = (key: string) => `${key}:state`

export async function syncConditional<T>(kv: KV, r: ConditionalResource<T>, scope: string, now = () => new Date()): Promise<Outcome> {
  const cached = await kv.get<Cached<T>>(r.key)
  const etag = cached && cached.scope === scope ? cached.etag : null
  const at = now().toISOString()
  let outcome: Outcome
  let error: string | null = null
  try {
    const res = await r.fetch(etag)
    if (res.status === 304) outcome = 'unchanged'
    else {
      const v = r.validate(res.body)
      if (v.ok) {
        await kv.set(r.key, { value: v.value, etag: res.etag, scope, syncedAt: at } satisfies Cached<T>)
        outcome = 'updated'
      } else {
        outcome = 'rejected'
        error = `服务下发的${r.label}无效，继续使用${cached ? '上次的有效版本' : '内置版本'}：${v.errors.slice(0, 3).join('；')}`
        console.warn(`[办文] ${error}`)
      }
    }
  } catch (e) {
    outcome = 'failed'
    error = `${r.label}同步失败：${(e as Error).message}`
  }
  await kv.set(stateKey(r.key), { checkedAt: at, ok: error === null, error } satisfies SyncState)
  return outcome
}
