import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { ReportSchema, formatZodError } from '../../core'
import type { AppEnv } from '../lib/auth'
import { scopeUnit, type Deps } from '../lib/deps'
import { ApiError, invalid } from '../lib/errors'
import { isMultipart, readUpload } from '../lib/upload'
import { jsonBody } from '../lib/validate'

const MAX_CHARS = 200_000
const Options = z.object({
  title: z.string().max(200).optional(),
  docType: z.string().min(1).max(20).optional(),
  unit: z.string().min(1).max(100).optional(),
  special: z.boolean().optional(),
})
const AnalyzeBody = Options.extend({ text: z.string().min(1, '文本不能为空').max(MAX_CHARS, `文本过长（上限 ${MAX_CHARS} 字）`) }).strict()
const FormOptions = Options.extend({ special: z.enum(['true', 'false']).transform((v) => v === 'true').optional() })

export function analyzeRoutes({ auth, published }: Deps) {
  return (
    new Hono<AppEnv>()
      // Scores a document with the same engine, rules, superior documents and model the extension uses.
      .post('/analyze', auth.role('reviewer'), bodyLimit({ maxSize: 25 * 1024 * 1024 }), async (c) => {
        let input: z.infer<typeof AnalyzeBody>
        if (isMultipart(c)) {
          const up = await readUpload(c)
          const opts = FormOptions.safeParse(Object.fromEntries(Object.entries(up.fields).filter(([, v]) => v !== '')))
          if (!opts.success) throw invalid(opts.error)
          if (up.text.length > MAX_CHARS) throw new ApiError(422, 'document_too_long', `文档过长（${up.text.length} 字，上限 ${MAX_CHARS} 字）`)
          input = { ...opts.data, text: up.text }
        } else input = await jsonBody(c, AnalyzeBody)
        const analyzer = await published.analyzer(scopeUnit(c.get('principal'), input.unit))
        const report = await analyzer.analyze(input.text, { title: input.title, docType: input.docType, special: input.special })
        const checked = ReportSchema.safeParse(report)
        if (!checked.success) throw new ApiError(500, 'invalid_report', '分析结果不符合报告格式', formatZodError(checked.error))
        return c.json(checked.data)
      })
      // Text of an uploaded .docx/.txt, so the dashboard can show the marked-up document.
      .post('/extract', auth.role('reviewer'), bodyLimit({ maxSize: 25 * 1024 * 1024 }), async (c) => {
        if (!isMultipart(c)) throw new ApiError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件')
        const up = await readUpload(c)
        return c.json({ name: up.name, format: up.format, encoding: up.encoding ?? null, text: up.text })
      })
  )
}
