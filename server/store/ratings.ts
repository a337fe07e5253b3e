import type { DocumentRatings, Module, RatingInput } from '../../core'

export type { DocumentRatings }
import type { Db } from '../db/types'


type AggRow = {
  doc_hash: string
  issuer: string | null
  doc_type: string | null
  filed_at: Date | null
  recipients: number | null
  ratings: number
  good: number
  fair: number
  poor: number
  light: number
  moderate: number
  heavy: number
  bad: number
  mergeable: number
  unnecessary: number
  heaviest: Partial<Record<Module, number>> | null
  explanation: string | null
  explained_at: Date | null
}

// Ratings per document, with the latest filing of that fingerprint when the service has one.
const AGGREGATE = `
  WITH r AS (
    SELECT doc_hash, count(*)::int AS ratings,
      count(*) FILTER (WHERE effect = '好')::int AS good, count(*) FILTER (WHERE effect = '一般')::int AS fair, count(*) FILTER (WHERE effect = '差')::int AS poor,
      count(*) FILTER (WHERE burden = '轻')::int AS light, count(*) FILTER (WHERE burden = '适中')::int AS moderate, count(*) FILTER (WHERE burden = '重')::int AS heavy,
      count(*) FILTER (WHERE effect = '差' OR burden = '重')::int AS bad,
      count(*) FILTER (WHERE mergeable)::int AS mergeable, count(*) FILTER (WHERE unnecessary)::int AS unnecessary
    FROM ratings WHERE ($1::text IS NULL OR doc_hash = $1) GROUP BY doc_hash
  ), h AS (
    SELECT doc_hash, jsonb_object_agg(m, n) AS heaviest FROM (
      SELECT doc_hash, heaviest->>'module' AS m, count(*)::int AS n FROM ratings
      WHERE heaviest IS NOT NULL AND ($1::text IS NULL OR doc_hash = $1) GROUP BY 1, 2) x GROUP BY doc_hash
  ), d AS (
    SELECT DISTINCT ON (doc_hash) doc_hash, issuer, doc_type, filed_at, recipients FROM filed_docs
    WHERE doc_hash IN (SELECT doc_hash FROM r) ORDER BY doc_hash, filed_at DESC
  )
  SELECT r.*, d.issuer, d.doc_type, d.filed_at, d.recipients, h.heaviest, e.text AS explanation, e.at AS explained_at
  FROM r LEFT JOIN d USING (doc_hash) LEFT JOIN h USING (doc_hash) LEFT JOIN explanations e USING (doc_hash)`

const toDoc = (r: AggRow, explainAt: number): DocumentRatings => ({
  docHash: r.doc_hash,
  issuer: r.issuer,
  docType: r.doc_type,
  filedAt: r.filed_at?.toISOString() ?? null,
  recipients: r.recipients,
  ratings: r.ratings,
  effect: { 好: r.good, 一般: r.fair, 差: r.poor },
  burden: { 轻: r.light, 适中: r.moderate, 重: r.heavy },
  mergeable: r.mergeable,
  unnecessary: r.unnecessary,
  heaviest: r.heaviest ?? {},
  poorOrHeavy: r.bad,
  listed: r.bad >= explainAt,
  explanation: r.explanation ? { text: r.explanation, at: r.explained_at!.toISOString() } : null,
})

/** 文件会议逆向评估: recipients rate what they received; the drafting unit explains the worst publicly. */
export function ratingStore(db: Db) {
  async function documents(o: { explainAt: number; year?: number; issuer?: string; docHash?: string }): Promise<DocumentRatings[]> {
    const rows = await db.query<AggRow>(AGGREGATE, [o.docHash ?? null])
    return rows
      .map((r) => toDoc(r, o.explainAt))
      .filter((d) => (o.issuer === undefined || d.issuer === o.issuer) && (o.year === undefined || d.filedAt === null || Number(d.filedAt.slice(0, 4)) === o.year))
      .sort((a, b) => Number(b.listed) - Number(a.listed) || b.ratings - a.ratings || a.docHash.localeCompare(b.docHash))
  }

  return {
    async rate(unit: string, r: RatingInput): Promise<void> {
      await db.query(
        `INSERT INTO ratings (doc_hash, unit, effect, burden, mergeable, unnecessary, heaviest) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (doc_hash, unit) DO UPDATE SET at = now(), effect = excluded.effect, burden = excluded.burden,
           mergeable = excluded.mergeable, unnecessary = excluded.unnecessary, heaviest = excluded.heaviest`,
        [r.docHash, unit, r.effect, r.burden, r.mergeable, r.unnecessary, r.heaviest ? JSON.stringify(r.heaviest) : null],
      )
    },

    async mine(unit: string, docHash: string) {
      const [r] = await db.query<{ effect: string; burden: string; mergeable: boolean; unnecessary: boolean; heaviest: unknown; at: Date }>(
        'SELECT effect, burden, mergeable, unnecessary, heaviest, at FROM ratings WHERE doc_hash = $1 AND unit = $2',
        [docHash, unit],
      )
      return r ? { effect: r.effect, burden: r.burden, mergeable: r.mergeable, unnecessary: r.unnecessary, heaviest: r.heaviest, at: r.at.toISOString() } : null
    },

    documents,

    /** Per issuing unit: documents rated, ratings, shares of 差 and 重, documents on the list. */
    async issuers(o: { explainAt: number; year?: number; issuer?: string }) {
      const docs = await documents(o)
      const out = new Map<string, { issuer: string; documents: number; ratings: number; poor: number; heavy: number; listed: number }>()
      for (const d of docs) {
        const key = d.issuer ?? '（未登记）'
        const a = out.get(key) ?? { issuer: key, documents: 0, ratings: 0, poor: 0, heavy: 0, listed: 0 }
        a.documents++
        a.ratings += d.ratings
        a.poor += d.effect.差
        a.heavy += d.burden.重
        if (d.listed) a.listed++
        out.set(key, a)
      }
      return [...out.values()]
        .map((a) => ({ ...a, poorShare: a.ratings ? a.poor / a.ratings : 0, heavyShare: a.ratings ? a.heavy / a.ratings : 0 }))
        .sort((a, b) => b.listed - a.listed || b.poorShare + b.heavyShare - (a.poorShare + a.heavyShare))
    },

    async explain(docHash: string, text: string, unit: string | null, tokenId: string): Promise<void> {
      await db.query(
        `INSERT INTO explanations (doc_hash, text, by_unit, by_token) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_hash) DO UPDATE SET text = excluded.text, at = now(), by_unit = excluded.by_unit, by_token = excluded.by_token`,
        [docHash, text, unit, tokenId],
      )
    },
  }
}
export type RatingStore = ReturnType<typeof ratingStore>
