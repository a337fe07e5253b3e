/**
 * Token checks remembered for `ttlMs`. Under load a busy token should never wait on the database,
 * where a lookup queues behind ingest (PGlite has one thread):
 *  - a check older than half of `ttlMs` is still served, and refreshed in the background;
 *  - checks that miss at the same moment share one lookup, instead of every connection asking.
 * Nothing older than `ttlMs` is served, so a revoke on another instance takes effect within it.
 */
export function tokenCache<P>(lookup: (token: string) => Promise<P>, o: { ttlMs: number; max?: number }) {
  const entries = new Map<string, { value: P; at: number }>()
  const pending = new Map<string, Promise<P>>()
  // Bumped by `forget`: a lookup begun before it may have read a token revoked since.
  let generation = 0

  function load(token: string): Promise<P> {
    const running = pending.get(token)
    if (running) return running
    const at = Date.now()
    const began = generation
    const p: Promise<P> = lookup(token)
      .then((value) => {
        if (began === generation) {
          if (entries.size >= (o.max ?? 10_000)) entries.clear()
          entries.set(token, { value, at })
        }
        return value
      })
      .finally(() => {
        if (pending.get(token) === p) pending.delete(token)
      })
    pending.set(token, p)
    return p
  }

  /** The remembered check if still fresh (refreshing it when past half its life). */
  function fresh(token: string): { value: P } | undefined {
    const hit = entries.get(token)
    const age = hit ? Date.now() - hit.at : Infinity
    if (age >= o.ttlMs) return undefined
    // A failed refresh leaves the entry to expire; the next request then asks and sees the error.
    if (age >= o.ttlMs / 2) load(token).catch(() => {})
    return hit
  }

  return {
    get: async (token: string): Promise<P> => (fresh(token) ?? { value: await load(token) }).value,
    /** Without waiting: the fresh check, or undefined. */
    peek: (token: string): { value: P } | undefined => fresh(token),
    forget(): void {
      generation++
      entries.clear()
      pending.clear()
    },
  }
}
