import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Total size of a folder's files: what the model folder costs the extension. */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0)
}
