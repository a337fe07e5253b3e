/**
 * The text of a .docx: the main document part is inflated as a stream and scanned for the text
 * runs of WordprocessingML (w:t), one line per paragraph. Nothing is built in memory but the text
 * itself, so a zip bomb costs at most the caps below, and no XML library (DOM, entities, DTDs)
 * ever sees hostile input. Replaces mammoth, which inflated every part whole and built a DOM.
 */
import { DocumentReadError } from './document-error'
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip'

/** A Word file has tens to a few thousand parts; past this it is not a document. */
export const MAX_ZIP_ENTRIES = 10_000
/** Inflated size of the main part; a 300-page report is a few MB of XML. */
export const MAX_PART_BYTES = 32 * 1024 * 1024
/** Characters of text taken from a .docx. */
export const MAX_DOCX_CHARS = 3_000_000
const MAX_RELS_BYTES = 1024 * 1024
const MAX_TAG_CHARS = 1024 * 1024

const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'])
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
const OFFICE_DOCUMENT = /\/officeDocument$/
const DEFAULT_MAIN = 'word/document.xml'

/** The WordprocessingML tags the text depends on; every other tag is skipped unread. */
const WORD_TAGS = new Set(['t', 'r', 'p', 'tab', 'br', 'cr', 'noBreakHyphen'])

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e]!
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd'
  })
}

/**
 * A streaming scanner over the main part's XML. Text counts only inside w:t; mc:Choice is
 * skipped so that text boxes with a fallback are read once (as Word's older readers do).
 * In well-formed XML a '<' only ever starts markup, so the scan jumps from '<' to '<' and
 * looks closer only at the few tags that matter: millions of others cost one indexOf each.
 */
export class WordTextScanner {
  private readonly parts: string[] = []
  private chars = 0
  private pending = ''
  private w = 'w:'
  private mc = 'mc:'
  private rootSeen = false
  private inText = false
  private inRun = 0
  private skip = 0

  constructor(private readonly maxChars = MAX_DOCX_CHARS) {}

  write(s: string): void {
    this.pending += s
    this.scan(false)
  }

  /** The text, one line per paragraph. */
  end(): string {
    this.scan(true)
    return this.parts.join('').replace(/\n{2,}/g, '\n')
  }

  private emit(s: string): void {
    if (!s || this.skip > 0) return
    this.chars += s.length
    if (this.chars > this.maxChars) throw new DocumentReadError(`文档文字超过 ${this.maxChars} 字的上限，已拒绝读取`)
    this.parts.push(s)
  }

  private scan(final: boolean): void {
    const s = this.pending
    let i = 0
    while (i < s.length) {
      const lt = s.indexOf('<', i)
      if (lt < 0) {
        if (this.inText) {
          // Keep a possibly split entity (&amp…) for the next chunk.
          const amp = s.lastIndexOf('&')
          const cut = !final && amp >= i && s.length - amp < 12 ? amp : s.length
          this.emit(decodeEntities(s.slice(i, cut)))
          i = cut
        } else i = s.length
        break
      }
      if (this.inText && lt > i) this.emit(decodeEntities(s.slice(i, lt)))
      const next = this.markup(s, lt)
      if (next < 0) {
        i = lt
        break
      }
      i = next
    }
    this.pending = s.slice(i)
    if (this.pending.length > MAX_TAG_CHARS) throw new DocumentReadError('文档正文的 XML 格式错误（标记过长），已拒绝读取')
  }

