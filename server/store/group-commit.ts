/**
 * Group commit for writes that wait behind one another anyway (PGlite has one connection): while
 * one group is being written, new items queue, and the next write takes them all (up to
 * `maxWeight`). Each statement has a fixed cost, so one per group instead of one per item is
 * cheaper under load, and an idle writer still writes an item at once.
 *
 * A group that fails is written again item by item, so a bad item fails alone and the others
 * are stored.
 *
 * `inFlight` groups may be written at once (default 1). With 2, the database has the next group
 * queued when it finishes one, instead of idling while this thread prepares it.
 */
export function groupCommit<T, R>(write: (items: T[]) => Promise<R[]>, o: { maxWeight: number; weight: (item: T) => number; inFlight?: number }): (item: T) => Promise<R> {
  type Waiting = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }
  const waiting: Waiting[] = []
  let writing = 0

  const take = (): Waiting[] => {
    let weight = o.weight(waiting[0]!.item)
    let n = 1
    while (n < waiting.length && weight + o.weight(waiting[n]!.item) <= o.maxWeight) weight += o.weight(waiting[n++]!.item)
    return waiting.splice(0, n)
  }

  const alone = (w: Waiting) => write([w.item]).then(([r]) => w.resolve(r!), w.reject)

  async function drain() {
    writing++
    while (waiting.length) {
      const group = take()
      if (group.length === 1) {
        await alone(group[0]!)
        continue
      }
      try {
        const out = await write(group.map((w) => w.item))
        group.forEach((w, i) => w.resolve(out[i]!))
      } catch {
        for (const w of group) await alone(w)
      }
    }
    writing--
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject })
      if (writing < (o.inFlight ?? 1)) void drain()
    })
}
