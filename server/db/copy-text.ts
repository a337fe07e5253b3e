/**
 * Rows in COPY's text format (https://www.postgresql.org/docs/current/sql-copy.html): one line per
 * row, fields split by tabs, `\N` for NULL. COPY parses this much faster than PGlite's
 * json_to_recordset reads JSON, and the text goes to PGlite as a blob (pglite-worker.mjs).
 */
const SPECIAL = /[\\\t\n\r]/
const SPECIALS = /[\\\t\n\r]/g
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** One field: strings escaped (backslash, tab, newline, CR), objects and arrays as JSON. */
export function copyField(v: unknown): string {
  if (v === undefined || v === null) return '\\N'
  if (typeof v === 'string') return SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPED[c]!) : v
  if (typeof v === 'object') return copyField(JSON.stringify(v))
  return String(v)
}

/** One row as a line of COPY text: the `fields` (each already a `copyField`) at `order`, tab-separated. */
export function copyLine(fields: readonly string[], order: readonly number[]): string {
  let line = fields[order[0]!]!
  for (let i = 1; i < order.length; i++) line += '\t' + fields[order[i]!]
  return line + '\n'
}
