import { randomBytes } from 'node:crypto'
import { describe } from 'vitest'
import { createApp, type AppOptions } from '../../server/app'
import { bootstrap } from '../../server/bootstrap'
import { migrate } from '../../server/db/migrate'
import { openPgliteThread } from '../../server/db/pglite-thread'
import { openPostgres } from '../../server/db/postgres'
import { scriptVia } from '../../server/db/script'
import type { Db } from '../../server/db/types'
import { createStore, type Store } from '../../server/store'
import { SYSTEM } from '../../server/store/tokens'
import type { TelemetryEvent } from '../../core'

export const PG_URL = process.env.TEST_DATABASE_URL
if (!PG_URL) console.warn('[banwen] 未设置 TEST_DATABASE_URL：PostgreSQL 部分跳过。启用：eval "$(bash .ci/postgres.sh | tail -n 1)"')

/** Each store kind the suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const STORES = [
  { name: 'PGlite', open: () => openPgliteThread() },
  { name: 'PostgreSQL', open: () => openPostgres(PG_URL!, { schema: `bw_test_${randomBytes(5).toString('hex')}`, dropSchemaOnClose: true, max: 4 }) },
] as const

/** describe.each over both stores; the PostgreSQL half shows as skipped without TEST_DATABASE_URL. */
export function eachStore(title: string, fn: (open: () => Promise<Db>) => void) {
  describe.each(STORES)(`${title} · $name`, ({ name, open }) => {
    describe.skipIf(name === 'PostgreSQL' && !PG_URL)(name === 'PostgreSQL' && !PG_URL ? '（未设置 TEST_DATABASE_URL，跳过）' : '', () => fn(open))
  })
}

/**
 * The database with every statement passed through `wrap` (to fail or watch some), in and out of
 * transactions. A script runs as a transaction of wrapped statements, so a fault can land inside one.
 */
export function wrapQueries(db: Db, wrap: (q: Db['query']) => Db['query']): Db {
  const tx: Db['tx'] = (fn) => db.tx((q) => fn({ query: wrap(q.query) }))
  return {
    ...db,
    query: wrap(db.query),
    tx,
    script: scriptVia(tx),
  }
}

export interface Env {
  db: Db
  store: Store
  app: ReturnType<typeof createApp>
  tokens: { admin: string; reviewer: string; drafter: string; unitDrafter: string }
  call: (method: string, path: string, o?: { token?: string | null; json?: unknown; body?: BodyInit; headers?: Record<string, string> }) => Promise<Response>
}

/** A migrated store, a bootstrapped app and one token per role (plus a drafter bound to 办公室). */
export async function setup(open: () => Promise<Db>, o: Omit<AppOptions, 'store'> & { wrap?: (db: Db) => Db } = {}): Promise<Env> {
  const raw = await open()
  await migrate(raw)
  const db = o.wrap ? o.wrap(raw) : raw
  const store = createStore(db)
  const { newAdminToken } = await bootstrap(store)
  const make = async (role: 'drafter' | 'reviewer', unit?: string) => (await store.tokens.create({ role, name: `测试${role}`, unit }, SYSTEM)).token
  const tokens = { admin: newAdminToken!, reviewer: await make('reviewer'), drafter: await make('drafter'), unitDrafter: await make('drafter', '办公室') }
  const app = createApp({ store, ...o, config: { rateLimit: { perMinute: Infinity, burst: Infinity }, ...o.config } })
  const call: Env['call'] = async (method, path, c = {}) => {
    const headers: Record<string, string> = { ...c.headers }
    const token = c.token === undefined ? tokens.admin : c.token
    if (token) headers.authorization = `Bearer ${token}`
    let body = c.body
    if (c.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(c.json)
    }
    return app.request(path, { method, headers, body })
  }
  return { db: raw, store, app, tokens, call }
}

const ZERO = { tao: 0, burden: 0, frame: 0, length: 0, disguise: 0, copy: 0, escalation: 0 }
let seq = 0

/** A valid telemetry event; override any field. */
export function event(o: Partial<TelemetryEvent> = {}): TelemetryEvent {
  seq++
  return {
    id: `evt-${process.pid}-${seq}-${randomBytes(4).toString('hex')}`,
    kind: 'analyzed',
    at: '2026-03-10T02:00:00.000Z',
    unit: '办公室',
    user: 'u-1',
    docType: '通知',
    chars: 1200,
    cap: 5000,
    score: 80,
    counts: { ...ZERO },
    ruleIds: [],
    rulesetVersion: '2026.11.1',
    extensionVersion: '0.1.0',
    flags: { overCap: false, disguisedDirective: false, frame: false, copiedShare: null },
    ...o,
  }
}
export const counts = (c: Partial<typeof ZERO>) => ({ ...ZERO, ...c })
export const hashOf = (n: number) => n.toString(16).padStart(64, '0')

/** A minimal .docx: one paragraph per line. */
export async function makeDocx(lines: string[]): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  const body = lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)
  return zip.generateAsync({ type: 'uint8array' })
}
