import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

describe('npm run train', () => {
  it('reproduces the committed model byte for byte', () => {
    const r = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'models/train/cli.ts', '--check'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('')
    expect(r.stdout).toMatch(/逐字节一致/)
    expect(r.status).toBe(0)
  }, 600_000)
})
