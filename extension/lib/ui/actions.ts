import type { EditorSession } from '../session'

/** What the UI can ask the controller to do. */
export interface UiActions {
  selectFinding(session: EditorSession, id: string): void
  /** 采纳: apply the rule's fix in the editor. */
  applyFix(session: EditorSession, id: string): void
  ignore(session: EditorSession, id: string): void
  falsePositive(session: EditorSession, id: string): void
  toggleRule(): void
  closeCard(): void
  cardHover(inside: boolean): void
  setDocType(session: EditorSession, docType: string | undefined): void
  setCollapsed(collapsed: boolean): void
  setDock(dock: 'right' | 'left'): void
}
