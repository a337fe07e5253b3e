/** The service as its own process (server/main.ts), for the load bench and the scale-out tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface ServiceProcess {
  child: ChildProcess
  url: string
  /** Everything it wrote to stderr so far. */
  stderr: () => string
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

/** Starts the service on a free loopback port; resolves once it listens. `env` adds to (or overrides) the defaults. */
export async function startService(env: Record<string, string | undefined>): Promise<ServiceProcess> {
  const main = fileURLToPath(new URL('../server/main.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BANWEN_BUILD_DASHBOARD: '0', BANWEN_NO_MODEL: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d
      const m = /http:\/\/[\w.]+:(\d+)\//.exec(out)
      if (m) resolve(`http://127.0.0.1:${m[1]}`)
    })
    child.once('exit', (code) => reject(new Error(`服务启动失败（退出码 ${code}）：${err.slice(-500)}`)))
  })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  return {
    child,
    url,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
