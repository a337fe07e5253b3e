import type { Db } from '../db/types'
import { newToken, randomId, sha256 } from '../lib/hash'
import { writeAudit, type Actor } from './audit'

export const ROLES = ['drafter', 'reviewer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export interface TokenRecord {
  id: string
  role: Role
  name: string
  unit: string | null
  createdAt: string
  createdBy: string | null
  revokedAt: string | null
  lastUsedAt: string | null
}

type Row = { id: string; role: Role; name: string; unit: string | null; created_at: Date; created_by: string | null; revoked_at: Date | null; last_used_at: Date | null }
const COLS = 'id, role, name, unit, created_at, created_by, revoked_at, last_used_at'
const toRecord = (r: Row): TokenRecord => ({
  id: r.id,
  role: r.role,
  name: r.name,
  unit: r.unit,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
})

export const SYSTEM: Actor = { id: 'system', name: '系统' }

export function tokenStore(db: Db) {
  return {
    /** Creates a token; the plain token is returned once and never stored. */
    async create(o: { role: Role; name: string; unit?: string | null; plain?: string }, actor: Actor): Promise<{ token: string; record: TokenRecord }> {
      const token = o.plain ?? newToken()
      const id = randomId('tk', 5)
      const record = await db.tx(async (q) => {
        const [row] = await q.query<Row>(`INSERT INTO tokens (id, hash, role, name, unit, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLS}`, [
          id,
          sha256(token),
          o.role,
          o.name,
          o.unit ?? null,
          actor.id,
        ])
        await writeAudit(q, actor, 'token.create', id, { role: o.role, name: o.name, unit: o.unit ?? null })
        return toRecord(row!)
      })
      return { token, record }
    },

    /** The active token with this hash. */
    async byHash(hash: string): Promise<TokenRecord | null> {
      const [row] = await db.query<Row>(`SELECT ${COLS} FROM tokens WHERE hash = $1 AND revoked_at IS NULL`, [hash])
      return row ? toRecord(row) : null
    },

    async list(includeRevoked = false): Promise<TokenRecord[]> {
      const rows = await db.query<Row>(`SELECT ${COLS} FROM tokens ${includeRevoked ? '' : 'WHERE revoked_at IS NULL'} ORDER BY created_at DESC, id`)
      return rows.map(toRecord)
    },

    async revoke(id: string, actor: Actor): Promise<TokenRecord | null> {
      return db.tx(async (q) => {
        const [row] = await q.query<Row>(`UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLS}`, [id])
        if (row) await writeAudit(q, actor, 'token.revoke', id, { name: row.name, role: row.role })
        return row ? toRecord(row) : null
      })
    },

    async countAdmins(): Promise<number> {
      const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tokens WHERE role = 'admin' AND revoked_at IS NULL`)
      return r!.n
    },

    /** Records use; callers throttle it so a busy token costs no write per request. */
    async touch(ids: string[]): Promise<void> {
      if (ids.length) await db.query('UPDATE tokens SET last_used_at = now() WHERE id = ANY($1::text[])', [ids])
    },
  }
}
export type TokenStore = ReturnType<typeof tokenStore>
