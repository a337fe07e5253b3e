/**
 * Editors whose undo is keystroke- or time-driven record no separate undo step for a change
 * that comes with no keys: TinyMCE and CKEditor 4 fold it into the drafter's last typing, Quill
 * merges changes less than a second apart. Ctrl+Z after 采纳 would then also take back what the
 * drafter typed. Their own API marks the step: run in the page's main world (the content
 * script's isolated world cannot see the editor objects), before and after the change.
 */

/** Which editor: an iframe (index among the frame's iframes) or an editable root (index among [contenteditable]). */
export type UndoTarget = { frame: number } | { editable: number }

/** Runs in the page (serialised by chrome.scripting): no imports, no closure. */
export function markUndoStep(target: UndoTarget): boolean {
  type Tiny = { iframeElement?: Element; undoManager: { add(): unknown } }
  type Ck4 = { window?: { $?: Window }; fire(name: string): unknown }
  type Quill = { history?: { cutoff(): void } }
  const w = window as unknown as {
    tinymce?: { get?: () => Tiny[] }
    CKEDITOR?: { instances?: Record<string, Ck4> }
    Quill?: { find?: (node: Element) => Quill | null }
  }
  if ('frame' in target) {
    const frame = document.querySelectorAll('iframe')[target.frame]
    if (!frame) return false
    const tiny = w.tinymce?.get?.()?.find?.((e) => e.iframeElement === frame)
    if (tiny) {
      tiny.undoManager.add()
      return true
    }
    const ck = Object.values(w.CKEDITOR?.instances ?? {}).find((e) => e.window?.$?.frameElement === frame)
    if (ck) {
      ck.fire('saveSnapshot')
      return true
    }
    return false
  }
  const el = document.querySelectorAll('[contenteditable]')[target.editable]
  const quill = el?.parentElement ? w.Quill?.find?.(el.parentElement) : null
  if (quill?.history) {
    quill.history.cutoff()
    return true
  }
  return false
}
