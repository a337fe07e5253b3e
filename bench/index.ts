/** npm run bench — prints measured figures; targets live in the issues, not in assertions. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { runCliBench } from './cli'
import { runEngineBench } from './engine'
import { runFirstCallBench } from './first-call'
import { runModelBench } from './model'

console.log(`# banwen 基准测试（${new Date().toISOString()}，${process.platform} ${process.arch}）`)
await runEngineBench()
await runFirstCallBench()
await runModelBench()
await runCliBench()
for (const [file, fn, title] of [
  ['server.ts', 'runServerBench', '服务'],
  ['aggregates-pg.ts', 'runAggregatesPgBench', '看板聚合（PostgreSQL）'],
  ['receiving.ts', 'runReceivingBench', '收文端'],
  ['package.ts', 'runPackageBench', '扩展安装包与模型加载'],
  ['extension.ts', 'runExtensionBench', '扩展（Chromium）'],
] as const) {
  const path = resolve(import.meta.dirname, file)
  if (!existsSync(path)) {
    console.log(`\n## ${title}\n尚未提供基准`)
    continue
  }
  const mod = await import(path)
  await mod[fn]()
}
