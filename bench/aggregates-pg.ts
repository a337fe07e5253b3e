/**
 * Dashboard aggregates on PostgreSQL at scale: loads BENCH_EVENTS (default 10,000,000) events
 * into the real schema (monthly partitions) with generate_series, keeps the rollups as ingest
 * would, then times the dashboard routes of a service process. `npx tsx bench/aggregates-pg.ts`
 *
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL, DATABASE_URL): the PostgreSQL to use; a schema of
 * its own is made and dropped. BENCH_LOAD_SECONDS (default 300): stop loading after this long
 * and measure at the size reached (printed). BENCH_RUNS (default 40): requests per route, for at most 45 s.
 */
import { randomBytes } from 'node:crypto'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CategorySchema } from '../core'
import { bootstrap } from '../server/bootstrap'
import { migrate } from '../server/db/migrate'
import { addMonths, ensureMonth, monthOf, monthStart } from '../server/db/partitions'
import { openPostgres } from '../server/db/postgres'
import { createStore } from '../server/store'
import { rollupStatement } from '../server/store/rollups'
import { startService } from '../scripts/service-process'
import { median, percentile } from './util'

const TOTAL = Number(process.env.BENCH_EVENTS ?? 10_000_000)
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 300)
const MONTHS = 12
const RUNS = Number(process.env.BENCH_RUNS ?? 40)
/** A route that answers slowly is measured for this long at most. */
const ROUTE_SECONDS = 45
const TZ = 'Asia/Shanghai'
const CATEGORIES = CategorySchema.options

/** One month's share of events: 5,000 drafters in 200 units, 文种 skewed to 通知, kinds and scores at random. */
const GENERATE = `INSERT INTO events (id, kind, at, unit, usr, doc_type, chars, cap, score, ${CATEGORIES.map((c) => `c_${c}`).join(', ')},
    rule_ids, ruleset_version, extension_version, action, rule_id, over_cap, disguised, frame, token_id)
  SELECT 'b' || g, kind, $3::timestamptz + r2 * ($4::timestamptz - $3::timestamptz), '单位' || (usr % 200), 'u' || usr,
    (ARRAY['通知', '方案', '报告', '意见', '通报', '纪要', '函', '请示'])[1 + floor(r3 * r3 * 8)::int], 1800, 5000, (40 + r3 * 60)::real,
    ${CATEGORIES.map((_, i) => `(g >> ${i}) % 3`).join(', ')},
    CASE WHEN kind IN ('analyzed', 'filed') THEN jsonb_build_array('tao.r' || (g % 40), 'burden.r' || (g % 13)) ELSE '[]'::jsonb END,
    '2026.11.1', '0.1.0', CASE WHEN kind = 'override' THEN 'pass' END, CASE WHEN kind IN ('dismiss', 'false-positive') THEN 'tao.r' || (g % 40) END,
    g % 7 = 0, g % 50 = 0, g % 11 = 0, 'bench'
  FROM (SELECT g, r2, r3, floor(random() * 5000)::int AS usr, CASE WHEN r < 0.6 THEN 'analyzed' WHEN r < 0.85 THEN 'filed' WHEN r < 0.95 THEN 'dismiss'
          WHEN r < 0.99 THEN 'false-positive' ELSE 'override' END AS kind
        FROM (SELECT g, random() AS r, random() AS r2, random() AS r3 FROM generate_series($1::bigint, $2::bigint) g) x) s`

const url = () => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL


