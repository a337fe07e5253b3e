import type { CompiledRuleSet } from './rules/compile'
import type { Sentence } from './text/segment'

export interface DocTypeInfo {
  docType: string
  source: 'option' | 'title' | 'content' | 'default'
  special: boolean
  /** Index of the sentence that is the title, when the text opens with one. */
  titleSentence: number | null
  title?: string
}

const MAX_TITLE_CHARS = 80
const SPEECH_OPENING = /^(同志们|各位(代表|委员|领导|同志))[：:，,]/u
const TITLE_LEAD = /^关于/u
const FALLBACK = '其他'

/**
 * The 文种 comes from, in order: the caller (form field, --type), the title (given or the first
 * line), the opening words of the body (同志们：→ 讲话), else 其他.
 */
export function detectDocType(
  c: CompiledRuleSet,
  sentences: Sentence[],
  opts: { docType?: string; title?: string; special?: boolean },
): DocTypeInfo {
  const first = sentences[0]
  const firstIsTitle =
    first !== undefined &&
    !opts.title &&
    first.heading === false &&
    first.text.length <= MAX_TITLE_CHARS &&
    !/[。！？；]$/u.test(first.text) &&
    sentences.length > 1 &&
    (TITLE_LEAD.test(first.text) || matchType(c, first.text) !== null) &&
    sentences[1]!.paragraph !== first.paragraph
  const title = opts.title ?? (firstIsTitle ? first!.text : undefined)
  const special = opts.special ?? (title ? c.special.test(title) : false)
  const base = { special, titleSentence: firstIsTitle ? 0 : null, title }

  if (opts.docType) return { ...base, docType: opts.docType, source: 'option' }
  const fromTitle = title ? matchType(c, title) : null
  if (fromTitle) return { ...base, docType: fromTitle, source: 'title' }
  const opening = sentences[firstIsTitle ? 1 : 0]?.text ?? ''
  if (SPEECH_OPENING.test(opening)) return { ...base, docType: '讲话', source: 'content' }
  return { ...base, docType: FALLBACK, source: 'default' }
}

function matchType(c: CompiledRuleSet, title: string): string | null {
  for (const t of c.docTypes) if (t.patterns.some((p) => p.test(title))) return t.name
  return null
}

export function isInformal(c: CompiledRuleSet, docType: string): boolean {
  return c.docTypes.some((t) => t.name === docType && t.informal)
}
