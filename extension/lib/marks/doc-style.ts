/**
 * Styles for a document that put nothing into it: a constructed sheet in
 * `document.adoptedStyleSheets`. A <style> in an editor's iframe is part of what CKEditor 4
 * (fullPage) serialises and files, and `document.write` (CKEditor 4 setData) throws it away.
 */
const sheets = new WeakMap<Document, CSSStyleSheet>()

/** Adopts `css` into `doc` unless it is there already; cheap enough to call before every paint. */
export function adoptStyle(doc: Document, css: string): void {
  let sheet = sheets.get(doc)
  if (!sheet) {
    // A constructed sheet can only be adopted by the document of the window that made it.
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet
    if (!Sheet) return
    sheet = new Sheet()
    sheet.replaceSync(css)
    sheets.set(doc, sheet)
  }
  // Page scripts may assign the array (or a rewrite may clear it): put ours back at the end.
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
}