  /** Handles the markup at `lt`; returns where scanning goes on, or -1 when it is cut off. */
  private markup(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1)
    if (c1 === 33 || c1 === 63) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>, <? ?>: their content may hold '<'.
      if (s.length < lt + 9) return -1
      const [open, close] = s.startsWith('<!--', lt) ? ['<!--', '-->'] : s.startsWith('<![CDATA[', lt) ? ['<![CDATA[', ']]>'] : c1 === 63 ? ['<?', '?>'] : ['<!', '>']
      const end = s.indexOf(close, lt + open.length)
      if (end < 0) return -1
      if (open === '<![CDATA[' && this.inText) this.emit(s.slice(lt + 9, end))
      return end + close.length
    }
    const closing = c1 === 47
    const start = closing ? lt + 2 : lt + 1
    let end = start
    while (end < s.length) {
      const c = s.charCodeAt(end)
      if (c === 47 || c === 62 || c === 32 || c === 9 || c === 10 || c === 13) break
      end++
    }
    if (end >= s.length) return -1
    const w = s.startsWith(this.w, start)
    const name = w ? s.slice(start + this.w.length, end) : ''
    if (this.rootSeen && !(w ? WORD_TAGS.has(name) : s.startsWith(this.mc, start))) return end
    // A tag that matters: read it to its '>' (quote-aware: '>' may sit inside an attribute value).
    let gt = end
    let quote = 0
    for (; gt < s.length; gt++) {
      const c = s.charCodeAt(gt)
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === 34 || c === 39) quote = c
      else if (c === 62) break
    }
    if (gt >= s.length) return -1
    const selfClosing = !closing && s.charCodeAt(gt - 1) === 47
    if (!this.rootSeen && !closing) {
      this.rootSeen = true
      for (const m of s.slice(lt, gt).matchAll(/xmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const uri = m[2] ?? m[3] ?? ''
        if (W_NAMESPACES.has(uri)) this.w = `${m[1]}:`
        else if (uri === MC_NAMESPACE) this.mc = `${m[1]}:`
      }
    }
    if (!w) {
      if (s.startsWith(this.mc, start) && s.slice(start + this.mc.length, end) === 'Choice') {
        if (closing) this.skip = Math.max(0, this.skip - 1)
        else if (!selfClosing) this.skip++
      }
      return gt + 1
    }
    this.tag(name, closing, selfClosing)
    return gt + 1
  }

  private tag(name: string, closing: boolean, selfClosing: boolean): void {
    switch (name) {
      case 't':
        this.inText = !closing && !selfClosing
        return
      case 'r':
        if (!selfClosing) this.inRun = Math.max(0, this.inRun + (closing ? -1 : 1))
        return
      case 'p':
        if (closing || selfClosing) this.emit('\n')
        return
      // Inside a run only: w:tab also names tab stops in paragraph properties.
      case 'tab':
        if (!closing && this.inRun) this.emit('\t')
        return
      case 'br':
      case 'cr':
        if (!closing && this.inRun) this.emit('\n')
        return
      case 'noBreakHyphen':
        if (!closing && this.inRun) this.emit('\u2011')
        return
    }
  }
}

async function inflateToString(bytes: Uint8Array, e: ZipEntry, max: number): Promise<string> {
  const chunks: Uint8Array[] = []
  await inflateEntry(bytes, e, max, (c) => chunks.push(c))
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

/** The part the package relationships name as the main document (word/document.xml in practice). */
async function mainPartName(bytes: Uint8Array, parts: Map<string, ZipEntry>): Promise<string> {
  const rels = parts.get('_rels/.rels')
  if (!rels) return DEFAULT_MAIN
  const xml = await inflateToString(bytes, rels, MAX_RELS_BYTES)
  for (const [tag] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attr = (n: string) => tag.match(new RegExp(`\\b${n}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`))?.slice(1).find((v) => v !== undefined)
    if (!OFFICE_DOCUMENT.test(attr('Type') ?? '')) continue
    return (attr('Target') ?? DEFAULT_MAIN).replace(/^\/+/, '').replace(/^(\.\/)+/, '')
  }
  return DEFAULT_MAIN
}

/** The text of a .docx given as bytes, one line per paragraph, within the caps above. */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  const parts = new Map<string, ZipEntry>()
  for (const e of readZipDirectory(bytes, MAX_ZIP_ENTRIES)) {
    // Readers disagree on which of two same-named parts counts: refuse rather than guess.
    if (parts.has(e.name)) throw new DocumentReadError(`压缩包内有重名的部件（${e.name}），不是有效的 .docx`)
    parts.set(e.name, e)
  }
  const main = parts.get(await mainPartName(bytes, parts))
  if (!main) throw new DocumentReadError('不是 Word 文档：压缩包里没有正文部件（word/document.xml）')
  const scanner = new WordTextScanner()
  let decoder: TextDecoder | null = null
  await inflateEntry(bytes, main, MAX_PART_BYTES, (chunk) => {
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8')
    scanner.write(decoder.decode(chunk, { stream: true }))
  })
  if (decoder) scanner.write((decoder as TextDecoder).decode())
  return scanner.end()
}
