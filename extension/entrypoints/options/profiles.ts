/** The site-profiles editor's text: JSON, checked against the engine's SiteProfileSchema. */
import { z } from 'zod'
import { SiteProfileSchema, type SiteProfile } from '../../../core'

export type ProfilesParse = { ok: true; value: SiteProfile[] } | { ok: false; errors: string[] }

export const formatProfiles = (p: SiteProfile[]) => JSON.stringify(p, null, 2)

export const PROFILE_EXAMPLE = formatProfiles([
  { name: '本单位OA拟稿页', match: 'https://oa.example.gov.cn/*', editor: '#content', title: '#title', docType: '#wz', submit: ['#btnSubmit'], role: 'draft' },
  { name: '本单位OA收文页', match: 'https://oa.example.gov.cn/inbox/*', editor: '#docBody', submit: [], role: 'inbox' },
])

export function parseProfiles(text: string): ProfilesParse {
  if (!text.trim()) return { ok: true, value: [] }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { ok: false, errors: [`不是合法的 JSON：${(e as Error).message}`] }
  }
  if (!Array.isArray(json)) return { ok: false, errors: ['应为数组：[{ "name": …, "match": … }, …]'] }
  const parsed = z.array(SiteProfileSchema).safeParse(json)
  const errors = parsed.success ? [] : parsed.error.issues.map(describe)
  json.forEach((p: Partial<Record<keyof SiteProfile, unknown>>, i) => {
    if (typeof p?.match === 'string' && !isUrlPattern(p.match)) errors.push(`第 ${i + 1} 项 match：「${p.match}」应形如 https://oa.example.gov.cn/*（* 为通配符）`)
    const selectors: Array<[string, unknown]> = [['editor', p?.editor], ['title', p?.title], ['docType', p?.docType], ...(Array.isArray(p?.submit) ? p.submit.map((sel, j): [string, unknown] => [`submit.${j}`, sel]) : [])]
    for (const [field, sel] of selectors) if (typeof sel === 'string' && !isSelector(sel)) errors.push(`第 ${i + 1} 项 ${field}：「${sel}」不是合法的 CSS 选择器`)
  })
  return parsed.success && errors.length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors }
}

/** 第 2 项 submit.0：… — the path a drafter can find in the text. */
function describe(issue: z.core.$ZodIssue): string {
  const [index, ...rest] = issue.path
  const where = typeof index === 'number' ? `第 ${index + 1} 项${rest.length ? ` ${rest.join('.')}` : ''}` : '(根)'
  return `${where}：${issue.message}`
}

/** The content script matches globs (lib/page/profile.ts), ports included: http://localhost:*\/oa/*. */
const isUrlPattern = (m: string) => m === '<all_urls>' || /^(\*|https?|file):\/\/[^/]*(\/.*)?$/.test(m)

function isSelector(sel: string): boolean {
  try {
    document.createDocumentFragment().querySelector(sel)
    return true
  } catch {
    return false
  }
}
