/**
 * 采纳 through the editor's own input path, never by writing its DOM: editors with a model
 * (Slate/wangEditor, CKEditor 5, Quill 2) take a cancelable `beforeinput` carrying the target
 * range and apply it as one undoable change; the rest (ProseMirror, TinyMCE, CKEditor 4, plain
 * contenteditable and textareas) read the browser's own editing command, which native undo and
 * their DOM observers both follow. Either way one Ctrl+Z takes it back.
 */

/** Model editors sync their selection from `selectionchange` (Slate throttles it to 100 ms). */
const SELECTION_SETTLE_MS = 150

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

/**
 * Replaces the selected range (already selected and focused by the adapter) with `text`; ''
 * deletes it. `undoStep` marks an undo step in editors that need their API for it.
 */
export async function replaceSelection(doc: Document, root: HTMLElement, range: Range, text: string, undoStep?: () => Promise<unknown>): Promise<void> {
  await sleep(SELECTION_SETTLE_MS)
  await undoStep?.()
  const container = range.commonAncestorContainer
  const target = (container.nodeType === 1 ? (container as Element) : container.parentElement) ?? root
  const win = doc.defaultView as (Window & typeof globalThis) | null
  if (!win) return
  const event = new win.InputEvent('beforeinput', {
    inputType: text ? 'insertText' : 'deleteContentBackward',
    data: text || null,
    bubbles: true,
    cancelable: true,
    composed: true,
    targetRanges: [new win.StaticRange(range)],
  })
  target.dispatchEvent(event)
  // The editor took it through its model.
  if (event.defaultPrevented) return
  doc.execCommand(text ? 'insertText' : 'delete', false, text)
  await undoStep?.()
}

/** Textareas and inputs: select, then the browser's editing command (one native undo step). */
export function replaceInField(field: HTMLTextAreaElement | HTMLInputElement, start: number, end: number, text: string): void {
  field.focus({ preventScroll: true })
  field.setSelectionRange(start, end)
  field.ownerDocument.execCommand(text ? 'insertText' : 'delete', false, text)
}
