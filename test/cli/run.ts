import { execFile } from 'node:child_process'
import { resolve } from 'node:path'

export const BIN = resolve(import.meta.dirname, '../../bin/banwen.mjs')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
  /** Killed after `timeoutMs`: the CLI hung. */
  killed: boolean
  ms: number
}

/** Runs the CLI rules-only, without colours; a run past `timeoutMs` is killed and says so. */
export function run(args: string[], input?: string | Buffer, timeoutMs = 60_000, env: Record<string, string> = {}): Promise<Run> {
  const t0 = performance.now()
  return new Promise((done) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', BANWEN_NO_MODEL: '1', ...env }, maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs }, (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr, killed: !!err?.killed, ms: performance.now() - t0 }),
    )
    child.stdin!.on('error', () => {}) // the CLI may refuse before reading stdin
    if (input !== undefined) child.stdin!.end(input)
    else child.stdin!.end()
  })
}
