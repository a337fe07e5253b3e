/** One interface over every kind of editor the content script can meet. */
export type EditorKind = 'textarea' | 'contenteditable' | 'iframe' | 'ckeditor5' | 'generic'

export interface Span {
  start: number
  end: number
}

export interface EditorAdapter {
  readonly kind: EditorKind
  /** The element that holds the text: the textarea, the editable root, or the iframe's body. */
  readonly element: HTMLElement
  /** Document of `element` (the iframe's document for iframe editors). */
  readonly doc: Document
  /** The iframe hosting the editor, to map its coordinates into the page's viewport. */
  readonly frame: HTMLIFrameElement | null
  /** The text the engine analyses; offsets in findings refer to the last text returned. */
  getText(): string
  /** The text getText() last returned, without reading the editor again. */
  readonly lastText: string
  /** Live DOM Range for a span of the last text; null for textareas (drawn by the mirror). */
  rangeFor(span: Span): Range | null
  /** Text offset under a viewport point of the editor's own document, or null. */
  offsetAtPoint(x: number, y: number): number | null
  /** Scrolls a span into view and selects it, as if the drafter had. */
  select(span: Span): void
  /** 采纳: replaces a span of the last text with `text` ('' deletes) through the editor's own input path. */
  replace(span: Span, text: string): Promise<void>
  /** Called after the content changed (never during IME composition) and when a composition ends. */
  onChange(cb: () => void): () => void
  /** True between compositionstart and compositionend. */
  readonly composing: boolean
  /** Called at compositionstart / first input, so painters can hide stale marks. */
  onEditStart(cb: () => void): () => void
  /** Still in the page and still editable. */
  connected(): boolean
  destroy(): void
}
