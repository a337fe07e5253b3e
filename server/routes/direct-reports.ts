import { Hono } from 'hono'
import { z } from 'zod'
import { DirectReportInputSchema, plainText } from '../../core'
import type { AppEnv } from '../lib/auth'
import { boundUnit, requireAllUnits, type Deps } from '../lib/deps'
import { jsonBody, param, query } from '../lib/validate'
import { receiveReport } from '../lib/receive'

const AnswerBody = z.object({ answer: plainText(500, 1), close: z.boolean().default(true) }).strict()
const IdParam = z.object({ id: z.string().min(1).max(20) })

/** 基层直报: the text is the reporter's own words and only unbound admins read it. */
export function directReportRoutes(deps: Deps) {
  const { auth, store } = deps
  return new Hono<AppEnv>()
    .post('/direct-reports', auth.role('drafter'), async (c) => {
      const p = c.get('principal')
      const unit = boundUnit(p)
      const body = await jsonBody(c, DirectReportInputSchema)
      const { id } = await store.directReports.create(unit, p.id, body)
      await receiveReport(deps, unit)
      return c.json({ id }, 201)
    })
    .get('/direct-reports', auth.role('admin'), async (c) => {
      requireAllUnits(c.get('principal'))
      const q = query(c, z.object({ status: z.enum(['open', 'closed']).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }))
      return c.json({ reports: await store.directReports.list(q) })
    })
    .get('/direct-reports/mine', auth.role('drafter'), async (c) => {
      const unit = boundUnit(c.get('principal'))
      return c.json({ reports: await store.directReports.mine(unit, 200) })
    })
    .get('/direct-reports/summary', auth.role('reviewer'), async (c) => c.json({ summary: await store.directReports.summary() }))
    .post('/direct-reports/:id/answer', auth.role('admin'), async (c) => {
      requireAllUnits(c.get('principal'))
      const { id } = param(c, IdParam)
      const { answer, close } = await jsonBody(c, AnswerBody)
      return c.json(await store.directReports.answer(id, answer, close, c.get('principal')))
    })
}
