/**
 * Editors whose undo is keystroke-driven (TinyMCE, CKEditor 4) record no undo step for a
 * change that comes with no keys, so Ctrl+Z after 采纳 would also take back the drafter's last
 * typing. Their own API marks the step: run in the page's main world (the content script's
 * isolated world cannot see the editor objects), before and after the change.
 */

/** Runs in the page (serialised by chrome.scripting): no imports, no closure. */
export function markUndoStep(frameIndex: number): boolean {
  const frame = document.querySelectorAll('iframe')[frameIndex]
  if (!frame) return false
  type Tiny = { iframeElement?: Element; undoManager: { add(): unknown } }
  type Ck4 = { window?: { $?: Window }; fire(name: string): unknown }
  const w = window as unknown as { tinymce?: { get?: () => Tiny[] }; CKEDITOR?: { instances?: Record<string, Ck4> } }
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
