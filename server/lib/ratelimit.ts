/** Token buckets in memory, one per key: `burst` at once, refilled at `perMinute`. */
export function rateLimiter(o: { perMinute: number; burst: number }, now = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const perMs = o.perMinute / 60000
  return {
    /** 0 when allowed; otherwise the seconds to wait. */
    take(key: string): number {
      if (!Number.isFinite(o.perMinute)) return 0
      const t = now()
      const b = buckets.get(key) ?? { tokens: o.burst, at: t }
      b.tokens = Math.min(o.burst, b.tokens + (t - b.at) * perMs)
      b.at = t
      buckets.set(key, b)
      if (b.tokens >= 1) {
        b.tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000))
    },
  }
}
