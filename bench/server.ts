/**
 * Loopback load test of the service on PGlite, in its own process (so it and autocannon each
 * get a core): telemetry ingest by many clients, the rule poll against a bare Hono endpoint,
 * and a mixed load of rule polls, telemetry and dashboard aggregates. `npx tsx bench/server.ts`
 *
 * BENCH_SECONDS (default 10): ingest and rule-poll runs. BENCH_WARMUP_SECONDS (default 5): the ingest
 * run's first seconds, not counted. BENCH_MIXED_SECONDS (default 60): mixed load.
 * BENCH_PARTS (default ingest,rules,mixed): which parts to run.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error autocannon ships no types; the little used here is typed below.
import autocannonUntyped from 'autocannon'
import { startService } from '../scripts/service-process'
import { percentile } from './util'

interface Result {
  requests: { average: number }
  latency: { p50: number; p99: number; max: number }
  duration: number
  '2xx': number
  '3xx': number
  non2xx: number
  errors: number
  timeouts: number
}
type RequestSetup = { body?: string; path?: string }
const autocannon = autocannonUntyped as (o: {
  url: string
  method?: string
  connections: number
  pipelining?: number
  duration: number
  overallRate?: number
  headers?: Record<string, string>
  requests?: Array<{ method?: string; path?: string; setupRequest?: (req: RequestSetup) => RequestSetup }>
}) => Promise<Result>

const BATCH = 200
const INGEST_CONNECTIONS = 50
/** Many extensions polling at once: connections × requests in flight on each. */
const RULE_CONNECTIONS = 32
const RULE_PIPELINING = 10
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5)
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60)
const PARTS = new Set((process.env.BENCH_PARTS ?? 'ingest,rules,mixed').split(','))
const COUNTS = { tao: 1, burden: 0, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 }

/**
 * One event as JSON, split where its id and time go: the rest is drawn once, so that making a
 * batch costs the load generator (on the same 2 cores as the service) almost nothing.
 */
function eventShape(): [string, string, string] {
  // A drafter belongs to one unit (a unit-bound token reports only its own unit's events).
  const drafter = Math.floor(Math.random() * 500)
  const json = JSON.stringify({
    id: '\u0000',
    kind: Math.random() < 0.7 ? 'analyzed' : 'filed',
    at: '\u0000',
    unit: `单位${drafter % 20}`,
    user: `u${drafter}`,
    docType: ['通知', '方案', '报告'][Math.floor(Math.random() * 3)],
    chars: 1800,
    cap: 5000,
    score: Math.round(Math.random() * 100),
    counts: COUNTS,
    ruleIds: ['tao.gaodu-zhongshi', 'burden.taizhang'],
    rulesetVersion: '2026.11.1',
    extensionVersion: '0.1.0',
    flags: { overCap: false, disguisedDirective: false, frame: false, copiedShare: null },
  })
  const [head, middle, tail] = json.split('\\u0000')
  return [head!, middle!, tail!]
}

/** Each request a fresh batch: new ids (a run prefix and a counter), the time it is sent, events drawn from 1,000 shapes. */
function freshBatches(): (req: RequestSetup) => RequestSetup {
  const shapes = Array.from({ length: 1000 }, eventShape)
  const run = randomBytes(6).toString('hex')
  let n = 0
  return (req) => {
    // Live telemetry: events happen as they are sent.
    const at = new Date().toISOString()
    const events = Array.from({ length: BATCH }, () => {
      const [head, middle, tail] = shapes[Math.floor(Math.random() * shapes.length)]!
      return `${head}${run}-${(n++).toString(36).padStart(8, '0')}${middle}${at}${tail}`
    })
    return { ...req, body: `{"events":[${events.join(',')}]}` }
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ')

/** CPU seconds a process has used (Linux /proc), so a busy machine can be told from a slow service. */
function cpuSeconds(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return null
  }
}

async function bareHono(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bare-hono.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => resolve(String(d).trim().replace(/\/$/, '')))
    child.once('exit', (code) => reject(new Error(`对照服务启动失败（${code}）`)))
  })
  return { url, stop: () => child.kill('SIGTERM') }
}

