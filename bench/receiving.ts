/**
 * The receiving side at county scale on PGlite: 1,000 registered units and two years of filed
 * documents (with their recipients and recurring demands), ratings and 直报; then the routes
 * reviewers, drafters and the dashboard call, timed through the app.
 */
import { createApp } from '../server/app'
import { bootstrap } from '../server/bootstrap'
import { migrate } from '../server/db/migrate'
import { openPgliteThread } from '../server/db/pglite-thread'
import { createStore } from '../server/store'
import { SYSTEM } from '../server/store/tokens'
import { addDays, type FiledBurden, type OrgUnit, type TelemetryEvent } from '../core'

const UNITS = { townships: 30, villagesPerTownship: 30, departments: 69 }
const YEARS = 2
const DOCS_PER_YEAR = 2000
const RUNS = 15

/** A small deterministic PRNG (mulberry32): the same county every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function registry(): OrgUnit[] {
  const units: OrgUnit[] = [{ name: '青山县', level: 'county', parent: null, issuerKind: null }]
  for (let t = 1; t <= UNITS.townships; t++) {
    const town = `第${t}镇`
    units.push({ name: town, level: 'township', parent: '青山县', issuerKind: null })
    for (let v = 1; v <= UNITS.villagesPerTownship; v++) units.push({ name: `${town}${v}村`, level: 'village', parent: town, issuerKind: null })
  }
  for (let d = 1; d <= UNITS.departments; d++) units.push({ name: `县直${d}局`, level: 'department', parent: '青山县', issuerKind: d % 10 === 0 ? '议事协调机构' : '政府部门' })
  return units
}

const MODULES = ['会议文件', '督查检查', '考核评比', '报表材料', '留痕', '政务APP'] as const

function document(rand: () => number, issued: string): FiledBurden {
  const pick = rand()
  const recipients: FiledBurden['recipients'] =
    pick < 0.6
      ? [{ text: '各乡镇（街道）', group: 'township', all: true }]
      : pick < 0.7
        ? [{ text: '各村（社区）', group: 'village', all: true }]
        : pick < 0.9
          ? [{ text: '县直各单位', group: 'department', all: true }]
          : [{ text: `第${1 + Math.floor(rand() * UNITS.townships)}镇人民政府`, group: 'township', all: false }]
  const modules: FiledBurden['modules'] = {}
  const recurring: FiledBurden['recurring'] = []
  for (const m of MODULES) {
    if (rand() < 0.5) continue
    const demands = 1 + Math.floor(rand() * 3)
    const rec = rand() < 0.2 ? 1 : 0
    modules[m] = { demands, burdens: demands, recurring: rec }
    if (rec) recurring.push({ module: m, frequency: rand() < 0.5 ? 'weekly' : 'monthly', until: rand() < 0.6 ? addDays(issued, 30 + Math.floor(rand() * 150)) : null })
  }
  return { issued, recipients, modules, recurring, deadlines: [], meetings: modules['会议文件']?.demands ?? 0, inspections: modules['督查检查']?.demands ?? 0 }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

export async function runReceivingBench(): Promise<void> {
  console.log(`\n## 收文端（PGlite，${UNITS.townships + UNITS.townships * UNITS.villagesPerTownship + UNITS.departments + 1} 个单位 × ${YEARS} 年发文）`)
  const db = await openPgliteThread()
  await migrate(db)
  const store = createStore(db)
  const { newAdminToken } = await bootstrap(store)
  const app = createApp({ store, config: { rateLimit: { perMinute: Infinity, burst: Infinity } } })
  const units = registry()
  await store.org.replaceUnits(units, SYSTEM)
  const aliases = await store.org.aliases()

  const rand = prng(20261203)
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  const first = addDays(today, -365 * YEARS)
  const departments = units.filter((u) => u.level === 'department').map((u) => u.name)
  const started = performance.now()
  const hashes: string[] = []
  const total = DOCS_PER_YEAR * YEARS
  for (let i = 0; i < total; i += 200) {
    const batch: TelemetryEvent[] = []
    for (let j = i; j < Math.min(total, i + 200); j++) {
      const day = addDays(first, Math.floor((j / total) * 365 * YEARS))
      const docHash = j.toString(16).padStart(64, '0')
      hashes.push(docHash)
      batch.push({
        id: `bench-filed-${j}`,
        kind: 'filed',
        at: `${day}T02:00:00.000Z`,
        unit: departments[Math.floor(rand() * departments.length)]!,
        user: 'u-bench',
        docType: '通知',
        chars: 1500,
        cap: 5000,
        score: 80,
        counts: { tao: 0, burden: 0, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 },
        ruleIds: [],
        rulesetVersion: 'bench',
        extensionVersion: '0.1.0',
        action: 'pass',
        docHash,
        burden: document(rand, day),
      })
    }
    await store.filed.ingest(batch, units, aliases)
  }
  const [{ n }] = (await db.query<{ n: number }>('SELECT sum(recipients)::int AS n FROM filed_docs')) as [{ n: number }]
  // Ratings from the townships on the most recent documents, and 直报 from villages.
  const towns = units.filter((u) => u.level === 'township').map((u) => u.name)
  for (const h of hashes.slice(-600))
    for (const t of towns.slice(0, 5)) await store.ratings.rate(t, { docHash: h, effect: rand() < 0.2 ? '差' : '好', burden: rand() < 0.3 ? '重' : '适中', mergeable: rand() < 0.3, unnecessary: false, heaviest: null })
  const villages = units.filter((u) => u.level === 'village').map((u) => u.name)
  for (let i = 0; i < 500; i++) await store.directReports.create(villages[Math.floor(rand() * villages.length)]!, 'bench', { module: '报表材料', docHash: null, text: '同一数据反复填报。', anonymous: rand() < 0.3 })
  console.log(`载入：${total} 件发文、${n} 条收文单位记录、3000 条评价、500 条直报，用时 ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const auth = { authorization: `Bearer ${newAdminToken}` }
  const burden = document(prng(7), today)
  const routes: Array<[string, () => Response | Promise<Response>]> = [
    ['GET /api/monitor（本月，1,000 个单位）', () => app.request('/api/monitor?period=month', { headers: auth })],
    ['GET /api/monitor（本周）', () => app.request('/api/monitor?period=week', { headers: auth })],
    ['GET /api/monitor/trend（12 个月，一个单位）', () => app.request(`/api/monitor/trend?unit=${encodeURIComponent('第3镇')}&period=month&count=12`, { headers: auth })],
    ['GET /api/monitor/alerts', () => app.request('/api/monitor/alerts', { headers: auth })],
    ['POST /api/monitor/impact（发往各乡镇）', () => app.request('/api/monitor/impact', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ burden: { ...burden, recipients: [{ text: '各村（社区）', group: 'village', all: true }] } }) })],
    ['GET /api/ratings/documents', () => app.request('/api/ratings/documents', { headers: auth })],
    ['GET /api/explanations', () => app.request('/api/explanations', { headers: auth })],
    ['GET /api/issuer-quotas', () => app.request('/api/issuer-quotas', { headers: auth })],
    ['GET /api/monitor/export.xlsx', () => app.request('/api/monitor/export.xlsx', { headers: auth })],
  ]
  console.log('| 路由 | p50 | p99 | 次数 |\n|---|---:|---:|---:|')
  for (const [label, call] of routes) {
    const first = await call()
    if (first.status !== 200) throw new Error(`${label} → ${first.status} ${await first.text()}`)
    await first.arrayBuffer()
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      const r = await call()
      await r.arrayBuffer()
      times.push(performance.now() - t)
    }
    console.log(`| ${label} | ${pct(times, 50).toFixed(0)} ms | ${pct(times, 99).toFixed(0)} ms | ${RUNS} |`)
  }
  await db.close()
}
