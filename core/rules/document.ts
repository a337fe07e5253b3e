import type { Rule, RuleKind } from '../schema/ruleset'
import type { CompiledRuleSet, CompiledRule } from './compile'
import { findingKey, type RawFinding } from './finding'
import type { Sentence } from '../text/segment'
import { charTotal, countChars, offsetBeyond } from '../text/count'
import { coverage, type Coverage, type FingerprintIndex } from '../copy/fingerprint'
import { isInformal, type DocTypeInfo } from '../doctype'

/** What whole-document rules see. */
export interface DocContext {
  text: string
  sentences: Sentence[]
  /** Body sentences: the title excluded. */
  body: Sentence[]
  doc: DocTypeInfo
  chars: number
  /** 字数 that count toward the cap: name lists, glossaries and attachments left out. */
  countable: number
  cap: number | null
  capLabel: string
  superior: FingerprintIndex | null
  /** Copy coverage cache, by sentence text. */
  copyCache: Map<string, Coverage>
}

export interface DocResult {
  findings: RawFinding[]
  overCap: boolean
  disguised: boolean
  frame: boolean
  copiedShare: number | null
}

/** Signature, date, attachment and contact lines at the end of a document are not its closing. */
const TAIL_LINE =
  /^(附件|抄送|抄报|联系人|联系电话|主送|印发|（此件|\(此件|[^。，]{2,30}(人民政府|办公室|办公厅|委员会|局|厅|部|中心|小组|党委|党组|街道|镇|乡|公司|所)$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$)/u

/** The 主送 line (各乡镇、县直有关单位：) opens many documents but is not their opening text. */
export const SALUTATION = /^[^。！？；]{2,80}[：:]$/u


function base(rule: Rule, start: number, end: number, sentence: number, keyText: string, rel = 0): RawFinding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    start,
    end,
    message: rule.message,
    suggestion: rule.suggestion,
    weight: rule.weight,
    origin: 'rule',
    sentence,
    key: findingKey(rule.id, keyText, rel),
    tier: rule.tier,
  }
}

function frame(c: CompiledRule, ctx: DocContext, out: DocResult) {
  if (c.rule.kind !== 'frame') return
  const body = ctx.body
  let window: Sentence[]
  if (c.rule.position === 'opening') window = body.filter((s) => !SALUTATION.test(s.text)).slice(0, c.rule.window)
  else {
    let end = body.length
    while (end > 0 && TAIL_LINE.test(body[end - 1]!.text)) end--
    window = body.slice(Math.max(0, end - c.rule.window), end)
  }
  for (const s of window) {
    for (const re of c.patterns!) {
      const m = re.exec(s.text)
      if (!m) continue
      const [a, b] = m.indices?.groups?.m ?? m.indices![0]!
      if (b <= a) continue
      out.findings.push({ ...base(c.rule, s.start + a, s.start + b, s.index, s.text, a), message: `「${s.text.slice(a, b)}」：${c.rule.message}` })
      out.frame = true
      return
    }
  }
}

function lengthCap(c: CompiledRule, ctx: DocContext, out: DocResult) {
  if (ctx.cap === null || ctx.countable <= ctx.cap) return
  const from = offsetBeyond(ctx.text, ctx.cap + (ctx.chars - ctx.countable))
  const last = ctx.sentences[ctx.sentences.length - 1]!
  const start = Math.max(0, Math.min(from, last.start))
  out.overCap = true
  const over = ctx.countable - ctx.cap
  const left = ctx.chars - ctx.countable
  const note = left > 0 ? `（不计名单、名词解释和附件${left}字）` : ''
  out.findings.push({
    ...base(c.rule, start, last.end, -1, `${ctx.doc.docType}`),
    message: `全文约${ctx.countable}字${note}，超过${ctx.doc.docType}篇幅上限${ctx.cap}字（${ctx.capLabel}）${over}字。${c.rule.message}`,
    // Any overrun costs half the dimension; more overrun costs more, never quite all of it.
    share: 0.5 + 0.5 * (1 - Math.exp((-2 * over) / ctx.cap)),
  })
}

function sentenceLength(c: CompiledRule, ctx: DocContext, out: DocResult) {
  if (c.rule.kind !== 'sentence-length') return
  for (const s of ctx.body) {
    const n = charTotal(countChars(s.text))
    if (n > c.rule.maxChars)
      out.findings.push({ ...base(c.rule, s.start, s.end, s.index, s.text), message: `本句${n}字，超过${c.rule.maxChars}字。${c.rule.message}` })
  }
}

const PUNCT_OR_SPACE = /[\s\p{P}]/gu