/**
 * One autocannon run of warm-up + measured seconds over the same 50 connections. The warm-up
 * (a service just started runs cold: JIT, the database's caches and plans; and 50 connections
 * opened at once, which Node accepts one per turn of its busy event loop) is printed on its own
 * line and not counted; the figure is every answer in the measured window after it.
 */
async function ingestBench(url: string, headers: Record<string, string>, pid: number, stored: () => Promise<number>): Promise<void> {
  const run = autocannon({ url: `${url}/api/telemetry`, method: 'POST', connections: INGEST_CONNECTIONS, duration: WARMUP_SECONDS + SECONDS, headers, requests: [{ setupRequest: freshBatches() }] }) as Promise<Result> & {
    on: (e: 'response', f: (client: unknown, status: number, bytes: number, ms: number) => void) => void
  }
  const t0 = performance.now()
  const warm: number[] = []
  const measured: number[] = []
  let other = 0
  run.on('response', (_c, status, _b, ms) => {
    if (status < 200 || status >= 300) return void other++
    ;((performance.now() - t0) / 1000 < WARMUP_SECONDS ? warm : measured).push(ms)
  })
  let cpu0: number | null = null
  setTimeout(() => (cpu0 = cpuSeconds(pid)), WARMUP_SECONDS * 1000)
  const all = await run
  const cpu1 = cpuSeconds(pid)
  const kept = await stored()
  for (const xs of [warm, measured]) xs.sort((a, b) => a - b)
  if (WARMUP_SECONDS > 0)
    console.log(`  遥测写入预热 ${WARMUP_SECONDS} 秒（刚启动、连接刚建立，不计入）：${fmt((warm.length * BATCH) / WARMUP_SECONDS)} 事件/秒，p99 ${Math.round(percentile(warm, 0.99))} ms，最长 ${Math.round(warm.at(-1) ?? NaN)} ms`)
  console.log(
    `  遥测写入：${fmt((measured.length * BATCH) / SECONDS)} 事件/秒，p99 ${Math.round(percentile(measured, 0.99))} ms（p50 ${Math.round(percentile(measured, 0.5))} ms，最长 ${Math.round(measured.at(-1) ?? NaN)} ms；` +
      `${INGEST_CONNECTIONS} 连接 × ${BATCH} 条/批，预热后 ${SECONDS} 秒内的 ${fmt(measured.length)} 个应答，非 2xx ${other}，错误 ${all.errors + all.timeouts}，已入库 ${fmt(kept)}（含预热）` +
      `${cpu0 !== null && cpu1 !== null ? `，服务进程 CPU ${((cpu1 - cpu0) / SECONDS).toFixed(2)} 核` : ''}）  目标 ≥10,000 事件/秒，p99 ≤1 s`,
  )
}

