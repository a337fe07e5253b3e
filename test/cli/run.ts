import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

export const BIN = resolve(import.meta.dirname, '../../bin/banwen.mjs')

export interface Run {
  code: number | null
  stdout: string
  /** All bytes written to stdout, also past what `stdout` keeps. */
  stdoutBytes: number
  stderr: string
  /** Killed after `timeoutMs`: the CLI hung. */
  killed: boolean
}

const KEEP = 64 * 1024 * 1024

/** Runs the CLI rules-only, without colours; a run past `timeoutMs` is killed and says so. */
export function run(args: string[], input?: string | Buffer, timeoutMs = 60_000, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', BANWEN_NO_MODEL: '1', ...env } })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let stdoutBytes = 0
    let killed = false
    child.stdout.on('data', (c: Buffer) => {
      if (stdoutBytes < KEEP) out.push(c)
      stdoutBytes += c.length
    })
    child.stderr.on('data', (c: Buffer) => err.push(c))
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stdoutBytes, stderr: Buffer.concat(err).toString('utf8'), killed })
    })
    child.stdin.on('error', () => {}) // the CLI may refuse before reading stdin
    child.stdin.end(input)
  })
}
