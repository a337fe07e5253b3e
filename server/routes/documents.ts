import { Hono } from 'hono'
import { docHashText } from '../../core'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppEnv } from '../lib/auth'
import { scopeUnit, type Deps } from '../lib/deps'
import { ApiError, notFound } from '../lib/errors'
import { EventFilterSchema } from '../lib/filter'
import { sha256 } from '../lib/hash'
import { jsonBody, param, query } from '../lib/validate'

const Hash = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 sha-256')
const ListQuery = EventFilterSchema.extend({
  hash: Hash.optional(),
  maxScore: z.coerce.number().min(0).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
const TextBody = z
  .object({
    unit: z.string().min(1).max(100),
    docHash: Hash,
    text: z.string().min(1).max(500_000),
    title: z.string().max(200).optional(),
  })
  .strict()

export function documentRoutes({ auth, store }: Deps) {
  return (
    new Hono<AppEnv>()
      .get('/documents', auth.role('reviewer'), async (c) => {
        const q = query(c, ListQuery)
        return c.json(await store.documents.listFiled({ ...q, unit: scopeUnit(c.get('principal'), q.unit) }))
      })
      .get('/documents/:hash', auth.role('reviewer'), async (c) => {
        const { hash } = param(c, z.object({ hash: Hash }))
        const doc = await store.documents.byHash(hash, c.get('principal').unit ?? undefined)
        if (!doc.filed.length && !doc.analyses.length && !doc.text) throw notFound('该文档记录')
        return c.json({ docHash: hash, ...doc })
      })
      // The extension sends the text at filing only when the unit's policy says so.
      .post('/documents/text', auth.role('drafter'), bodyLimit({ maxSize: 4 * 1024 * 1024 }), async (c) => {
        const body = await jsonBody(c, TextBody)
        const unit = scopeUnit(c.get('principal'), body.unit)!
        if (!(await store.units.get(unit)).storeText) throw new ApiError(403, 'text_storage_disabled', `单位「${unit}」未开启保存公文正文，服务不接收正文`)
        // The fingerprint is taken of the words only (docHashText), as the extension and 收文 pages take it.
        if (sha256(docHashText(body.text)) !== body.docHash) throw new ApiError(422, 'hash_mismatch', 'docHash 与正文（去除空白后）的 sha-256 不一致')
        await store.documents.storeText(unit, body.docHash, body.title ?? null, body.text, c.get('principal'))
        return c.json({ stored: true, docHash: body.docHash }, 201)
      })
  )
}
