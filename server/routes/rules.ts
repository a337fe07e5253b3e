import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { formatZodError, RuleSetSchema, runRuleExamples, type ExampleResult, type RuleSet } from '../../core'
import type { AppEnv } from '../lib/auth'
import { requireAllUnits, scopeUnit, type Deps } from '../lib/deps'
import { diffRuleSets } from '../lib/diff'
import { ApiError, notFound } from '../lib/errors'
import { header } from '../lib/headers'
import { pollAnswer } from '../lib/published'
import { jsonBody, param, query } from '../lib/validate'

const MB = 1024 * 1024
const RefParam = z.object({ ref: z.string().min(1).max(100) })
const DiffQuery = z.object({ from: z.string().min(1), to: z.string().min(1) })
const Envelope = z.object({ ruleSet: z.unknown(), note: z.string().max(500).optional() }).strict()

export interface Checked {
  ruleSet: RuleSet | null
  errors: string[]
  examples: ExampleResult[]
}

/** The engine's own checks: the schema (every path), then every rule's embedded examples. */
export function checkRuleSet(input: unknown): Checked {
  const parsed = RuleSetSchema.safeParse(input)
  if (!parsed.success) return { ruleSet: null, errors: formatZodError(parsed.error), examples: [] }
  return { ruleSet: parsed.data, errors: [], examples: runRuleExamples(parsed.data) }
}

const failedLines = (examples: ExampleResult[]) => examples.filter((e) => !e.ok).map((e) => `${e.ruleId} ${e.kind === 'bad' ? '反例' : '正例'}#${e.index + 1}：${e.problem}`)

export function ruleRoutes({ auth, store, published }: Deps) {
  const resolve = async (ref: string) => {
    const found = /^\d+$/.test(ref) ? await store.rulesets.get(Number(ref)) : await store.rulesets.byVersion(ref)
    if (!found) throw notFound(`规则集版本「${ref}」`)
    return found
  }

  return (
    new Hono<AppEnv>()
      // The extension polls this; a matching If-None-Match costs no database query.
      .get('/rules', auth.role('drafter'), async (c) => {
        // Read by hand rather than by schema: this is the hottest route.
        const asked = c.req.query('unit') || undefined
        if (asked && asked.length > 100) throw new ApiError(400, 'invalid_request', '查询参数有误', ['unit: 单位名称过长（上限 100 字）'])
        const unit = scopeUnit(c.get('principal'), asked)
        const served = await published.rules(unit)
        return pollAnswer(header(c, 'if-none-match'), served)
      })
      .get('/rulesets', auth.role('reviewer'), async (c) => c.json({ versions: await store.rulesets.list() }))
      .get('/rulesets/diff', auth.role('reviewer'), async (c) => {
        const q = query(c, DiffQuery)
        const [a, b] = await Promise.all([resolve(q.from), resolve(q.to)])
        return c.json(diffRuleSets(a.body, b.body))
      })
      .get('/rulesets/:ref', auth.role('reviewer'), async (c) => c.json(await resolve(param(c, RefParam).ref)))
      // Dry run for the editor: every schema error, or every example's result.
      .post('/rulesets/validate', auth.role('admin'), bodyLimit({ maxSize: 2 * MB }), async (c) => {
        const { ruleSet } = await jsonBody(c, Envelope)
        const r = checkRuleSet(ruleSet)
        const failed = r.examples.filter((e) => !e.ok).length
        return c.json({ valid: r.errors.length === 0 && failed === 0, errors: r.errors, examples: r.examples, failed })
      })
      .post('/rulesets', auth.role('admin'), bodyLimit({ maxSize: 2 * MB }), async (c) => {
        requireAllUnits(c.get('principal'))
        const { ruleSet, note } = await jsonBody(c, Envelope)
        const r = checkRuleSet(ruleSet)
        if (!r.ruleSet) throw new ApiError(400, 'invalid_ruleset', `规则集格式错误，共 ${r.errors.length} 处`, r.errors)
        const failed = failedLines(r.examples)
        if (failed.length) throw new ApiError(422, 'examples_failed', `规则例句未通过：${failed.length} 个，规则集未发布`, failed)
        const stored = await store.rulesets.publish(r.ruleSet, note ?? null, c.get('principal'))
        await published.invalidate()
        const { body: _, ...version } = stored
        return c.json({ ...version, examples: r.examples.length }, 201)
      })
      .post('/rulesets/:ref/rollback', auth.role('admin'), async (c) => {
        requireAllUnits(c.get('principal'))
        const target = await resolve(param(c, RefParam).ref)
        if (target.current) throw new ApiError(409, 'already_current', `版本「${target.version}」已是当前版本`)
        const done = await store.rulesets.rollback(target.rev, c.get('principal'))
        await published.invalidate()
        const { body: _, ...version } = done!
        return c.json(version)
      })
  )
}
