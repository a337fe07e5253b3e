/**
 * Turns the labellers' output (scratch/label/*out-*.jsonl, which holds text and never lands) into
 * the committed references: models/data/real/{train,dev}.jsonl — file, offsets, labels, no text.
 *
 *   npx tsx models/data/real/assemble.ts scratch/label
 */
import fs from 'node:fs'
import path from 'node:path'
import { SHARED_DIR } from '../../train/data'
import { splitOf } from './split'
import { RealRefSchema, REAL_DIR, type RealRef } from './refs'

const dir = process.argv[2] ?? 'scratch/label'
const texts = new Map<string, string>()
const read = (f: string) => texts.get(f) ?? (texts.set(f, fs.readFileSync(path.join(SHARED_DIR, f), 'utf8')), texts.get(f)!)
const refs = new Map<string, RealRef>()
let problems = 0
for (const name of fs.readdirSync(dir).filter((n) => /out-\d+\.jsonl$/.test(n)).sort()) {
  for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter((l) => l.trim())) {
    const o = JSON.parse(line) as { id: string; tao: 0 | 1; burden: 0 | 1; neg?: string; kind?: string; words?: string }
    const m = /^(.+)#(\d+)-(\d+)$/.exec(o.id)
    if (!m) throw new Error(`${name}: bad id ${o.id}`)
    const [file, start, end] = [m[1]!, Number(m[2]), Number(m[3])]
    const sentence = read(file).slice(start, end)
    const ref: RealRef = { file, start, end, tao: o.tao, burden: o.burden }
    if (o.burden === 0 && o.neg) ref.neg = o.neg as RealRef['neg']
    if (o.burden === 1 && o.kind) ref.kind = o.kind as RealRef['kind']
    if (o.burden === 1 && o.words) {
      const at = sentence.indexOf(o.words)
      if (at < 0) problems++
      else [ref.wordsStart, ref.wordsEnd] = [start + at, start + at + o.words.length]
    }
    refs.set(o.id, RealRefSchema.parse(ref))
  }
}
const bySplit = { train: [] as RealRef[], dev: [] as RealRef[] }
for (const r of [...refs.values()].sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start)) bySplit[splitOf(r.file)].push(r)
for (const [split, list] of Object.entries(bySplit)) {
  fs.writeFileSync(path.join(REAL_DIR, `${split}.jsonl`), list.map((r) => JSON.stringify(r)).join('\n') + '\n')
  console.log(`${split}: ${list.length} sentences, tao ${list.filter((r) => r.tao).length}, burden ${list.filter((r) => r.burden).length}`)
}
if (problems) console.log(`${problems} burden words not found in their sentence (offsets left out)`)
