/**
 * The text a document's fingerprint (docHash) is taken of. The drafter's editor and the
 * recipient's 收文 page show the same document through different DOMs: a textarea keeps its
 * indents and blank lines, an HTML page turns paragraphs into line breaks and 　　 indents into
 * whatever its CSS draws. Dropping every whitespace character (line breaks, full-width spaces,
 * nbsp and the zero-width fillers editors insert) leaves what both sides agree on: the words.
 */
const SPACE = /[\s\u200b\u2060\ufeff]+/gu

export const docHashText = (text: string): string => text.normalize('NFC').replace(SPACE, '')
