import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { DaySchema } from '../../core'
import type { AppEnv } from '../lib/auth'
import { requireAllUnits, type Deps } from '../lib/deps'
import { invalid, notFound } from '../lib/errors'
import { header } from '../lib/headers'
import { pollAnswer } from '../lib/published'
import { isMultipart, readUpload } from '../lib/upload'
import { jsonBody, param } from '../lib/validate'

const Meta = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(200),
  issuer: z.string().max(100).optional(),
  docNo: z.string().max(100).optional(),
  issuedOn: DaySchema.optional(),
})
const JsonBody = Meta.extend({ text: z.string().min(20, '正文太短，无法生成指纹').max(500_000) }).strict()

export function superiorRoutes({ auth, store, published }: Deps) {
  return (
    new Hono<AppEnv>()
      // Hashes only: the text of superior documents never leaves the service, nor is it kept.
      .get('/fingerprints', auth.role('drafter'), async (c) => {
        const fp = await published.fingerprints()
        return pollAnswer(header(c, 'if-none-match'), fp)
      })
      .get('/superior', auth.role('reviewer'), async (c) => c.json({ documents: await store.superior.list() }))
      .post('/superior', auth.role('admin'), bodyLimit({ maxSize: 25 * 1024 * 1024 }), async (c) => {
        requireAllUnits(c.get('principal'))
        let meta: z.infer<typeof Meta>
        let text: string
        if (isMultipart(c)) {
          const up = await readUpload(c)
          const fields = Object.fromEntries(Object.entries(up.fields).filter(([, v]) => v !== ''))
          const r = Meta.safeParse({ title: up.name.replace(/\.(docx|txt|md)$/i, ''), ...fields })
          if (!r.success) throw invalid(r.error)
          meta = r.data
          text = up.text
        } else ({ text, ...meta } = await jsonBody(c, JsonBody))
        const doc = await store.superior.add(meta, text, c.get('principal'))
        await published.invalidate()
        return c.json(doc, 201)
      })
      .delete('/superior/:id', auth.role('admin'), async (c) => {
        requireAllUnits(c.get('principal'))
        const { id } = param(c, z.object({ id: z.string().min(1).max(40) }))
        if (!(await store.superior.remove(id, c.get('principal')))) throw notFound(`上级文件「${id}」`)
        await published.invalidate()
        return c.json({ removed: id })
      })
  )
}
