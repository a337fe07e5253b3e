import { Hono } from 'hono'
import { z } from 'zod'
import { DocHashSchema, plainText, RatingInputSchema } from '../../core'
import type { AppEnv } from '../lib/auth'
import { boundUnit, type Deps } from '../lib/deps'
import { ApiError } from '../lib/errors'
import { yearIn } from '../lib/time'
import { jsonBody, param, query } from '../lib/validate'

const HashParam = z.object({ docHash: DocHashSchema })
const ExplainBody = z.object({ text: plainText(1000, 1) }).strict()

/** 文件会议逆向评估 and the 公开说明 list; what a 收文 page may know of a received document. */
export function ratingRoutes({ auth, store, published, config }: Deps) {
  const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).default(() => yearIn(config.timeZone)) })
  const explainAt = async () => (await published.rules()).ruleSet.monitor.explainAt

  return new Hono<AppEnv>()
    .post('/ratings', auth.role('drafter'), async (c) => {
      const unit = boundUnit(c.get('principal'))
      const body = await jsonBody(c, RatingInputSchema)
      const doc = await store.filed.byHash(body.docHash)
      if (doc && !doc.units.includes(unit)) throw new ApiError(403, 'not_recipient', `「${unit}」不在该文件的主送范围内，不能评价`)
      await store.ratings.rate(unit, body)
      return c.json({ ok: true, rating: await store.ratings.mine(unit, body.docHash) })
    })
    .get('/ratings/documents', auth.role('reviewer'), async (c) => {
      const { year } = query(c, YearQuery)
      // A bound reviewer sees the ratings of its own unit's documents.
      return c.json({ documents: await store.ratings.documents({ explainAt: await explainAt(), year, issuer: c.get('principal').unit ?? undefined }) })
    })
    .get('/ratings/documents/:docHash', auth.role('reviewer'), async (c) => {
      const { docHash } = param(c, HashParam)
      const [d] = await store.ratings.documents({ explainAt: await explainAt(), docHash })
      const unit = c.get('principal').unit
      if (!d || (unit && d.issuer !== unit)) throw new ApiError(404, 'not_found', '该文件没有逆向评估记录')
      return c.json(d)
    })
    .get('/ratings/issuers', auth.role('reviewer'), async (c) => {
      const { year } = query(c, YearQuery)
      return c.json({ issuers: await store.ratings.issuers({ explainAt: await explainAt(), year, issuer: c.get('principal').unit ?? undefined }) })
    })
    .get('/explanations', auth.role('drafter'), async (c) => {
      const { year } = query(c, YearQuery)
      const docs = await store.ratings.documents({ explainAt: await explainAt(), year })
      return c.json({
        explainAt: await explainAt(),
        documents: docs.filter((d) => d.listed).map((d) => ({ docHash: d.docHash, issuer: d.issuer, docType: d.docType, filedAt: d.filedAt, ratings: d.ratings, poorOrHeavy: d.poorOrHeavy, explanation: d.explanation })),
      })
    })
    .put('/explanations/:docHash', auth.role('drafter'), async (c) => {
      const p = c.get('principal')
      const { docHash } = param(c, HashParam)
      const { text } = await jsonBody(c, ExplainBody)
      const doc = await store.filed.byHash(docHash)
      if (!doc) throw new ApiError(404, 'not_found', '未找到该文件的发文记录')
      // The drafting unit explains itself; an unbound admin may enter it on its behalf.
      const mayExplain = p.unit ? p.unit === doc.issuer : p.role === 'admin'
      if (!mayExplain) throw new ApiError(403, 'unit_forbidden', `只有发文单位「${doc.issuer}」能填写说明`)
      await store.ratings.explain(docHash, text, p.unit, p.id)
      return c.json({ ok: true })
    })
    .get('/received/:docHash', auth.role('drafter'), async (c) => {
      const { docHash } = param(c, HashParam)
      const unit = c.get('principal').unit
      const doc = await store.filed.byHash(docHash)
      const mine = unit ? await store.ratings.mine(unit, docHash) : null
      if (!doc) return c.json({ known: false, issuer: null, docType: null, filedAt: null, recipients: null, isRecipient: null, mine })
      return c.json({ known: true, issuer: doc.issuer, docType: doc.docType, filedAt: doc.filedAt, recipients: doc.units.length, isRecipient: unit ? doc.units.includes(unit) : null, mine })
    })
}
