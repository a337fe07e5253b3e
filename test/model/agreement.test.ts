import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agreement, loadSecondAnnotator } from '../../models/eval/agreement'
import { loadReal, type RealExample, type RealRef } from '../../models/data/real/refs'
import { SHARED_DIR } from '../../models/train/data'

const ref = (i: number, tao: 0 | 1, burden: 0 | 1 = 0): RealRef => ({ file: 'corpus/x.txt', start: i * 10, end: i * 10 + 9, tao, burden })
const ex = (r: RealRef): RealExample => ({ ...r, text: '示例', y: [r.tao, r.burden] }) as RealExample

describe('agreement', () => {
  it('scores the second annotator as a system against the dev labels, with kappa', () => {
    const dev = [ref(0, 1), ref(1, 1), ref(2, 0), ref(3, 0), ref(4, 1), ref(5, 0)].map(ex)
    const second = [ref(0, 1), ref(1, 0), ref(2, 1), ref(3, 0), ref(4, 1), ref(5, 0)]
    const [tao, burden] = agreement(dev, second)
    expect(tao).toMatchObject({ label: 'tao', n: 6, tp: 2, fp: 1, fn: 1 })
    expect(tao!.f1).toBeCloseTo(2 / 3)
    // Observed 4/6; chance (3·3 + 3·3)/36 = 1/2; kappa (2/3 − 1/2)/(1/2) = 1/3.
    expect(tao!.kappa).toBeCloseTo(1 / 3)
    expect(burden).toMatchObject({ tp: 0, fp: 0, fn: 0, kappa: 1 })
  })

  it('refuses a second label that points at no dev sentence', () => {
    expect(() => agreement([ex(ref(0, 1))], [ref(7, 1)])).toThrow(/不在评测集中/)
  })
})

describe.skipIf(!existsSync(SHARED_DIR))('the committed second labelling', () => {
  it('labels 400 distinct dev sentences', () => {
    const second = loadSecondAnnotator()
    expect(second).toHaveLength(400)
    expect(new Set(second.map((s) => `${s.file}:${s.start}`)).size).toBe(400)
    const [tao] = agreement(loadReal('dev'), second)
    expect(tao!.n).toBe(400)
  })
})
