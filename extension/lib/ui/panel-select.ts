/** Side panel → a frame's content script: select this finding in the page, as a click in the in-page panel would. */
export interface PanelSelect {
  type: 'panel:select'
  /** EditorSnapshot.id: the session within the frame. */
  session: string
  finding: string
}

export const isPanelSelect = (x: unknown): x is PanelSelect =>
  typeof x === 'object' && x !== null && (x as PanelSelect).type === 'panel:select' && typeof (x as PanelSelect).session === 'string' && typeof (x as PanelSelect).finding === 'string'
