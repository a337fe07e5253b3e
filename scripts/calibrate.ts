/**
 * Scores every document of ../shared/corpus and ../shared/seeds and prints the distribution per
 * folder: the check that concise, substantive documents score high and padded ones low.
 * Usage: tsx scripts/calibrate.ts [--files]
 */
import { calibrate } from '../test/calibration/calibrate'

const rows = calibrate()
if (rows.length === 0) {
  console.error('未找到 ../shared：无法校准')
  process.exit(2)
}
const byGroup = new Map<string, number[]>()
for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.score])
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
console.log('组别                         份数  中位数  最低   最高')
for (const [g, xs] of [...byGroup].sort((a, b) => q(b[1], 0.5) - q(a[1], 0.5)))
  console.log(`${g.padEnd(28)} ${String(xs.length).padStart(4)}  ${q(xs, 0.5).toFixed(1).padStart(6)}  ${Math.min(...xs).toFixed(1).padStart(5)}  ${Math.max(...xs).toFixed(1).padStart(5)}`)
if (process.argv.includes('--files'))
  for (const r of rows.sort((a, b) => b.score - a.score)) console.log(`${r.score.toFixed(1).padStart(5)} ${r.grade} ${String(r.chars).padStart(6)}字 ${r.file}`)
