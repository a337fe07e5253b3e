/**
 * A tiny key-value surface over chrome.storage, so the sync and queue logic runs in Node tests
 * with a Map and in the extension with chrome.storage.local.
 */
export interface KV {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  setAll(items: Record<string, unknown>): Promise<void>
  remove(key: string): Promise<void>
}

interface StorageArea {
  get(keys: string): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string): Promise<void>
}

export function storageKV(area: StorageArea): KV {
  return {
    get: async <T>(key: string) => (await area.get(key))[key] as T | undefined,
    set: (key, value) => area.set({ [key]: value }),
    setAll: (items) => area.set(items),
    remove: (key) => area.remove(key),
  }
}

/** For tests; values are cloned so callers cannot mutate what is "stored". */
export function memoryKV(initial: Record<string, unknown> = {}): KV & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial))
  return {
    data,
    get: async <T>(key: string) => (data.has(key) ? (structuredClone(data.get(key)) as T) : undefined),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    setAll: async (items) => Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (key) => void data.delete(key),
  }
}

/** Serialises read-modify-write sections that share keys (one service worker, many callers). */
export function mutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn)
    tail = run.catch(() => undefined)
    return run
  }
}
