/** The service's API as the dashboard uses it: bearer token from local storage, errors in Chinese. */
import type { TokenRecord } from '../../store/tokens'

const KEY = 'banwen.token'

export const getToken = () => localStorage.getItem(KEY)
export const setToken = (t: string | null) => (t ? localStorage.setItem(KEY, t) : localStorage.removeItem(KEY))

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message)
  }
}

export async function api<T>(path: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = {}
  const token = getToken()
  if (token) headers.authorization = `Bearer ${token}`
  let body: BodyInit | undefined
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(init.json)
  } else if (init.form) body = init.form
  let res: Response
  try {
    res = await fetch(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body })
  } catch {
    throw new ApiError(0, 'network', '无法连接办文服务，请检查网络')
  }
  if (res.ok) return (await res.json()) as T
  let err: { error?: { code: string; message: string; details?: string[] } } = {}
  try {
    err = await res.json()
  } catch {
    /* not JSON */
  }
  throw new ApiError(res.status, err.error?.code ?? 'http', err.error?.message ?? `请求失败（${res.status}）`, err.error?.details ?? [])
}

/** GETs a file with the token and hands it to the browser as a download (a plain link would carry no token). */
export async function download(path: string, filename: string): Promise<void> {
  const token = getToken()
  let res: Response
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  } catch {
    throw new ApiError(0, 'network', '无法连接办文服务，请检查网络')
  }
  if (!res.ok) {
    let err: { error?: { code: string; message: string } } = {}
    try {
      err = await res.json()
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, err.error?.code ?? 'http', err.error?.message ?? `下载失败（${res.status}）`)
  }
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** GET /api/me: who the token belongs to. */
export type Me = Pick<TokenRecord, 'id' | 'name' | 'role' | 'unit'>
