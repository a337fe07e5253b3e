import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { calibrate, SHARED } from './calibrate'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

describe.skipIf(!existsSync(SHARED))('办文指数 calibration on ../shared', () => {
  const rows = calibrate()
  const group = (g: string) => rows.filter((r) => r.group === g).map((r) => r.score)

  it('scores concise, rule-carrying documents high', () => {
    expect(median(group('lawrefbook_gongwen'))).toBeGreaterThanOrEqual(90)
    expect(median(group('shanghai_gov_docs'))).toBeGreaterThanOrEqual(85)
  })

  it('scores padded, formulaic texts low', () => {
    expect(Math.max(...group('seeds'))).toBeLessThan(50)
    expect(median(group('provincial_gwr_2026'))).toBeLessThan(70)
  })

  it('ranks every concise document above every padded seed text', () => {
    const concise = [...group('lawrefbook_gongwen'), ...group('shanghai_gov_docs')]
    expect(Math.min(...concise)).toBeGreaterThan(Math.max(...group('seeds')) + 20)
  })
})
