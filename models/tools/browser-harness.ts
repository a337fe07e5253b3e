/**
 * Runs the classifier inside headless Chromium (Debian's, via playwright-core) exactly as the
 * extension does: transformers.js + onnxruntime-web, single-threaded wasm, files served from
 * localhost. Used by the Node/browser equivalence test and by the benchmark.
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { build } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ortWasmDir, ortWebAlias } from '../runtime/ort-files'
import { MODELS_ROOT } from '../runtime/node'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.onnx': 'application/octet-stream', '.html': 'text/html' }

export interface BrowserModel {
  page: Page
  loadMs: number
  predict(s: string[]): Promise<Array<{ tao: number; burden: number }>>
  time(s: string[], rounds: number): Promise<number>
  close(): Promise<void>
}

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    // transformers.js reaches for Node modules only behind runtime checks.
    external: ['fs', 'path', 'url', 'sharp', 'onnxruntime-node', 'node:*'],
    // The same onnxruntime-web build as the extension ships.
    alias: ortWebAlias(),
  })
  return out.outputFiles[0]!.text
}

export async function openBrowserModel(modelsRoot = MODELS_ROOT): Promise<BrowserModel> {
  const js = await bundle()
  const ort = ortWasmDir()
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (process.env.HARNESS_LOG) console.log('GET', url.pathname)
    try {
      let body: Buffer | string
      let type = 'text/html'
      if (url.pathname === '/') body = '<!doctype html><meta charset="utf-8"><script type="module" src="/bundle.js"></script>'
      else if (url.pathname === '/bundle.js') ((body = js), (type = TYPES['.js']!))
      else {
        const [root, rest] = url.pathname.startsWith('/models/') ? [modelsRoot, url.pathname.slice(8)] : url.pathname.startsWith('/ort/') ? [ort, url.pathname.slice(5)] : [null, '']
        const file = root ? normalize(join(root, rest)) : null
        if (!file || !file.startsWith(root!)) throw Object.assign(new Error('not found'), { status: 404 })
        body = await readFile(file)
        type = TYPES[extname(file)] ?? 'application/octet-stream'
      }
      res.writeHead(200, { 'content-type': type })
      res.end(body)
    } catch {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  let browser: Browser | null = null
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    if (process.env.HARNESS_LOG) page.on('console', (m) => console.log('console:', m.text()))
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.waitForFunction(() => 'banwen' in window, null, { timeout: 30_000 }).catch(() => {
      throw new Error(`页面脚本未就绪：${errors.join('; ')}`)
    })
    const loadMs = await page.evaluate(() => window.banwen.load())
    const b = browser
    return {
      page,
      loadMs,
      predict: (s) => page.evaluate((x) => window.banwen.predict(x), s),
      time: (s, rounds) => page.evaluate(([x, n]) => window.banwen.time(x, n), [s, rounds] as [string[], number]),
      close: async () => {
        await b.close()
        server.close()
      },
    }
  } catch (e) {
    await browser?.close()
    server.close()
    throw e
  }
}
