/**
 * The demo office system: a 拟稿 page with a choice of editors (self-hosted TinyMCE and
 * CKEditor 5 from node_modules, never a CDN) and a mock backend that records submissions, so
 * tests can check that a document was filed exactly once.
 *
 *   npx tsx demo/server.ts            → http://localhost:8790/demo/
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { serve, type ServerType } from '@hono/node-server'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const STATIC_ROOTS: Record<string, string> = {
  assets: join(here, 'public'),
  'vendor/tinymce': join(root, 'node_modules/tinymce'),
  'vendor/ckeditor5': join(root, 'node_modules/ckeditor5/dist/browser'),
  'vendor/ckeditor4': join(root, 'node_modules/ckeditor4'),
  'vendor/wangeditor': join(root, 'node_modules/@wangeditor/editor/dist'),
  'vendor/quill': join(root, 'node_modules/quill/dist'),
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

export interface Submission {
  n: number
  at: string
  title: string
  docType: string
  editor: string
  /** The body as the office system received it (HTML for rich editors). */
  body: string
}

export interface DemoServer {
  url: string
  port: number
  submissions: Submission[]
  close(): Promise<void>
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

async function serveFile(base: string, rel: string): Promise<Response> {
  const path = normalize(join(base, rel))
  if (!path.startsWith(base + sep)) return new Response('forbidden', { status: 403 })
  try {
    if (!(await stat(path)).isFile()) return new Response('not found', { status: 404 })
    const body = await readFile(path)
    return new Response(body, { headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' } })
  } catch {
    return new Response('not found', { status: 404 })
  }
}

let tiptap: Promise<string> | null = null
/** Tiptap ships ES modules only: bundled once per server from node_modules. */
function tiptapBundle(): Promise<string> {
  tiptap ??= import('esbuild').then(async ({ build }) => {
    const out = await build({ entryPoints: [join(here, 'vendor-src/tiptap.ts')], bundle: true, write: false, format: 'iife', minify: true, logLevel: 'silent' })
    return out.outputFiles[0]!.text
  })
  return tiptap
}

export function createDemoApp(submissions: Submission[]): Hono {
  const app = new Hono()
  app.get('/', (c) => c.redirect('/demo/'))
  app.get('/demo', (c) => c.redirect('/demo/'))
  app.get('/demo/', () => serveFile(STATIC_ROOTS.assets!, 'index.html'))
  app.get('/demo/draft', () => serveFile(STATIC_ROOTS.assets!, 'draft.html'))
  app.get('/demo/draft.html', () => serveFile(STATIC_ROOTS.assets!, 'draft.html'))
  app.get('/demo/vendor/tiptap.js', async () => new Response(await tiptapBundle(), { headers: { 'content-type': TYPES['.js']! } }))
  for (const [prefix, base] of Object.entries(STATIC_ROOTS)) {
    app.get(`/demo/${prefix}/*`, (c) => serveFile(base, decodeURIComponent(c.req.path.slice(`/demo/${prefix}/`.length))))
  }
  // The mock office backend: record the submission and answer like an OA system would.
  app.post('/demo/api/submit', async (c) => {
    const form = await c.req.parseBody()
    const s: Submission = {
      n: submissions.length + 1,
      at: new Date().toISOString(),
      title: String(form.title ?? ''),
      docType: String(form.docType ?? ''),
      editor: String(form.editor ?? ''),
      body: String(form.body ?? ''),
    }
    submissions.push(s)
    return c.html(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>已提交</title><link rel="stylesheet" href="/demo/assets/demo.css"></head>` +
        `<body><header class="oa-top"><b>某某县政府办公室 · 协同办公平台</b></header><main class="oa-main"><div class="receipt" id="receipt">` +
        `<h1>发文已提交</h1><p>收文编号：第 ${s.n} 件</p><p>标题：${esc(s.title)}</p><p>文种：${esc(s.docType)}</p>` +
        `<p><a href="/demo/draft.html?editor=${encodeURIComponent(s.editor)}">再拟一稿</a> · <a id="as-received" href="/demo/inbox/${s.n}">以收文单位视角查看</a></p></div></main></body></html>`,
    )
  })
  // A 收文 page: the filed document as a recipient's office system shows it, read-only, paragraphs indented 　　.
  app.get('/demo/inbox/:n', (c) => {
    const s = submissions[Number(c.req.param('n')) - 1]
    if (!s) return c.text('没有这件收文', 404)
    const body = s.body.trimStart().startsWith('<') ? s.body : s.body.split(/\r?\n/).filter((l) => l.trim()).map((l) => `<p>　　${esc(l.trim())}</p>`).join('')
    return c.html(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>收文 - 协同办公平台</title><link rel="stylesheet" href="/demo/assets/demo.css"></head>` +
        `<body><header class="oa-top"><b>某某县东山镇人民政府 · 协同办公平台</b><span>收文管理 › 阅办</span></header><main class="oa-main">` +
        `<h1 id="doc-title">${esc(s.title)}</h1><p class="hint">收文编号：第 ${s.n} 件 · 文种：${esc(s.docType)}</p>` +
        `<article id="doc-body" class="received">${body}</article></main></body></html>`,
    )
  })
  app.get('/demo/api/submissions', (c) =>
    c.json({ count: submissions.length, items: submissions.map(({ body, ...rest }) => ({ ...rest, bodyChars: body.length })) }),
  )
  app.post('/demo/api/reset', (c) => {
    submissions.length = 0
    return c.json({ ok: true })
  })
  return app
}

export async function startDemoServer({ port = 8790, hostname = '127.0.0.1' }: { port?: number; hostname?: string } = {}): Promise<DemoServer> {
  const submissions: Submission[] = []
  const app = createDemoApp(submissions)
  const server: ServerType = await new Promise((ok) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => ok(s))
  })
  const addr = server.address()
  const actual = typeof addr === 'object' && addr ? addr.port : port
  return {
    url: `http://localhost:${actual}`,
    port: actual,
    submissions,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8790)
  startDemoServer({ port }).then((s) => {
    console.log(`办文演示办公系统：${s.url}/demo/`)
    console.log('  拟稿页：/demo/draft.html?editor=textarea|contenteditable|iframe|tinymce|ckeditor5|wangeditor|quill|ckeditor4|ckeditor4-full|tiptap')
    console.log('  收文页：/demo/inbox/<收文编号>（提交过的发文，以收文单位的视角显示）')
    console.log('  将 .output/chrome-mv3 作为未打包扩展加载到 Chromium 后打开上面的地址。')
  })
}
