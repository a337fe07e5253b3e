#!/usr/bin/env node
/**
 * npm start — the whole product on this machine: builds the extension if needed, starts the
 * service (embedded database under ./data) and the demo office page, and says what to open.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const port = process.env.PORT ?? '8787'
const demoPort = process.env.DEMO_PORT ?? '8790'
const children = []

const newest = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).reduce((t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0)
    : 0

function buildIfStale(label, output, sources, cmd, args) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0
  if (built && built >= Math.max(...sources.map((s) => newest(join(root, s))))) return
  console.log(`正在构建${label}…`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error(`${label}构建失败（退出码 ${r.status}）`)
    process.exit(1)
  }
}

function start(label, script, env) {
  if (!existsSync(join(root, script))) return console.log(`（${label}尚未提供：${script}）`)
  const child = spawn(tsx, [script], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  child.on('exit', (code) => {
    if (code) console.error(`${label}已退出（退出码 ${code}）`)
  })
  children.push(child)
}

if (existsSync(join(root, 'wxt.config.ts')) && existsSync(join(root, 'extension')))
  buildIfStale('浏览器扩展', join(root, '.output', 'chrome-mv3', 'manifest.json'), ['extension', 'core', 'models/banwen-zh'], 'npx', ['wxt', 'build'])
if (existsSync(join(root, 'server', 'dashboard')))
  buildIfStale('审核看板', join(root, 'server', 'dashboard', 'dist', 'index.html'), ['server/dashboard/src'], 'npm', ['run', '--silent', 'build:dashboard'])

// An empty database gets the demo county (青山县) so the 基层减负 pages show real numbers; `npm run server` never seeds.
start('服务', 'server/main.ts', { PORT: port, BANWEN_DEMO_SEED: process.env.BANWEN_DEMO_SEED ?? '1' })
// Each child reads PORT: the service gets ours, the demo its own.
start('演示办公系统', 'demo/server.ts', { PORT: demoPort, BANWEN_SERVER: `http://localhost:${port}` })

console.log(`
办文已启动：
  服务与审核看板   http://localhost:${port}/
  演示拟稿页面     http://localhost:${demoPort}/demo/draft.html?editor=textarea （也可 contenteditable、iframe、tinymce、ckeditor5）
  浏览器扩展       在 chrome://extensions 打开“开发者模式”，“加载已解压的扩展程序”，选择 ${join(root, '.output', 'chrome-mv3')}
  命令行           npx banwen check samples/draft-notice.txt
按 Ctrl+C 停止。`)

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
  for (const c of children) c.kill(sig)
  process.exit(0)
})
