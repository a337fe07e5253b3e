/**
 * The banwen service: `npx tsx server/main.ts`. PGlite under BANWEN_DATA_DIR, or PostgreSQL
 * when DATABASE_URL is set. Prints a one-time admin token on first start.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadNodeClassifier } from '../models/runtime/node'
import { createApp } from './app'
import { bootstrap } from './bootstrap'
import { configFromEnv, type Config } from './config'
import { startCheckpoints } from './db/checkpoint'
import { openDb } from './db/open'
import { keepShortLivedObjectsYoung } from './gc-tuning'
import { startFolding, startMaintenance } from './maintenance'
import { seedDemo } from './seed/demo'
import { createStore } from './store'
import { serveWithPoll } from './lib/poll-fast-path'

export async function start(config: Config = configFromEnv()) {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const store = createStore(db, config.timeZone, { retentionMonths: config.retentionMonths })
  const { newAdminToken, seeded } = await bootstrap(store, { adminToken: config.adminToken })
  const demo = config.demoSeed ? await seedDemo(store) : null
  if (config.buildDashboard && !existsSync(join(config.dashboardDir, 'index.html'))) {
    console.log('正在构建管理看板（首次启动）……')
    try {
      const { buildDashboard } = await import('./dashboard/build')
      await buildDashboard()
    } catch (e) {
      console.error('看板构建失败，接口仍可使用：', e instanceof Error ? e.message : e)
    }
  }
  // The model is a help, not a dependency: without it the service scores by the rules and says so.
  const classifier = await loadNodeClassifier().catch((e) => {
    console.error('模型加载失败，评分仅按规则：', e instanceof Error ? e.message : e)
    return null
  })
  const app = createApp({ store, config, classifier })
  const server = serveWithPoll({ fetch: app.routedFetch, poll: app.poll, port: config.port, hostname: config.host })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new Error(`端口 ${config.port} 已被占用，请用 PORT 指定其他端口`) : e),
    )
  })
  const port = (server.address() as AddressInfo).port

  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite（${config.dataDir}）`
  console.log(`办文服务已启动：http://localhost:${port}/  数据：${where}  模型：${classifier ? classifier.id : '未加载，仅按规则'}`)
  if (seeded) console.log('已写入内置默认规则集作为第 1 版。')
  if (demo?.seeded)
    console.log(
      `已写入演示数据“青山县”（${demo.units} 个单位、${demo.filed} 份发文、${demo.ratings} 条逆向评估、${demo.reports} 条直报、${demo.planItems} 项计划，用时 ${(demo.ms / 1000).toFixed(1)} 秒）：看板“基层减负”各页。`,
    )
  if (newAdminToken) {
    console.log('\n首次启动，已生成管理员令牌（只显示这一次，请妥善保存）：')
    console.log(`\n    ${newAdminToken}\n`)
  }

  // Partitions ahead and retention: after the service answers, then daily, never in a request.
  const maintenance = startMaintenance(store)
  const folding = startFolding(store)
  const checkpoints = startCheckpoints(db)

  const stop = async () => {
    maintenance.stop()
    folding.stop()
    checkpoints.stop()
    server.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return { server, store, app }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  keepShortLivedObjectsYoung()
  start().catch((e) => {
    console.error('办文服务启动失败：', e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