export async function runServerBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banwen-bench-'))
  const admin = `bench-${randomBytes(16).toString('hex')}`
  const service = await startService({ BANWEN_DATA_DIR: dataDir, BANWEN_ADMIN_TOKEN: admin, BANWEN_RATE_LIMIT: '0' })
  const bare = await bareHono()
  const { url } = service
  const pid = service.child.pid!
  try {
    console.log(`\n## 服务（PGlite，回环；服务、对照与压测各一进程；开始时负载 ${load()}，${(await import('node:os')).cpus().length} 核）`)
    const auth = { authorization: `Bearer ${admin}` }
    const mk = async (role: string) => (await (await fetch(`${url}/api/tokens`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ role, name: `bench-${role}` }) })).json()).token as string
    const [drafter, reviewer] = [await mk('drafter'), await mk('reviewer')]
    const json = { authorization: `Bearer ${drafter}`, 'content-type': 'application/json' }

    // 1. Ingest: 50 clients each posting 200-event batches as fast as answered.
    const documents = async () => (await (await fetch(`${url}/api/stats/overview?basis=all`, { headers: auth })).json()).totals.documents as number
    if (PARTS.has('ingest')) await ingestBench(url, json, pid, documents)

    // 2. Rule poll 304 against a bare Hono 304, alternated so both see the same machine.
    const etag = (await fetch(`${url}/api/rules`, { headers: { authorization: `Bearer ${drafter}` } })).headers.get('etag')!
    const ours = { authorization: `Bearer ${drafter}`, 'if-none-match': etag }
    if (PARTS.has('rules')) {
    const poll = (target: string, headers: Record<string, string>, duration: number) =>
      autocannon({ url: `${target}/api/rules`.replace(`${bare.url}/api/rules`, `${bare.url}/rules`), connections: RULE_CONNECTIONS, pipelining: RULE_PIPELINING, duration, headers })
    await poll(url, ours, 1)
    await poll(bare.url, {}, 1)
    const rounds: Array<{ ours: Result; bare: Result }> = []
    // One-second turns in ABBA order (ours, bare, bare, ours, …): this shared machine's speed
    // swings by a third within seconds, so short alternating turns let both sides see the same machine.
    for (let turn = 0; turn < SECONDS; turn++) {
      const round = turn % 2 === 0 ? { ours: await poll(url, ours, 1), bare: await poll(bare.url, {}, 1) } : { bare: await poll(bare.url, {}, 1), ours: await poll(url, ours, 1) }
      rounds.push(round)
    }
    const rate = (rs: Result[]) => rs.reduce((s, r) => s + r['3xx'], 0) / rs.reduce((s, r) => s + r.duration, 0)
    const [oursRate, bareRate] = [rate(rounds.map((r) => r.ours)), rate(rounds.map((r) => r.bare))]
    const other = rounds.reduce((s, r) => s + r.ours['2xx'] + r.ours.non2xx - r.ours['3xx'], 0)
    console.log(`  规则轮询 304：${fmt(oursRate)} 请求/秒；裸 Hono 304：${fmt(bareRate)} 请求/秒；比值 ${(oursRate / bareRate).toFixed(2)}（${RULE_CONNECTIONS} 连接 × ${RULE_PIPELINING} 管线，按 ABBA 顺序每 1 秒交替，各 ${SECONDS} 秒，非 304 ${other}）  目标 ≥0.8`)
    }

    // 3. Mixed: rule polls at a steady rate, telemetry batches, and dashboard aggregates, all at once.
    if (!PARTS.has('mixed')) return
    console.log(`  混合负载开始（${MIXED_SECONDS} 秒，负载 ${load()}）……`)
    const [rules, telemetry, aggregates] = await Promise.all([
      autocannon({ url: `${url}/api/rules`, connections: 20, overallRate: 1000, duration: MIXED_SECONDS, headers: ours }),
      autocannon({ url: `${url}/api/telemetry`, method: 'POST', connections: 10, overallRate: 25, duration: MIXED_SECONDS, headers: json, requests: [{ setupRequest: freshBatches() }] }),
      autocannon({
        url,
        connections: 4,
        duration: MIXED_SECONDS,
        headers: { authorization: `Bearer ${reviewer}` },
        requests: ['/api/stats/overview?basis=all', '/api/stats/rules', '/api/stats/overview?basis=filed&unit=单位3', '/api/documents?limit=50', '/api/quotas'].map((path) => ({ method: 'GET', path: encodeURI(path) })),
      }),
    ])
    const line = (name: string, r: Result, target: string) =>
      `    ${name}：p99 ${r.latency.p99} ms（p50 ${r.latency.p50} ms，${fmt(r.requests.average)} 请求/秒，非 2xx/3xx ${r.non2xx - r['3xx']}，错误 ${r.errors + r.timeouts}）  目标 p99 ≤${target}`
    console.log(`  混合负载结果（结束时负载 ${load()}）：`)
    console.log(line('规则轮询（1,000 次/秒，304）', rules, '500 ms'))
    console.log(line(`遥测（25 批/秒 × ${BATCH} 条）`, telemetry, '1 s'))
    console.log(line('看板聚合（4 连接连续请求）', aggregates, '2 s'))
  } finally {
    bare.stop()
    await service.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) await runServerBench()
