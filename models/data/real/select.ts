/**
 * Reproducible selection of real corpus sentences for labelling (issue: precision on real documents).
 * Sentences are the engine's own (core segment()), so labels line up with what the engine marks.
 * Never writes corpus text into the repo: `batches` writes to scratch/ (git-ignored) for the labellers.
 *
 *   npx tsx models/data/real/select.ts stats
 *   npx tsx models/data/real/select.ts batches <dir> <size>   (text for labelling, outside the repo)
 */
import fs from 'node:fs'
import path from 'node:path'
import { segment } from '../../../core'
import { SHARED_DIR } from '../../train/data'
import { rng as mulberry32, shuffle } from '../../train/random'
import { splitOf } from './split'

/** Selection net only (decides which sentences are read), never a label. */
const BURDEN_CUE =
  /报送|上报|报表|填报|填表|报数|台账|每日|每天|每周|每月|每季|每旬|每半月|每半年|每年|日报|周报|月报|旬报|零报告|照片|截图|佐证|视频|打卡|定位|留痕|痕迹|建档|责任状|责任书|承诺书|一票否决|签订|陪同|汇报|接龙|工作群|APP|App|小程序|当天|当日|工作日内|小时内|定期|按季度|按月|材料|上传|录入|迎检|督查|检查|考核|评比|会议/
const SEED = 20261203
const MIN_CHARS = 6
const MAX_CHARS = 400

export interface Candidate {
  file: string
  start: number
  end: number
  cue: boolean
  split: 'train' | 'dev'
}

export function listDocuments(shared = SHARED_DIR): string[] {
  const files: string[] = []
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(shared, rel)).sort()) {
      const r = `${rel}/${name}`
      if (fs.statSync(path.join(shared, r)).isDirectory()) walk(r)
      else if (name.endsWith('.txt')) files.push(r)
    }
  }
  walk('corpus')
  walk('seeds')
  return files
}

/** Every sentence after the title line, with its selection cue. */
export function candidates(file: string, shared = SHARED_DIR): Candidate[] {
  const text = fs.readFileSync(path.join(shared, file), 'utf8')
  const bodyStart = text.indexOf('\n') + 1
  const split = splitOf(file)
  return segment(text)
    .sentences.filter((s) => s.start >= bodyStart && s.text.length >= MIN_CHARS && s.text.length <= MAX_CHARS)
    .map((s) => ({ file, start: s.start, end: s.end, cue: BURDEN_CUE.test(s.text), split }))
}

const groupOf = (file: string) => {
  const base = path.basename(file)
  if (file.includes('train_pool/')) return `pool/${base.split('_')[0]}`
  return file.split('/').slice(0, 2).join('/')
}

/**
 * All cue sentences outside the long work reports, a share of the work reports' cue sentences,
 * and an even random fill (round-robin over each group's shuffled documents).
 */
export function select(shared = SHARED_DIR, target = { reportCue: 1300, fill: 5300 }): Candidate[] {
  const rand = mulberry32(SEED)
  const byGroup = new Map<string, Candidate[][]>()
  for (const file of listDocuments(shared)) {
    const g = groupOf(file)
    byGroup.set(g, [...(byGroup.get(g) ?? []), candidates(file, shared)])
  }
  const chosen: Candidate[] = []
  const reportCue: Candidate[] = []
  const rest = new Map<string, Candidate[][]>()
  for (const [g, docs] of byGroup) {
    const isReport = /pool\/lt|wikisource|provincial/.test(g)
    const left: Candidate[][] = []
    for (const doc of docs) {
      const cue = doc.filter((c) => c.cue)
      if (isReport) reportCue.push(...cue)
      else chosen.push(...cue)
      left.push(shuffle(doc.filter((c) => !c.cue), rand))
    }
    rest.set(g, shuffle(left, rand))
  }
  chosen.push(...shuffle(reportCue, rand).slice(0, target.reportCue))
  // Fill: groups in turn, each taking one sentence from its next document.
  const groups = [...rest.keys()].sort()
  const cursor = new Map(groups.map((g) => [g, 0]))
  let taken = 0
  while (taken < target.fill) {
    let progressed = false
    for (const g of groups) {
      const docs = rest.get(g)!
      const live = docs.filter((d) => d.length > 0)
      if (live.length === 0) continue
      const i = cursor.get(g)! % live.length
      cursor.set(g, i + 1)
      chosen.push(live[i]!.shift()!)
      progressed = true
      if (++taken >= target.fill) break
    }
    if (!progressed) break
  }
  return chosen.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start)
}

function writeBatches(list: Candidate[], dir: string, n: number, prefix: string) {
  fs.mkdirSync(dir, { recursive: true })
  const texts = new Map<string, string>()
  const read = (f: string) => texts.get(f) ?? (texts.set(f, fs.readFileSync(path.join(SHARED_DIR, f), 'utf8')), texts.get(f)!)
  const order = shuffle([...list], mulberry32(SEED + 1))
  for (let b = 0; b * n < order.length; b++) {
    const lines = order.slice(b * n, (b + 1) * n).map((c) => {
      const t = read(c.file)
      const title = t.slice(0, t.indexOf('\n')).slice(0, 40)
      const before = t.slice(Math.max(0, c.start - 60), c.start).replace(/\s+/g, ' ')
      return JSON.stringify({ id: `${c.file}#${c.start}-${c.end}`, title, before, text: t.slice(c.start, c.end) })
    })
    fs.writeFileSync(path.join(dir, `${prefix}-${String(b).padStart(3, '0')}.jsonl`), lines.join('\n') + '\n')
  }
  console.log(`wrote ${Math.ceil(order.length / n)} batches to ${dir}`)
}

function main() {
  const [cmd, dir, size] = process.argv.slice(2)
  const sel = select()
  if (cmd === 'stats') {
    const count = (f: (c: Candidate) => boolean) => sel.filter(f).length
    console.log(`selected ${sel.length}: cue ${count((c) => c.cue)}, dev ${count((c) => c.split === 'dev')}, train ${count((c) => c.split === 'train')}`)
    return
  }
  if (cmd === 'rest' && dir) {
    // Every cue sentence the selection left out (the work reports' remainder), for a second pass.
    const chosen = new Set(sel.map((c) => `${c.file}#${c.start}`))
    const rest = listDocuments().flatMap((f) => candidates(f)).filter((c) => c.cue && !chosen.has(`${c.file}#${c.start}`))
    writeBatches(rest, dir, Number(size ?? 150), 'rest')
    return
  }
  if (cmd === 'batches' && dir) {
    writeBatches(sel, dir, Number(size ?? 150), 'batch')
    return
  }
  console.error('usage: select.ts stats | batches <dir> <size> | rest <dir> <size>')
  process.exit(2)
}

if (import.meta.url === `file://${process.argv[1]}`) main()
