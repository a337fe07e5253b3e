/** A Map that forgets its oldest entries: keeps the per-sentence caches bounded while typing. */
export class LruMap<K, V> {
  private map = new Map<K, V>()
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key)
    if (v !== undefined) {
      this.map.delete(key)
      this.map.set(key, v)
    }
    return v
  }
  set(key: K, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K)
  }
  has(key: K): boolean {
    return this.map.has(key)
  }
  clear(): void {
    this.map.clear()
  }
  get size(): number {
    return this.map.size
  }
}
