/**
 * `npm run partition-events`: turns an existing PostgreSQL events table into monthly partitions
 * (new installs get them on first start). Copies every event in one transaction, so run it with
 * the service stopped, after it has started once on this version; see docs/scale-out.md.
 */
import { monthPartitions, partitionEvents } from './db/partitions'
import { openPostgres } from './db/postgres'

const url = process.env.DATABASE_URL
if (!url) {
  console.error('请用 DATABASE_URL 指定 PostgreSQL（内嵌数据库不分区）')
  process.exit(2)
}
const db = await openPostgres(url, { max: 2 })
try {
  const t = Date.now()
  const r = await partitionEvents(db, { evenWithEvents: true })
  const months = await monthPartitions(db)
  console.log(r === 'already' ? '事件表已按月分区，无需转换。' : `已转换为按月分区（${((Date.now() - t) / 1000).toFixed(1)} 秒），共 ${months.length} 个月分区。`)
} catch (e) {
  console.error('转换失败，事件表保持原样：', e instanceof Error ? e.message : e)
  process.exitCode = 1
} finally {
  await db.close()
}
