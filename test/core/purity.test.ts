import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { charTotal, countChars, filler } from '../../core'

const CORE = resolve(import.meta.dirname, '../../core')
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))

describe('core stays pure', () => {
  it('type-checks with neither DOM nor Node types, so every runtime can load it', () => {
    const tsc = resolve(CORE, '../node_modules/typescript/bin/tsc')
    const r = spawnSync(process.execPath, [tsc, '-p', join(CORE, 'tsconfig.json')], { encoding: 'utf8' })
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  }, 60_000)

  it('imports only zod and itself', () => {
    const external = new Set<string>()
    for (const f of files(CORE)) for (const m of readFileSync(f, 'utf8').matchAll(/from ['"]([^'".][^'"]*)['"]/g)) external.add(m[1]!)
    expect([...external]).toEqual(['zod'])
  })
})

describe('example filler', () => {
  it('produces at least the requested 字 count, without repeating a sentence', () => {
    const text = filler(5300)
    expect(charTotal(countChars(text))).toBeGreaterThanOrEqual(5300)
    expect(charTotal(countChars(text))).toBeLessThan(5400)
    const lines = text.trim().split('\n')
    expect(new Set(lines).size).toBe(lines.length)
  })
})
