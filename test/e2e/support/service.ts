/**
 * The real banwen service (server/main.ts) as a child process on a fixed free port with its own
 * temporary data folder, so a test can stop it and start it again on the same address.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../browser'

export async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok))
  const port = (srv.address() as { port: number }).port
  await new Promise<void>((ok) => srv.close(() => ok()))
  return port
}

export interface Service {
  url: string
  port: number
  adminToken: string
  running(): boolean
  start(): Promise<void>
  stop(): Promise<void>
  /** stop() and remove the data folder. */
  dispose(): Promise<void>
  /** JSON API call; throws with the service's message on a non-2xx. */
  api<T = unknown>(path: string, o?: { token?: string; method?: string; body?: unknown }): Promise<T>
  log(): string
}

export async function createService(): Promise<Service> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'banwen-svc-'))
  const adminToken = `e2e-admin-${Math.random().toString(36).slice(2)}-token`
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  let output = ''

  async function start() {
    if (child) return
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BANWEN_DATA_DIR: dataDir, BANWEN_ADMIN_TOKEN: adminToken, BANWEN_NO_MODEL: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (d) => (output += d))
    child.stderr!.on('data', (d) => (output += d))
    const started = Date.now()
    while (Date.now() - started < 60_000) {
      if (child.exitCode !== null) throw new Error(`服务启动失败：\n${output}`)
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false)
      if (ok) return
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`服务 60 秒内未就绪：\n${output}`)
  }

  async function stop() {
    const c = child
    if (!c) return
    child = null
    if (c.exitCode !== null) return
    const exited = new Promise<void>((ok) => c.once('exit', () => ok()))
    c.kill('SIGTERM')
    // PGlite closes its files on SIGTERM; a stuck child is killed hard.
    const t = setTimeout(() => c.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(t)
  }

  async function api<T>(path: string, o: { token?: string; method?: string; body?: unknown } = {}): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method: o.method ?? (o.body ? 'POST' : 'GET'),
      headers: { Authorization: `Bearer ${o.token ?? adminToken}`, ...(o.body ? { 'Content-Type': 'application/json' } : {}) },
      body: o.body ? JSON.stringify(o.body) : undefined,
    })
    const json = (await res.json().catch(() => null)) as T
    if (!res.ok) throw new Error(`${o.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(json)}`)
    return json
  }

  return {
    url,
    port,
    adminToken,
    running: () => child !== null,
    start,
    stop,
    dispose: async () => {
      await stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
    api,
    log: () => output,
  }
}
