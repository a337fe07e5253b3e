/**
 * An error as it may be written to a log: its class, its code, its message with every quoted
 * or bracketed value cut out, and where it was thrown. Never its other fields: a database
 * error carries the statement's parameters (a document's text) and the failing row.
 */
export function safeError(e: unknown): string {
  if (!(e instanceof Error)) return `非 Error 对象（${typeof e}）`
  const code = (e as { code?: unknown }).code
  const message = e.message
    .replace(/"[^"]*"|'[^']*'|「[^」]*」|“[^”]*”|\([^)]*\)=\([^)]*\)/g, '…')
    .replace(/[\r\n].*$/s, '')
    .slice(0, 200)
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
  return [`${e.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${message}`, ...frames].join('\n')
}
