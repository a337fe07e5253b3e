/**
 * The CLI as a user starts it: start time on a small .txt against textlint (same file, one rule
 * that walks every text node), and hostile input (.docx bombs, a 15 MB text) with wall time and
 * peak RSS of the whole process. Also the .docx reader in-process, as the service's analyze route
 * runs it. `npx tsx bench/cli.ts`
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { readDocument } from '../node/read-document'
import { docxBomb } from '../test/fixtures/zip'
import { median } from './util'

const ROOT = resolve(import.meta.dirname, '..')
const BIN = join(ROOT, 'bin', 'banwen.mjs')
const TEXTLINT = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js')
const RSS = pathToFileURL(join(import.meta.dirname, 'report-max-rss.mjs')).href
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 9)

interface Measured {
  ms: number
  rssMB: number
  code: number | null
  stderr: string
}

function measure(cmd: string, args: string[], env: Record<string, string> = {}): Measured {
  const t0 = performance.now()
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--import=${RSS}`, ...env }, encoding: 'utf8', maxBuffer: 1024 ** 3 })
  const ms = performance.now() - t0
  const kb = Number(/BANWEN_MAX_RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN)
  return { ms, rssMB: kb / 1024, code: r.status, stderr: r.stderr.replace(/\nBANWEN_MAX_RSS_KB \d+\n/, '').trim() }
}

/** Median and best wall time over RUNS, after one warm-up run (disk cache, CLI bundle). */
function startTime(label: string, cmd: string, args: string[], env?: Record<string, string>): number {
  const first = measure(cmd, args, env)
  if (first.code !== 0) {
    console.log(`${label}：失败（退出码 ${first.code}）${first.stderr.slice(0, 200)}`)
    return NaN
  }
  const times = Array.from({ length: RUNS }, () => measure(cmd, args, env).ms)
  const m = median(times)
  console.log(`${label}：中位数 ${m.toFixed(0)} ms，最快 ${Math.min(...times).toFixed(0)} ms（${RUNS} 次）`)
  return m
}

export async function runCliBench(): Promise<void> {
  console.log('\n## 命令行（banwen check）')
  const dir = mkdtempSync(join(tmpdir(), 'banwen-bench-cli-'))
  try {
    const small = join(dir, 'notice.txt')
    writeFileSync(small, '关于调整公交线路的通知\n各乡镇：\n8路公交车自12月1日起改经人民路，请各单位高度重视，周知本单位职工。\n')

    console.log('### 启动时间（小 .txt，整个进程）')
    const banwen = startTime('banwen check --no-model', process.execPath, [BIN, 'check', '--no-model', small])
    startTime('banwen check（含模型）', process.execPath, [BIN, 'check', small])
    startTime('banwen check --no-model，不用缓存包（tsx）', process.execPath, [BIN, 'check', '--no-model', small], { BANWEN_NO_BUNDLE: '1' })
    if (existsSync(TEXTLINT)) {
      const rules = ['--rulesdir', join(import.meta.dirname, 'textlint-rules')]
      const textlint = startTime('textlint（一条遍历文本的规则）', process.execPath, [TEXTLINT, ...rules, small])
      startTime('npx textlint（同上）', 'npx', ['--no-install', 'textlint', ...rules, small])
      console.log(`banwen / textlint：${(banwen / textlint).toFixed(2)}`)
    } else console.log('未安装 textlint（devDependency），跳过对比')

    console.log('\n### 敌意输入（整个进程：用时、峰值 RSS）')
    const bases = Array.from({ length: 3 }, () => measure(process.execPath, [BIN, 'check', '--no-model', small]))
    const base = { ms: median(bases.map((r) => r.ms)), rssMB: Math.max(...bases.map((r) => r.rssMB)) }
    console.log(`基线（小 .txt）：中位数 ${base.ms.toFixed(0)} ms，峰值 RSS ${base.rssMB.toFixed(0)} MB`)
    const bombs = [
      ['如实声明大小的 300 MB 压缩炸弹', docxBomb(300)],
      ['谎报大小、无文字的 300 MB 压缩炸弹', docxBomb(300, { declaredSize: 4096, textless: true })],
      ['谎报大小、满是文字的 300 MB 压缩炸弹', docxBomb(300, { declaredSize: 4096 })],
    ] as const
    for (const [label, bytes] of bombs) {
      const file = join(dir, 'bomb.docx')
      writeFileSync(file, bytes)
      const runs = Array.from({ length: 3 }, () => measure(process.execPath, [BIN, 'check', '--no-model', file]))
      const rss = Math.max(...runs.map((r) => r.rssMB))
      console.log(
        `${label}（${(bytes.length / 1048576).toFixed(1)} MB）：退出码 ${runs[0]!.code}，中位数 ${median(runs.map((r) => r.ms)).toFixed(0)} ms，峰值 RSS ${rss.toFixed(0)} MB（比基线多 ${Math.round(rss - base.rssMB)} MB）；${runs[0]!.stderr.split('\n')[0]!.replace(file, 'bomb.docx')}`,
      )
    }
    const big = join(dir, 'big.txt')
    const para = '东山镇今年新修村道3公里，投入资金120万元，惠及农户800户。各村要高度重视，切实提高政治站位。\n'
    writeFileSync(big, para.repeat(Math.ceil((15 * 1048576) / Buffer.byteLength(para))))
    const r = measure(process.execPath, [BIN, 'check', '--no-model', '--json', big])
    console.log(`15 MB .txt（每句都有问题）--json：退出码 ${r.code}，${(r.ms / 1000).toFixed(1)} s，峰值 RSS ${r.rssMB.toFixed(0)} MB`)

    console.log('\n### .docx 读取（进程内，服务的 /api/analyze 同此）')
    for (const [label, bytes] of bombs) {
      const rss0 = process.memoryUsage().rss
      let peak = rss0
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
      // How long other requests would wait meanwhile: the reader yields between 64 KB chunks.
      const lag = monitorEventLoopDelay({ resolution: 1 })
      lag.enable()
      const t0 = performance.now()
      const outcome = await readDocument(bytes, 'bomb.docx').then(
        () => '读出',
        (e: Error) => `拒绝：${e.message}`,
      )
      const ms = performance.now() - t0
      clearInterval(timer)
      lag.disable()
      peak = Math.max(peak, process.memoryUsage().rss)
      console.log(`${label}：${ms.toFixed(0)} ms，RSS 增加 ${((peak - rss0) / 1048576).toFixed(0)} MB（每 5 ms 采样），事件循环最长阻塞 ${(lag.max / 1e6).toFixed(1)} ms；${outcome}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runCliBench()