function repetition(c: CompiledRule, ctx: DocContext, out: DocResult) {
  const rule = c.rule
  if (rule.kind !== 'repetition') return
  if (rule.mode === 'sentence') {
    const seen = new Map<string, number>()
    for (const s of ctx.body) {
      const norm = s.text.replace(PUNCT_OR_SPACE, '')
      if (norm.length < rule.minChars || s.heading) continue
      const n = (seen.get(norm) ?? 0) + 1
      seen.set(norm, n)
      if (n >= rule.minCount) out.findings.push({ ...base(rule, s.start, s.end, s.index, s.text), message: `本句与前文重复（第${n}次出现）。${rule.message}` })
    }
    return
  }
  // A phrase is piled up when it is both frequent and dense: six 进一步 in a 30,000-字 report is
  // ordinary, six in a one-page notice is not. One mark, where the pile reaches its threshold.
  const phrases = rule.phrases ?? []
  const thousands = Math.max(1, ctx.chars / 1000)
  for (const p of phrases) {
    const places: Array<{ s: Sentence; i: number }> = []
    for (const s of ctx.body) for (let i = s.text.indexOf(p); i >= 0; i = s.text.indexOf(p, i + p.length)) places.push({ s, i })
    const density = places.length / thousands
    if (places.length < rule.minCount || (rule.perThousand !== undefined && density < rule.perThousand)) continue
    const { s, i } = places[rule.minCount - 1]!
    out.findings.push({
      ...base(rule, s.start + i, s.start + i + p.length, s.index, s.text, i),
      message: `「${p}」全文用了${places.length}次（每千字${density.toFixed(1)}次）。${rule.message}`,
    })
  }
}

function disguise(c: CompiledRule, ctx: DocContext, out: DocResult, compiled: CompiledRuleSet) {
  const rule = c.rule
  if (rule.kind !== 'disguise') return
  const informal = rule.informalTypes.includes(ctx.doc.docType) || isInformal(compiled, ctx.doc.docType)
  if (!informal) return
  const signals = rule.signals.map((s, i) => ({ name: s.name, re: c.patterns![i]! }))
  const kinds = new Set<string>()
  let count = 0
  for (const s of ctx.body) {
    const hit = signals.filter((sig) => sig.re.test(s.text))
    if (hit.length === 0) continue
    count++
    for (const h of hit) kinds.add(h.name)
  }
  if (count < rule.minSignals || kinds.size < rule.minKinds) return
  const anchor = ctx.doc.titleSentence !== null ? ctx.sentences[ctx.doc.titleSentence]! : ctx.body[0]
  if (!anchor) return
  out.disguised = true
  out.findings.push({
    ...base(rule, anchor.start, anchor.end, anchor.index, ctx.doc.docType),
    message: `以「${ctx.doc.docType}」形式部署工作：${count}处向下级布置任务、设定时限或要求报送（${[...kinds].join('、')}）。${rule.message}`,
  })
}

function copy(c: CompiledRule, ctx: DocContext, out: DocResult) {
  const rule = c.rule
  if (rule.kind !== 'copy' || !ctx.superior) return
  let total = 0
  let covered = 0
  const spans: Array<{ s: Sentence; a: number; b: number }> = []
  for (const s of ctx.body) {
    let cov = ctx.copyCache.get(s.text)
    if (!cov) {
      cov = coverage(s.text, 0, s.text.length, ctx.superior)
      ctx.copyCache.set(s.text, cov)
    }
    total += cov.total
    for (const run of cov.runs) {
      // Short shared runs are common phrasing, not copying.
      if (run.size < rule.minSpanChars) continue
      covered += run.size
      spans.push({ s, a: run.start, b: run.end })
    }
  }
  const share = total === 0 ? 0 : Math.min(1, covered / total)
  out.copiedShare = share
  const pct = Math.round(share * 100)
  for (const { s, a, b } of spans)
    out.findings.push({
      ...base(rule, s.start + a, s.start + b, s.index, s.text, a),
      severity: 'info',
      message: `与上级文件（${ctx.superior.sources.join('、')}）雷同。${rule.message}`,
      share: b - a,
    })
  if (share > rule.maxShare) {
    const anchor = ctx.doc.titleSentence !== null ? ctx.sentences[ctx.doc.titleSentence]! : ctx.body[0]!
    out.findings.push({
      ...base(rule, anchor.start, anchor.end, anchor.index, 'copy-share'),
      message: `全文约${pct}%的内容与上级文件相同，超过${Math.round(rule.maxShare * 100)}%，新内容不足${100 - Math.round(rule.maxShare * 100)}%。${rule.message}`,
      share: 0,
    })
  }
}

type DocumentRule = (c: CompiledRule, ctx: DocContext, out: DocResult, compiled: CompiledRuleSet) => void

/** Whole-document rule kinds; phrase and regex rules run per sentence in sentence.ts. */
const DOCUMENT_RULES: Partial<Record<RuleKind, DocumentRule>> = {
  frame,
  'length-cap': lengthCap,
  'sentence-length': sentenceLength,
  repetition,
  disguise,
  copy,
}

export function runDocumentRules(compiled: CompiledRuleSet, ctx: DocContext): DocResult {
  const out: DocResult = { findings: [], overCap: false, disguised: false, frame: false, copiedShare: ctx.superior ? 0 : null }
  for (const c of compiled.rules) {
    if (c.rule.docTypes?.length && !c.rule.docTypes.includes(ctx.doc.docType)) continue
    DOCUMENT_RULES[c.rule.kind]?.(c, ctx, out, compiled)
  }
  return out
}
