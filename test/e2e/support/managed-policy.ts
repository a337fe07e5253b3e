/**
 * Writes a browser policy for one unpacked extension the way an IT department would on Linux
 * (/etc/chromium/policies/managed/*.json, "3rdparty" → "extensions" → id), and takes it away again.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const CHROMIUM_POLICY_ROOT = '/etc/chromium/policies'

/** The id Chromium gives an unpacked extension: the first 128 bits of SHA-256 of its path, as letters a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')
}

export function writeManagedPolicy(extensionDir: string, values: Record<string, unknown>): { remove(): void } {
  const madeRoot = !existsSync(CHROMIUM_POLICY_ROOT)
  const dir = join(CHROMIUM_POLICY_ROOT, 'managed')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `banwen-e2e-${process.pid}-${Date.now()}.json`)
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: values } } }, null, 2))
  return {
    remove: () => {
      rmSync(file, { force: true })
      if (madeRoot) rmSync(CHROMIUM_POLICY_ROOT, { recursive: true, force: true })
    },
  }
}
