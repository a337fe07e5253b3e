/**
 * The receiving side's calls to the service (docs/receiving.md): the pre-filing impact, what the
 * service knows of a received document, 逆向评估 and 直报. Each answer is checked for shape; each
 * failure becomes a Chinese message the page can show as it is.
 */
import { z } from 'zod'
import { DirectReportInputSchema, DocHashSchema, FiledBurdenSchema, PressureCodeSchema, RatingInputSchema, UnitLevelSchema, type Impact } from '../../../core'
import type { Handlers, ReceivedInfo, ServiceFailure } from '../messages'
import { ServiceError, type ServiceClient } from './service'

/** The drafter is at the submit button: past this, the filing check goes on without the impact. */
export const IMPACT_TIMEOUT_MS = 2000

const Pressure = z.object({ index: z.number(), code: PressureCodeSchema })
const ImpactSchema = z.object({
  period: z.object({ kind: z.enum(['week', 'month']), from: z.string(), to: z.string() }),
  recipients: z.array(z.object({ unit: z.string(), level: UnitLevelSchema, before: Pressure, after: Pressure })),
  unresolved: z.array(z.string()).default([]),
  added: z.record(z.string(), z.number()).default({}),
  line: z.string(),
})

const ReceivedSchema = z.object({
  known: z.boolean(),
  issuer: z.string().nullable().default(null),
  docType: z.string().nullable().default(null),
  filedAt: z.string().nullable().default(null),
  /** How many units the document reached (a count: a recipient does not learn who else got it). */
  recipients: z.number().int().nullable().default(null),
  isRecipient: z.boolean().nullable().default(null),
  mine: z
    .object({ effect: RatingInputSchema.shape.effect, burden: RatingInputSchema.shape.burden, mergeable: z.boolean(), unnecessary: z.boolean(), heaviest: z.unknown(), at: z.string() })
    .partial()
    .nullable()
    .default(null),
})

const FALLBACK: Record<number, string> = {
  400: '提交的内容不合要求',
  401: '令牌无效或已停用，请在选项页检查令牌',
  403: '无权执行此操作',
  404: '服务不支持此功能（请升级办文服务）',
  413: '提交的内容过长',
  429: '请求过于频繁，请稍后再试',
}

/** The service's own message (Chinese, docs/api.md) when it sent one; ours otherwise. */
export function failure(e: unknown): ServiceFailure {
  if (!(e instanceof ServiceError)) return { error: `办文服务的答复无法识别（${(e as Error)?.message ?? e}）`, status: -1 }
  if (e.status === 0) return { error: '无法连接办文服务，请稍后再试', status: 0 }
  const own = e.message && !/^服务返回 \d+$/.test(e.message) ? e.message : null
  return { error: own ?? FALLBACK[e.status] ?? (e.status >= 500 ? '办文服务出错，请稍后再试' : `服务返回 ${e.status}`), status: e.status }
}

const NOT_CONFIGURED: ServiceFailure = { error: '未设置办文服务地址（在扩展选项页设置）', status: 0 }
const refused = (what: string, issues: z.core.$ZodIssue[]): ServiceFailure => ({ error: `${what}不合约定：${issues.map((i) => `${i.path.join('.') || '(根)'} ${i.message}`).join('；')}`, status: 400 })

type ReceivingHandlers = Required<Pick<Handlers, 'monitor:impact' | 'received:get' | 'rating:send' | 'direct-report:send'>>

/** `client` resolves to null when no service is set. */
export function receivingHandlers(client: () => Promise<ServiceClient | null>): ReceivingHandlers {
  async function attempt<T>(call: (c: ServiceClient) => Promise<T>): Promise<T | ServiceFailure> {
    const c = await client()
    if (!c) return NOT_CONFIGURED
    try {
      return await call(c)
    } catch (e) {
      return failure(e)
    }
  }

  return {
    'monitor:impact': async (m) => {
      const burden = FiledBurdenSchema.safeParse(m.burden)
      if (!burden.success) return refused('负担概况', burden.error.issues)
      return attempt(async (c) => {
        const impact = ImpactSchema.safeParse(await c.impact(burden.data, IMPACT_TIMEOUT_MS))
        if (!impact.success) throw new Error('发出后影响的格式不对')
        return { impact: impact.data as Impact }
      })
    },
    'received:get': async (m) => {
      if (!DocHashSchema.safeParse(m.docHash).success) return { error: '文件指纹格式不对', status: 400 }
      return attempt(async (c) => {
        const got = ReceivedSchema.safeParse(await c.received(m.docHash))
        if (!got.success) throw new Error('收文信息的格式不对')
        return { received: got.data as ReceivedInfo }
      })
    },
    'rating:send': async (m) => {
      const rating = RatingInputSchema.safeParse(m.rating)
      if (!rating.success) return refused('评估', rating.error.issues)
      return attempt(async (c) => {
        await c.rate(rating.data)
        return { ok: true as const }
      })
    },
    'direct-report:send': async (m) => {
      const report = DirectReportInputSchema.safeParse(m.report)
      if (!report.success) return refused('直报', report.error.issues)
      return attempt(async (c) => {
        const res = (await c.directReport(report.data)) as { id?: unknown }
        return { id: String(res?.id ?? '') }
      })
    },
  }
}
