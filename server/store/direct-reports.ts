import type { DirectReportInput, Module } from '../../core'
import type { Db } from '../db/types'
import { ApiError } from '../lib/errors'
import { writeAudit, type Actor } from './audit'

type Row = {
  id: string
  at: Date
  unit: string
  module: Module
  doc_hash: string | null
  text: string
  anonymous: boolean
  status: 'open' | 'closed'
  answer: string | null
  answered_at: Date | null
}

/** A 直报 as admins see it: an anonymous one never shows its unit. */
const toView = (r: Row) => ({
  id: r.id,
  at: r.at.toISOString(),
  unit: r.anonymous ? null : r.unit,
  module: r.module,
  docHash: r.doc_hash,
  text: r.text,
  anonymous: r.anonymous,
  status: r.status,
  answer: r.answer,
  answeredAt: r.answered_at?.toISOString() ?? null,
})
export type DirectReportView = ReturnType<typeof toView>

const COLS = 'id::text, at, unit, module, doc_hash, text, anonymous, status, answer, answered_at'

/** 基层直报: grassroots staff report a burden in their own words; admins answer and close. */
export function directReportStore(db: Db) {
  return {
    /** `at` is for the demo seed's history; a route never passes it (a report is made now). */
    async create(unit: string, tokenId: string, r: DirectReportInput, o: { at?: string } = {}): Promise<{ id: string }> {
      // An anonymous report keeps no token: nobody can trace it back to a person.
      const [row] = await db.query<{ id: string }>(
        'INSERT INTO direct_reports (unit, token_id, module, doc_hash, text, anonymous, at) VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now())) RETURNING id::text',
        [unit, r.anonymous ? null : tokenId, r.module, r.docHash, r.text, r.anonymous, o.at ?? null],
      )
      return row!
    },

    async list(o: { status?: 'open' | 'closed'; limit: number }): Promise<DirectReportView[]> {
      const rows = await db.query<Row>(`SELECT ${COLS} FROM direct_reports WHERE ($1::text IS NULL OR status = $1) ORDER BY at DESC, id DESC LIMIT $2`, [o.status ?? null, o.limit])
      return rows.map(toView)
    },

    /** The unit's own reports with their answers (its anonymous ones too: anonymity is towards the issuer). */
    async mine(unit: string, limit: number): Promise<DirectReportView[]> {
      const rows = await db.query<Row>(`SELECT ${COLS} FROM direct_reports WHERE unit = $1 ORDER BY at DESC, id DESC LIMIT $2`, [unit, limit])
      return rows.map((r) => ({ ...toView(r), unit: r.unit }))
    },

    /** Counts by module and status: no text, no units. */
    async summary(): Promise<Array<{ module: Module; status: 'open' | 'closed'; n: number }>> {
      return db.query('SELECT module, status, count(*)::int AS n FROM direct_reports GROUP BY module, status ORDER BY module, status')
    },

    async answer(id: string, answer: string, close: boolean, actor: Actor): Promise<DirectReportView> {
      if (!/^\d{1,18}$/.test(id)) throw new ApiError(404, 'not_found', '未找到该直报')
      return db.tx(async (q) => {
        const [row] = await q.query<Row>(
          `UPDATE direct_reports SET answer = $2, answered_at = now(), answered_by = $3, status = CASE WHEN $4 THEN 'closed' ELSE status END
           WHERE id = $1::bigint RETURNING ${COLS}`,
          [id, answer, actor.id, close],
        )
        if (!row) throw new ApiError(404, 'not_found', '未找到该直报')
        await writeAudit(q, actor, 'direct-report.answer', id, { close })
        return toView(row)
      })
    },

    /** For the workbook: what admins see, anonymous ones without their unit. */
    all: (limit: number) => db.query<Row>(`SELECT ${COLS} FROM direct_reports ORDER BY at DESC, id DESC LIMIT $1`, [limit]).then((r) => r.map(toView)),
  }
}
export type DirectReportStore = ReturnType<typeof directReportStore>
