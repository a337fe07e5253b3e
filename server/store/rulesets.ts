import type { RuleSet } from '../../core'
import type { Db, Queryable } from '../db/types'
import { ApiError } from '../lib/errors'
import { writeAudit, type Actor } from './audit'

export interface RuleSetVersion {
  rev: number
  setId: string
  version: string
  name: string
  rules: number
  note: string | null
  publishedBy: string
  publishedAt: string
  current: boolean
}

type Row = { rev: number; set_id: string; version: string; body: RuleSet; note: string | null; published_by: string; published_at: Date; current: boolean }

const SELECT = `SELECT r.rev, r.set_id, r.version, r.body, r.note, r.published_by, r.published_at,
  r.rev = coalesce((SELECT (value #>> '{}')::int FROM settings WHERE key = 'ruleset.current'), (SELECT max(rev) FROM rulesets)) AS current
  FROM rulesets r`

const toVersion = (r: Row): RuleSetVersion => ({
  rev: r.rev,
  setId: r.set_id,
  version: r.version,
  name: r.body.name,
  rules: r.body.rules.length,
  note: r.note,
  publishedBy: r.published_by,
  publishedAt: r.published_at.toISOString(),
  current: r.current,
})

export interface StoredRuleSet extends RuleSetVersion {
  body: RuleSet
}
const toStored = (r: Row): StoredRuleSet => ({ ...toVersion(r), body: r.body })

const setCurrent = (q: Queryable, rev: number) =>
  q.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ('ruleset.current', $1::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
    [JSON.stringify(rev)],
  )

export function ruleSetStore(db: Db) {
  return {
    async current(): Promise<StoredRuleSet | null> {
      const [row] = await db.query<Row>(`${SELECT} ORDER BY current DESC, rev DESC LIMIT 1`)
      return row ? toStored(row) : null
    },

    async get(rev: number): Promise<StoredRuleSet | null> {
      const [row] = await db.query<Row>(`${SELECT} WHERE r.rev = $1`, [rev])
      return row ? toStored(row) : null
    },

    async byVersion(version: string): Promise<StoredRuleSet | null> {
      const [row] = await db.query<Row>(`${SELECT} WHERE r.version = $1`, [version])
      return row ? toStored(row) : null
    },

    async list(): Promise<RuleSetVersion[]> {
      return (await db.query<Row>(`${SELECT} ORDER BY r.rev DESC`)).map(toVersion)
    },

    /** Stores an already validated set and makes it current, with an audit entry. */
    async publish(body: RuleSet, note: string | null, actor: Actor): Promise<StoredRuleSet> {
      try {
        return await db.tx(async (q) => {
          const [row] = await q.query<{ rev: number }>(
            'INSERT INTO rulesets (set_id, version, body, note, published_by) VALUES ($1, $2, $3, $4, $5) RETURNING rev',
            [body.id, body.version, JSON.stringify(body), note, actor.name],
          )
          await setCurrent(q, row!.rev)
          await writeAudit(q, actor, 'ruleset.publish', body.version, { rev: row!.rev, id: body.id, rules: body.rules.length, note })
          const [out] = await q.query<Row>(`${SELECT} WHERE r.rev = $1`, [row!.rev])
          return toStored(out!)
        })
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw new ApiError(409, 'version_exists', `版本号「${body.version}」已发布过，请使用新的版本号`)
        throw e
      }
    },

    /** Makes an earlier revision current again. */
    async rollback(rev: number, actor: Actor): Promise<StoredRuleSet | null> {
      return db.tx(async (q) => {
        const [target] = await q.query<Row>(`${SELECT} WHERE r.rev = $1`, [rev])
        if (!target) return null
        const [from] = await q.query<Row>(`${SELECT} ORDER BY current DESC, rev DESC LIMIT 1`)
        await setCurrent(q, rev)
        await writeAudit(q, actor, 'ruleset.rollback', target.version, { fromRev: from?.rev, fromVersion: from?.version, toRev: rev, toVersion: target.version })
        return toStored({ ...target, current: true })
      })
    },

    /** Seeds the bundled set on an empty database; true when it did. */
    async seed(body: RuleSet): Promise<boolean> {
      return db.tx(async (q) => {
        await q.query('SELECT pg_advisory_xact_lock(727275)')
        const [n] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM rulesets')
        if (n!.n > 0) return false
        await q.query('INSERT INTO rulesets (set_id, version, body, note, published_by) VALUES ($1, $2, $3, $4, $5)', [body.id, body.version, JSON.stringify(body), '内置默认规则集', '系统'])
        return true
      })
    },
  }
}
export type RuleSetStore = ReturnType<typeof ruleSetStore>