export async function runAggregatesPgBench(): Promise<void> {
  console.log(`\n## 看板聚合（PostgreSQL，${(TOTAL / 1e6).toFixed(1)} M 事件，按月分区）`)
  const base = url()
  if (!base) {
    console.log('  未设置 BENCH_DATABASE_URL / TEST_DATABASE_URL：跳过（eval "$(bash .ci/postgres.sh | tail -n 1)" 后重跑）')
    return
  }
  const schema = `bw_bench_${randomBytes(5).toString('hex')}`
  const db = await openPostgres(base, { schema, dropSchemaOnClose: true, max: 2 })
  try {
    await migrate(db)
    const admin = `bench-${randomBytes(16).toString('hex')}`
    await bootstrap(createStore(db, TZ), { adminToken: admin })

    // Month by month, newest first: events, then that month's rollups (day and month cubes, users), as ingest keeps them.
    const started = performance.now()
    const perMonth = Math.ceil(TOTAL / MONTHS)
    const current = monthOf(Date.now())
    let loaded = 0
    const phases = { events: 0, rollups: 0 }
    for (let i = 0; i < MONTHS && loaded < TOTAL; i++) {
      if ((performance.now() - started) / 1000 > LOAD_SECONDS) {
        console.log(`  装载超过 ${LOAD_SECONDS} 秒，停在 ${loaded.toLocaleString()} 条`)
        break
      }
      const m = addMonths(current, -i)
      await ensureMonth(db, m)
      const n = Math.min(perMonth, TOTAL - loaded)
      const [from, to] = [monthStart(m), monthStart(addMonths(m, 1))]
      let t = performance.now()
      await db.query(GENERATE, [loaded + 1, loaded + n, from, i === 0 ? new Date().toISOString() : to])
      phases.events += performance.now() - t
      t = performance.now()
      const source = `(SELECT * FROM events_${m.replace('-', '_')}) AS month`
      await db.query(rollupStatement(source, '$1::text'), [TZ])
      phases.rollups += performance.now() - t
      loaded += n
    }
    // As autovacuum leaves a table that has stopped growing: analysed, its visibility map set.
    await db.query('VACUUM ANALYZE')
    const loadSeconds = (performance.now() - started) / 1000
    const [size] = await db.query<{ events: number; rollup: number; users: number; years: number; rules: number }>(
      `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM event_cube)::int AS rollup,
         (SELECT count(*) FROM user_rollup)::int AS users, (SELECT count(*) FROM user_year)::int AS years, (SELECT count(*) FROM rule_cube)::int AS rules`,
    )
    console.log(
      `  已装载 ${size!.events.toLocaleString()} 条事件（${MONTHS} 个月内，${loadSeconds.toFixed(0)} 秒：事件 ${(phases.events / 1000).toFixed(0)} 秒，汇总 ${(phases.rollups / 1000).toFixed(0)} 秒）；汇总表 event_cube ${size!.rollup.toLocaleString()} 行，rule_cube ${size!.rules.toLocaleString()} 行，user_year ${size!.years.toLocaleString()} 行，user_rollup ${size!.users.toLocaleString()} 行`,
    )

    const u = new URL(base)
    u.searchParams.set('options', `-c search_path=${schema}`)
    const service = await startService({ DATABASE_URL: u.toString(), BANWEN_ADMIN_TOKEN: admin, BANWEN_RATE_LIMIT: '0', BANWEN_TZ: TZ })
    try {
      const headers = { authorization: `Bearer ${admin}` }
      const today = new Date().toISOString().slice(0, 10)
      const monthAgo = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10)
      const routes = [
        '/api/stats/overview?basis=filed',
        '/api/stats/overview?basis=all',
        '/api/stats/overview?basis=filed&unit=单位3',
        `/api/stats/overview?basis=all&from=${monthAgo}&to=${today}`,
        `/api/stats/overview?basis=filed&unit=单位7&docType=方案&from=${monthAgo}`,
        '/api/stats/rules',
        '/api/stats/rules?unit=单位3',
        `/api/stats/rules?basis=filed&docType=通知&from=${monthAgo}`,
        '/api/quotas',
      ]
      for (const route of routes) {
        const times: number[] = []
        const began = performance.now()
        for (let i = 0; i < RUNS + 3 && performance.now() - began < ROUTE_SECONDS * 1000; i++) {
          const t = performance.now()
          const res = await fetch(service.url + encodeURI(route), { headers })
          await res.arrayBuffer()
          if (res.status !== 200) throw new Error(`${route}：${res.status}`)
          if (i >= 3) times.push(performance.now() - t)
        }
        console.log(`  ${route}：p50 ${median(times).toFixed(1)} ms，p99 ${percentile(times, 0.99).toFixed(1)} ms（${times.length} 次，依次请求）  目标 <100 ms`)
      }
    } finally {
      await service.stop()
    }
  } finally {
    await db.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) await runAggregatesPgBench()
