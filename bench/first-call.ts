/**
 * First call, in a fresh Node process: loading the engine and analysing one 5,000-字 document,
 * against loading textlint and linting the same text with one rule that walks every text node.
 * The engine is bundled first (as the extension and the CLI ship it), so neither side pays for
 * TypeScript compilation.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { document5000 } from './engine'
import { median } from './util'

const ROOT = resolve(import.meta.dirname, '..')

function timeChild(script: string, runs: number): number {
  const xs: number[] = []
  for (let i = 0; i < runs; i++) xs.push(Number(execFileSync(process.execPath, [script], { encoding: 'utf8' }).trim()))
  return median(xs)
}

export async function runFirstCallBench(runs = 7): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banwen-first-'))
  const { text } = document5000()
  const textFile = join(dir, 'doc.txt')
  writeFileSync(textFile, text)
  await build({ entryPoints: [join(ROOT, 'core', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'core.mjs'), logLevel: 'silent' })
  const banwen = join(dir, 'banwen.mjs')
  writeFileSync(
    banwen,
    `import { readFileSync } from 'node:fs'\nconst text = readFileSync(${JSON.stringify(textFile)}, 'utf8')\nconst t0 = performance.now()\nconst { createAnalyzer } = await import(${JSON.stringify(join(dir, 'core.mjs'))})\ncreateAnalyzer().analyzeSync(text)\nconsole.log(performance.now() - t0)\n`,
  )
  console.log('\n## 首次调用（新进程：加载 + 分析同一篇 5,000 字）')
  const ours = timeChild(banwen, runs)
  console.log(`banwen 引擎（打包后，仅规则）：${ours.toFixed(0)} ms`)
  const textlintDir = join(ROOT, 'node_modules', 'textlint')
  if (!existsSync(textlintDir)) return console.log('未安装 textlint，跳过对比')
  const lint = join(dir, 'textlint.mjs')
  writeFileSync(
    lint,
    `import { readFileSync } from 'node:fs'\nimport { createRequire } from 'node:module'\nconst require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})\nconst text = readFileSync(${JSON.stringify(textFile)}, 'utf8')\nconst t0 = performance.now()\nconst { createLinter } = await import(require.resolve('textlint'))\nconst { TextlintKernelDescriptor } = await import(require.resolve('@textlint/kernel'))\nconst text_ = (await import(require.resolve('@textlint/textlint-plugin-text'))).default\nconst rule = (await import(${JSON.stringify(join(ROOT, 'bench', 'textlint-rules', 'walk-text.js'))})).default\nconst descriptor = new TextlintKernelDescriptor({ rules: [{ ruleId: 'walk-text', rule }], plugins: [{ pluginId: 'text', plugin: text_.default ?? text_ }], filterRules: [] })\nawait createLinter({ descriptor }).lintText(text, ${JSON.stringify(textFile)})\nconsole.log(performance.now() - t0)\n`,
  )
  try {
    const theirs = timeChild(lint, runs)
    console.log(`textlint（一条遍历文本的规则）：${theirs.toFixed(0)} ms`)
    console.log(`banwen / textlint：${(ours / theirs).toFixed(2)}`)
  } catch (e) {
    console.log(`textlint 运行失败，跳过对比：${(e as Error).message.split('\n')[0]}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runFirstCallBench()
