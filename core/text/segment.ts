/**
 * Paragraph and sentence segmentation with exact UTF-16 offsets into the original string,
 * so that every finding can be mapped back to a range in the host editor.
 */

export interface Paragraph {
  index: number
  start: number
  end: number
}

export interface Sentence {
  index: number
  paragraph: number
  start: number
  end: number
  text: string
  /** 一、 （一） 1. 第X章 … headings, standing alone or run in before the first 。 */
  heading: boolean
}

export interface Segmentation {
  paragraphs: Paragraph[]
  sentences: Sentence[]
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g
const SPACE = /[\s\u3000\u00a0\ufeff]/
/** Ends a sentence. A run of … (……) counts as one end mark. */
const END_MARKS = new Set(['。', '！', '？', '!', '?', '；', ';', '…'])
/** Closing marks that belong to the sentence they follow: 。” stays together. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '"', "'"])
/** 一是 二要 三方面 … 十是: an enumeration starts a new sentence after ，；： */
const ENUMERATOR = /^(?:[一二三四五六七八九十]{1,2}[是要]|第[一二三四五六七八九十]{1,2}[，,、])/
const CLAUSE_BREAK = new Set(['，', ',', '；', ';', '：', ':'])
const HEADING_START =
  /^(?:[一二三四五六七八九十百]{1,3}、|[（(][一二三四五六七八九十百]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十百\d]{1,3}[章节条部分]|[①②③④⑤⑥⑦⑧⑨⑩])/
const MAX_HEADING_CHARS = 40

const isSpace = (ch: string) => SPACE.test(ch)

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text[start]!)) start++
  while (end > start && isSpace(text[end - 1]!)) end--
  return [start, end]
}

/** True when the span holds at least one letter, digit or hanzi (not only punctuation). */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x3400) {
      if (c >= 0x3000 && c <= 0x303f) continue
      if (c >= 0xff00 && c <= 0xff0f) continue
      if (c >= 0xff1a && c <= 0xff20) continue
      if (c === 0x2026 || c === 0x201c || c === 0x201d) continue
      return true
    }
  }
  return false
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = []
  let lineStart = 0
  const push = (s: number, e: number) => {
    const [a, b] = trimSpan(text, s, e)
    if (b > a) out.push({ index: out.length, start: a, end: b })
  }
  for (const m of text.matchAll(LINE_BREAK)) {
    push(lineStart, m.index)
    lineStart = m.index + m[0].length
  }
  push(lineStart, text.length)
  return out
}

/** Sentence spans inside one paragraph. */
function splitParagraph(text: string, p: Paragraph): Array<[number, number, boolean]> {
  const spans: Array<[number, number, boolean]> = []
  const paraText = text.slice(p.start, p.end)
  const headingMatch = HEADING_START.exec(paraText)
  let pieceStart = p.start
  let first = true

  const emit = (s: number, e: number, wholeParagraph = false) => {
    const [a, b] = trimSpan(text, s, e)
    if (b <= a || !hasContent(text, a, b)) return
    // A paragraph that opens with a marker and has no end mark is a heading whatever its length.
    const isHeading = first && headingMatch !== null && (b - a <= MAX_HEADING_CHARS || wholeParagraph)
    spans.push([a, b, isHeading])
    first = false
  }

  let i = p.start
  while (i < p.end) {
    const ch = text[i]!
    if (END_MARKS.has(ch)) {
      let j = i + 1
      while (j < p.end && (text[j] === ch || (ch === '…' && text[j] === '…') || END_MARKS.has(text[j]!))) j++
      while (j < p.end && CLOSERS.has(text[j]!)) j++
      emit(pieceStart, j)
      pieceStart = j
      i = j
      continue
    }
    if (CLAUSE_BREAK.has(ch) && i + 1 < p.end) {
      let j = i + 1
      while (j < p.end && isSpace(text[j]!)) j++
      if (ENUMERATOR.test(text.slice(j, j + 4)) && hasContent(text, pieceStart, i)) {
        emit(pieceStart, i + 1)
        pieceStart = j
        i = j
        continue
      }
    }
    // A run-in heading such as "（一）加强组织领导 各单位要…" separated by spaces.
    if (first && headingMatch && isSpace(ch) && i - pieceStart <= MAX_HEADING_CHARS && i - pieceStart > headingMatch[0].length) {
      let j = i
      while (j < p.end && isSpace(text[j]!)) j++
      if (j < p.end) {
        emit(pieceStart, i)
        pieceStart = j
        i = j
        continue
      }
    }
    i++
  }
  emit(pieceStart, p.end, pieceStart === p.start)
  return spans
}

export function segment(text: string): Segmentation {
  const paragraphs = splitParagraphs(text)
  const sentences: Sentence[] = []
  for (const p of paragraphs) {
    for (const [start, end, heading] of splitParagraph(text, p)) {
      sentences.push({ index: sentences.length, paragraph: p.index, start, end, text: text.slice(start, end), heading })
    }
  }
  return { paragraphs, sentences }
}
