import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, normalize } from 'node:path'
import type { Context } from 'hono'
import { getMimeType } from 'hono/utils/mime'

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>办文 · 服务</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7">
<h1>办文服务已启动</h1><p>管理看板尚未构建。请在项目目录运行 <code>npx tsx server/dashboard/build.ts</code> 后刷新本页。</p>
<p>接口说明见 <code>docs/api.md</code>；健康检查：<a href="/api/health">/api/health</a>。</p></body></html>`

/** The built dashboard: files read once and kept; hashed assets cached for a year; anything else → index.html. */
export function dashboardHandler(dir: string) {
  const files = new Map<string, { body: Uint8Array; type: string }>()
  const read = (rel: string) => {
    let f = files.get(rel)
    if (f) return f
    const path = normalize(join(dir, rel))
    if (!path.startsWith(normalize(dir)) || !existsSync(path) || !statSync(path).isFile()) return null
    f = { body: readFileSync(path), type: getMimeType(path) ?? 'application/octet-stream' }
    files.set(rel, f)
    return f
  }
  return (c: Context) => {
    const rel = decodeURIComponent(c.req.path).replace(/^\/+/, '') || 'index.html'
    const asset = rel.startsWith('assets/')
    const f = read(rel) ?? (asset ? null : read('index.html'))
    if (!f) return asset ? c.text('Not Found', 404) : c.html(NOT_BUILT)
    return c.body(f.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': f.type,
      'Cache-Control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
  }
}
