import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { dashboardHandler } from '../../server/lib/static'

const appFor = (dir: string) => new Hono().get('*', dashboardHandler(dir))

describe('看板静态文件', () => {
  it('未构建时给出中文说明页', async () => {
    const res = await appFor(mkdtempSync(join(tmpdir(), 'banwen-empty-'))).request('/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('server/dashboard/build.ts')
  })

  it('页面路径回到 index.html；带哈希的资源长缓存；缺失资源 404；不越出目录', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banwen-dist-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>办文</title>')
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)')
    const app = appFor(dir)
    expect(await (await app.request('/documents')).text()).toContain('<title>办文</title>')
    const js = await app.request('/assets/app-1a2b.js')
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    expect(js.headers.get('cache-control')).toContain('immutable')
    expect((await app.request('/assets/missing.js')).status).toBe(404)
    const escape = await app.request('/..%2f..%2f..%2fetc%2fpasswd')
    expect(await escape.text()).not.toContain('root:')
  })
})
