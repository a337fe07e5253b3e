import { Hono } from 'hono'
import { z } from 'zod'
import {
  addDays,
  FiledBurdenSchema,
  impactLine,
  periodOf,
  PRESSURE_CODE_LABELS,
  previousPeriod,
  recurringAdded,
  resolveRecipients,
  UNIT_LEVEL_LABELS,
  MODULES,
  type Impact,
  type Period,
} from '../../core'
import type { AppEnv, Principal } from '../lib/auth'
import type { Deps } from '../lib/deps'
import { ApiError } from '../lib/errors'
import { monitorTable } from '../lib/monitor-table'
import { todayIn } from '../lib/time'
import { jsonBody, query } from '../lib/validate'
import { workbook } from '../lib/xlsx'
import type { Store } from '../store'

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期形如 2026-10-01').refine((s) => !Number.isNaN(Date.parse(s)) && s >= '2000-01-01' && s < '2100-01-01', '日期无效')
const ImpactBody = z.object({ burden: FiledBurdenSchema, at: Day.optional() }).strict()

/** What a token may see: unbound, everything; bound, its unit and the units under it. */
export const visibleTo = (store: Store, p: Principal) => (p.unit ? store.org.subtree(p.unit) : Promise.resolve(null))

export function monitorRoutes({ auth, store, published, config }: Deps) {
  const PeriodQuery = z.object({ period: z.enum(['week', 'month']).optional(), at: Day.optional() })
  const periodFrom = async (q: z.infer<typeof PeriodQuery>) => {
    const policy = (await published.rules()).ruleSet.monitor
    return { policy, period: periodOf(q.period ?? policy.period, q.at ?? todayIn(config.timeZone)) }
  }

  return new Hono<AppEnv>()
    .get('/monitor', auth.role('reviewer'), async (c) => {
      const { policy, period } = await periodFrom(query(c, PeriodQuery))
      return c.json(await monitorTable(store, period, policy, await visibleTo(store, c.get('principal'))))
    })
    .get('/monitor/trend', auth.role('reviewer'), async (c) => {
      const q = query(c, PeriodQuery.extend({ unit: z.string().min(1).max(60), count: z.coerce.number().int().min(1).max(53).default(12) }))
      const visible = await visibleTo(store, c.get('principal'))
      if (visible && !visible.has(q.unit)) throw new ApiError(403, 'unit_forbidden', `此令牌不能查看「${q.unit}」`)
      const { policy, period } = await periodFrom(q)
      const periods: Period[] = [period]
      while (periods.length < q.count) periods.unshift(previousPeriod(periods[0]!))
      const points = []
      for (const p of periods) {
        const [row] = await store.monitor.pressure(p, [q.unit], policy)
        points.push({ from: p.from, to: p.to, index: row!.index, code: row!.code })
      }
      return c.json({ unit: q.unit, points })
    })
    .get('/monitor/alerts', auth.role('reviewer'), async (c) => {
      const { limit } = query(c, z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }))
      return c.json({ alerts: await store.monitor.alerts(limit, await visibleTo(store, c.get('principal'))) })
    })
    .post('/monitor/impact', auth.role('drafter'), async (c) => {
      const { burden, at } = await jsonBody(c, ImpactBody)
      const policy = (await published.rules()).ruleSet.monitor
      const day = at ?? todayIn(config.timeZone)
      const period = periodOf(policy.period, day)
      const [units, aliases] = await Promise.all([store.org.units(), store.org.aliases()])
      // A bound drafter's draft goes out from its unit: its 各村 are that unit's villages.
      const resolved = resolveRecipients(burden.recipients, units, aliases, c.get('principal').unit ?? undefined)
      const level = new Map(units.map((u) => [u.name, u.level]))
      const rows = await store.monitor.impact(burden, resolved.units, day, period, policy)
      const recipients = rows.map((r) => ({
        unit: r.unit,
        level: level.get(r.unit)!,
        before: { index: r.before.index, code: r.before.code },
        after: { index: r.after.index, code: r.after.code },
      }))
      const added = recurringAdded(burden)
      const answer: Impact = { period, recipients, unresolved: resolved.unresolved, added, line: impactLine(recipients, added, resolved.unresolved) }
      return c.json(answer)
    })
    .get('/monitor/export.xlsx', auth.role('reviewer'), async (c) => {
      const { policy, period } = await periodFrom(query(c, PeriodQuery))
      const p = c.get('principal')
      const visible = await visibleTo(store, p)
      const table = await monitorTable(store, period, policy, visible)
      const year = Number(period.from.slice(0, 4))
      const issuer = p.unit ?? undefined
      const [docs, reports] = await Promise.all([
        store.ratings.documents({ explainAt: policy.explainAt, year, issuer }),
        p.role === 'admin' && !p.unit ? store.directReports.all(5000) : Promise.resolve(null),
      ])
      const summary = reports ? null : await store.directReports.summary()
      const label = `${period.from} 至 ${addDays(period.to, -1)}`
      const bytes = workbook([
        {
          name: '负担监测',
          rows: [
            ['单位', '层级', '上级', ...MODULES.flatMap((m) => [`${m}·新增`, `${m}·在办`]), '直报', '压力指数', '码色', '上期指数', '上期码色', `周期：${label}`],
            ...table.units.map((u) => [
              u.unit,
              UNIT_LEVEL_LABELS[u.level],
              u.parent,
              ...MODULES.flatMap((m) => [u.modules[m].fresh, u.modules[m].inForce]),
              u.reports,
              u.index,
              PRESSURE_CODE_LABELS[u.code],
              u.prev.index,
              PRESSURE_CODE_LABELS[u.prev.code],
            ]),
          ],
        },
        {
          name: '红码名单',
          rows: [['单位', '压力指数', '主要发文单位（分值）'], ...table.units.filter((u) => u.code === 'red').map((u) => [u.unit, u.index, u.topIssuers.map((t) => `${t.issuer}（${t.points}）`).join('、')])],
        },
        reports
          ? {
              name: '直报',
              rows: [['时间', '单位', '模块', '文件指纹', '内容', '状态', '答复'], ...reports.map((r) => [r.at, r.anonymous ? '匿名' : r.unit, r.module, r.docHash?.slice(0, 12) ?? '', r.text, r.status === 'open' ? '待办' : '已办结', r.answer ?? ''])],
            }
          : { name: '直报汇总', rows: [['模块', '状态', '件数'], ...summary!.map((s) => [s.module, s.status === 'open' ? '待办' : '已办结', s.n])] },
        {
          name: '逆向评估',
          rows: [
            ['文件指纹', '发文单位', '文种', '评价单位数', '好', '一般', '差', '轻', '适中', '重', '可合并', '可不发', '公开说明'],
            ...docs.map((d) => [d.docHash.slice(0, 12), d.issuer, d.docType, d.ratings, d.effect.好, d.effect.一般, d.effect.差, d.burden.轻, d.burden.适中, d.burden.重, d.mergeable, d.unnecessary, d.listed ? '是' : '']),
          ],
        },
        {
          name: '公开说明',
          rows: [['文件指纹', '发文单位', '差或重的评价数', '说明', '说明时间'], ...docs.filter((d) => d.listed).map((d) => [d.docHash.slice(0, 12), d.issuer, d.poorOrHeavy, d.explanation?.text ?? '（未说明）', d.explanation?.at ?? ''])],
        },
      ])
      return new Response(bytes as unknown as BodyInit, {
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="banwen-monitor-${period.from}.xlsx"; filename*=UTF-8''${encodeURIComponent(`基层负担监测-${period.from}.xlsx`)}`,
        },
      })
    })
}
