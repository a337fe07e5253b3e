import { useCallback, useEffect, useRef, useState } from 'react'
import { api, ApiError } from './api'

/** GETs a path (null: nothing yet) and keeps the answer, the error and a reload. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)
  const load = useCallback(async () => {
    if (!path) return
    const n = ++seq.current
    setLoading(true)
    try {
      const d = await api<T>(path)
      if (n === seq.current) {
        setData(d)
        setError(null)
      }
    } catch (e) {
      if (n === seq.current) setError(e as ApiError)
    } finally {
      if (n === seq.current) setLoading(false)
    }
  }, [path])
  useEffect(() => {
    void load()
  }, [load])
  return { data, error, loading, reload: load }
}

/** The hash route: #/documents?hash=… → { page: 'documents', params }. */
export function useRoute(): { page: string; params: URLSearchParams } {
  const read = () => {
    const [p, q] = location.hash.replace(/^#\/?/, '').split('?')
    return { page: p || 'overview', params: new URLSearchParams(q ?? '') }
  }
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const on = () => setRoute(read())
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [])
  return route
}

export const go = (page: string, params?: Record<string, string>) => {
  location.hash = `#/${page}${params ? `?${new URLSearchParams(params)}` : ''}`
}
