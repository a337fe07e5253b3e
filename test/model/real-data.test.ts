import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { segment } from '../../core'
import { SHARED_DIR } from '../../models/train/data'
import { loadReal } from '../../models/data/real/refs'
import { isValidationDoc, splitOf } from '../../models/data/real/split'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

describe.skipIf(!existsSync(SHARED_DIR))('real labelled sentences (references into ../shared)', () => {
  const train = loadReal('train')
  const dev = loadReal('dev')

  it('splits by document: no dev document is ever read by training', () => {
    const devFiles = new Set(dev.map((e) => e.file))
    expect(train.filter((e) => devFiles.has(e.file))).toEqual([])
    expect(dev.every((e) => splitOf(e.file) === 'dev')).toBe(true)
    expect(train.every((e) => splitOf(e.file) === 'train')).toBe(true)
    expect(dev.some((e) => isValidationDoc(e.file))).toBe(false)
  })

  it('holds at least 2,000 dev sentences and 8,000 in all', () => {
    expect(dev.length).toBeGreaterThanOrEqual(2000)
    expect(dev.length + train.length).toBeGreaterThanOrEqual(8000)
  })

  it('points at the engine’s own sentences, so labels line up with what it marks', () => {
    const byFile = new Map<string, Set<string>>()
    for (const e of [...dev, ...train].slice(0, 3000)) {
      let set = byFile.get(e.file)
      if (!set) {
        const text = readFileSync(join(SHARED_DIR, e.file), 'utf8')
        set = new Set(segment(text).sentences.map((s) => `${s.start}-${s.end}`))
        byFile.set(e.file, set)
      }
      expect(set.has(`${e.start}-${e.end}`)).toBe(true)
    }
  })

  it('keeps burden words inside their sentence', () => {
    for (const e of [...dev, ...train]) if (e.wordsStart !== undefined) expect(e.wordsStart >= e.start && e.wordsEnd! <= e.end).toBe(true)
  })
})
