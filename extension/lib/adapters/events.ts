/** Composition tracking and change fan-out shared by all adapters. */
export class ChangeHub {
  composing = false
  private changeSubs = new Set<() => void>()
  private editSubs = new Set<() => void>()
  private offs: Array<() => void> = []

  /** Listens for composition on `target` (the editor element, or the iframe document). */
  constructor(target: EventTarget) {
    this.listen(target, 'compositionstart', () => {
      this.composing = true
      this.editStart()
    })
    this.listen(target, 'compositionend', () => {
      this.composing = false
      // The committed text arrives with compositionend; analyse it once the IME is done.
      this.changed()
    })
    // A blur while composing (window switch) may drop compositionend.
    this.listen(target, 'blur', () => {
      if (this.composing) {
        this.composing = false
        this.changed()
      }
    }, true)
  }

  listen(target: EventTarget, type: string, fn: (e: Event) => void, capture = false): void {
    target.addEventListener(type, fn, { capture, passive: true })
    this.offs.push(() => target.removeEventListener(type, fn, { capture }))
  }

  changed(): void {
    if (this.composing) return
    for (const cb of this.changeSubs) cb()
  }

  editStart(): void {
    for (const cb of this.editSubs) cb()
  }

  onChange(cb: () => void): () => void {
    this.changeSubs.add(cb)
    return () => this.changeSubs.delete(cb)
  }

  onEditStart(cb: () => void): () => void {
    this.editSubs.add(cb)
    return () => this.editSubs.delete(cb)
  }

  addCleanup(fn: () => void): void {
    this.offs.push(fn)
  }

  destroy(): void {
    for (const off of this.offs) off()
    this.offs = []
    this.changeSubs.clear()
    this.editSubs.clear()
  }
}
