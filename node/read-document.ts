/**
 * Reads an office document into text for the CLI and the service (Node only; the engine never
 * touches files). Handles .docx, .txt/.md in UTF-8 (with or without BOM), UTF-16 with BOM, and
 * GBK/GB18030, which older office machines still write.
 */
import iconv from 'iconv-lite'
import { DocumentReadError } from './document-error'

export { DocumentReadError }

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
export const tooLarge = (bytes: number) => `文件过大（${(bytes / 1048576).toFixed(1)} MB），上限 ${MAX_DOCUMENT_BYTES / 1048576} MB`

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const isZip = (b: Uint8Array) => ZIP_MAGIC.every((x, i) => b[i] === x)

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

/** Decodes bytes whose encoding is not declared: BOM, then strict UTF-8, then GB18030. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    // Not UTF-8. GB18030 is a superset of GBK and GB2312; reject if it still yields replacement marks.
    const text = iconv.decode(Buffer.from(bytes), 'gb18030')
    const bad = (text.match(/\uFFFD/g) ?? []).length
    if (bad > Math.max(2, text.length / 1000)) throw new DocumentReadError('无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030')
    return { text, encoding: 'gb18030' }
  }
}

/** Reads a document from bytes; the name decides the format when the bytes do not. */
export async function readDocument(bytes: Uint8Array, name = ''): Promise<{ text: string; format: 'docx' | 'text'; encoding?: TextEncoding }> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new DocumentReadError(tooLarge(bytes.byteLength))
  const lower = name.toLowerCase()
  if (lower.endsWith('.doc') && !isZip(bytes)) throw new DocumentReadError('不支持旧版 .doc 格式，请另存为 .docx 或 .txt')
  if (lower.endsWith('.docx') || isZip(bytes)) {
    // Loaded only for .docx, so plain text never pays for it.
    const { readDocx } = await import('./docx-text')
    return { text: await readDocx(bytes), format: 'docx' }
  }
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) throw new DocumentReadError('这是二进制文件，不是文本或 .docx 文档')
  const { text, encoding } = decodeText(bytes)
  return { text, format: 'text', encoding }
}
