/**
 * A copy of the built extension with its manifest changed (and extra files written into it), to
 * force what an older core would lack: tests and the benchmark delete it with the returned cleanup.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureExtensionBuilt } from '../browser'

export interface Manifest {
  permissions: string[]
  content_scripts: Array<{ js: string[]; world?: string }>
}

export function alteredBuild(alter: (m: Manifest) => void, files: Record<string, string> = {}): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'banwen-altered-'))
  cpSync(ensureExtensionBuilt(), dir, { recursive: true })
  const path = join(dir, 'manifest.json')
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest
  alter(manifest)
  writeFileSync(path, JSON.stringify(manifest))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Without the offscreen permission chrome.offscreen is missing, as on cores before Chromium 109. */
export const withoutOffscreen = () => alteredBuild((m) => void (m.permissions = m.permissions.filter((p) => p !== 'offscreen')))
