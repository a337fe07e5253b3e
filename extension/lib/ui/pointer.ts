/**
 * Hover and click on marks. Marks take no pointer events (they must not steal the caret), so
 * the editor's own mouse events are hit-tested against the painter's boxes, once per frame.
 */
import type { EditorSession } from '../session'

export interface PointerHooks {
  hover(session: EditorSession, findingId: string | null): void
  click(session: EditorSession, findingId: string): void
  typing(session: EditorSession): void
}

export function watchPointer(session: EditorSession, hooks: PointerHooks): () => void {
  const { adapter, painter } = session
  // An iframe editor's events stay in its document; others are caught on the element.
  const target: EventTarget = adapter.frame ? adapter.doc : adapter.element
  let frame = 0
  let last: MouseEvent | null = null
  const onMove = (e: Event) => {
    last = e as MouseEvent
    if (frame) return
    frame = requestAnimationFrame(() => {
      frame = 0
      if (!last || adapter.composing) return
      const ids = painter.hitTest(last.clientX, last.clientY)
      hooks.hover(session, ids[0] ?? null)
    })
  }
  const onLeave = () => hooks.hover(session, null)
  const onClick = (e: Event) => {
    const m = e as MouseEvent
    const ids = painter.hitTest(m.clientX, m.clientY)
    if (ids[0]) hooks.click(session, ids[0])
  }
  const onKey = () => hooks.typing(session)
  target.addEventListener('mousemove', onMove, { passive: true })
  target.addEventListener('mouseleave', onLeave, { passive: true })
  target.addEventListener('click', onClick, { passive: true })
  target.addEventListener('keydown', onKey, { passive: true })
  return () => {
    cancelAnimationFrame(frame)
    target.removeEventListener('mousemove', onMove)
    target.removeEventListener('mouseleave', onLeave)
    target.removeEventListener('click', onClick)
    target.removeEventListener('keydown', onKey)
  }
}
