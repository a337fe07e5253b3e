/**
 * Loopback load test of the service: telemetry ingest (batched POSTs) and the extension's
 * rule poll (GET /api/rules answered 304). Runs the service in a child process so that it and
 * autocannon each have a core. `npx tsx bench/server.ts`
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error autocannon ships no types; the little used here is typed below.
import autocannonUntyped from 'autocannon'

interface Result {
  requests: { average: number }
  latency: { p99: number }
  duration: number
  '2xx': number
  '3xx': number
  non2xx: number
}
type RequestSetup = { body?: string }
const autocannon = autocannonUntyped as (o: {
  url: string
  method?: string
  connections: number
  pipelining?: number
  duration: number
  headers?: Record<string, string>
  requests?: Array<{ setupRequest: (req: RequestSetup) => RequestSetup }>
}) => Promise<Result>

const BATCH = 200
/** Many extensions polling at once: connections × requests in flight on each. */
const RULE_CONNECTIONS = 32
const RULE_PIPELINING = 10
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ZERO = { tao: 1, burden: 0, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 }

function eventJson(): string {
  return JSON.stringify({
    id: randomBytes(12).toString('hex'),
    kind: 'analyzed',
    at: new Date().toISOString(),
    unit: `单位${Math.floor(Math.random() * 20)}`,
    user: `u${Math.floor(Math.random() * 500)}`,
    docType: '通知',
    chars: 1800,
    cap: 5000,
    score: Math.round(Math.random() * 100),
    counts: ZERO,
    ruleIds: ['tao.gaodu-zhongshi', 'burden.taizhang'],
    rulesetVersion: '2026.11.1',
    extensionVersion: '0.1.0',
    flags: { overCap: false, disguisedDirective: false, frame: false, copiedShare: null },
  })
}

async function startService(dataDir: string, token: string): Promise<{ child: ChildProcess; url: string }> {
  const main = fileURLToPath(new URL('../server/main.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BANWEN_DATA_DIR: dataDir, BANWEN_ADMIN_TOKEN: token, BANWEN_RATE_LIMIT: '0', BANWEN_BUILD_DASHBOARD: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d
      const m = /http:\/\/[\w.]+:(\d+)\//.exec(out)
      if (m) resolve(`http://127.0.0.1:${m[1]}`)
    })
    child.once('exit', (code) => reject(new Error(`服务启动失败（退出码 ${code}）`)))
  })
  return { child, url }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

/** CPU seconds a process has used (Linux /proc), so a busy machine can be told from a slow service. */
function cpuSeconds(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return null
  }
}

async function measure<T>(pid: number, run: () => Promise<T>): Promise<{ result: T; cpu: number | null }> {
  const before = cpuSeconds(pid)
  const result = await run()
  const after = cpuSeconds(pid)
  return { result, cpu: before === null || after === null ? null : after - before }
}

export async function runServerBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banwen-bench-'))
  const admin = `bench-${randomBytes(16).toString('hex')}`
  const { child, url } = await startService(dataDir, admin)
  try {
    const auth = { authorization: `Bearer ${admin}` }
    const mk = async (role: string) => (await (await fetch(`${url}/api/tokens`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ role, name: `bench-${role}` }) })).json()).token as string
    const drafter = await mk('drafter')

    // Telemetry: each request a fresh batch of BATCH events, so every event is new.
    const bodies = Array.from({ length: 64 }, () => `{"events":[${Array.from({ length: BATCH }, eventJson).join(',')}]}`)
    let i = 0
    const { result: tel, cpu: telCpu } = await measure(child.pid!, () => autocannon({
      url: `${url}/api/telemetry`,
      method: 'POST',
      connections: 4,
      duration: SECONDS,
      headers: { authorization: `Bearer ${drafter}`, 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: i++ < bodies.length ? bodies[i - 1]! : `{"events":[${Array.from({ length: BATCH }, eventJson).join(',')}]}` }) }],
    }))
    const stored = (await (await fetch(`${url}/api/stats/overview?basis=analyzed`, { headers: auth })).json()).totals.documents as number

    // Rule poll: the extension's If-None-Match answered 304. One warm-up second first.
    const etag = (await fetch(`${url}/api/rules`, { headers: { authorization: `Bearer ${drafter}` } })).headers.get('etag')!
    await autocannon({ url: `${url}/api/rules`, connections: RULE_CONNECTIONS, pipelining: RULE_PIPELINING, duration: 1, headers: { authorization: `Bearer ${drafter}`, 'if-none-match': etag } })
    const { result: rules, cpu: rulesCpu } = await measure(child.pid!, () => autocannon({
      url: `${url}/api/rules`,
      connections: RULE_CONNECTIONS,
      pipelining: RULE_PIPELINING,
      duration: SECONDS,
      headers: { authorization: `Bearer ${drafter}`, 'if-none-match': etag },
    }))

    const evPerSec = (tel['2xx'] * BATCH) / (tel.duration || SECONDS)
    // Per CPU-second of the service process: what one free core sustains, whatever else the machine runs.
    const perCpu = (n: number, cpu: number | null) => (cpu ? `，服务进程每 CPU 秒 ${fmt(n / cpu)}` : '')
    const [load1] = (await import('node:os')).loadavg()
    console.log(`\n服务负载测试（回环，${SECONDS} 秒/项，服务与压测各一进程；开始时 1 分钟负载 ${load1!.toFixed(1)}）`)
    console.log(`  遥测写入：${fmt(evPerSec)} 事件/秒（${BATCH} 条/批，${fmt(tel.requests.average)} 批/秒，p99 ${tel.latency.p99} ms，非 2xx ${tel.non2xx}，入库 ${fmt(stored)} 条${perCpu(tel['2xx'] * BATCH, telCpu)}）  目标 ≥10,000`)
    console.log(`  规则轮询 304：${fmt(rules.requests.average)} 请求/秒（${RULE_CONNECTIONS} 连接 × ${RULE_PIPELINING} 管线，p99 ${rules.latency.p99} ms，304 共 ${fmt(rules['3xx'])}，其他 ${fmt(rules.non2xx - rules['3xx'] + rules['2xx'])}${perCpu(rules['3xx'], rulesCpu)}）  目标 ≥20,000`)
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) await runServerBench()
