import type { Db, Queryable } from '../db/types'

/** Who did something: a token's id and name. */
export interface Actor {
  id: string
  name: string
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  actorName: string
  action: string
  target: string | null
  detail: unknown
}

/** Written inside the transaction of the change it records. */
export async function writeAudit(q: Queryable, actor: Actor, action: string, target: string | null, detail?: unknown) {
  await q.query('INSERT INTO audit_log (actor, actor_name, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [
    actor.id,
    actor.name,
    action,
    target,
    detail === undefined ? null : JSON.stringify(detail),
  ])
}

export function auditStore(db: Db) {
  return {
    /** Newest first; with `unit`, only what that unit's tokens did or what was done to that unit. */
    async list(o: { limit: number; before?: number; action?: string; unit?: string }): Promise<AuditEntry[]> {
      const rows = await db.query<{ id: number; at: Date; actor: string; actor_name: string; action: string; target: string | null; detail: unknown }>(
        `SELECT id, at, actor, actor_name, action, target, detail FROM audit_log
         WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR action LIKE $2 || '%')
           AND ($4::text IS NULL OR target = $4 OR actor IN (SELECT id FROM tokens WHERE unit = $4))
         ORDER BY id DESC LIMIT $3`,
        [o.before ?? null, o.action ?? null, o.limit, o.unit ?? null],
      )
      return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), actor: r.actor, actorName: r.actor_name, action: r.action, target: r.target, detail: r.detail }))
    },
  }
}
