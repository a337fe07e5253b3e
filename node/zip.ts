/**
 * Just enough of ZIP to read a .docx without trusting it: the central directory is parsed with
 * bounds checks, entries are inflated as a stream that stops at a byte cap (declared sizes can
 * lie), and sizes and CRC are checked at the end. No ZIP64, no encryption, no multi-disk: a
 * document under the size limit never needs them.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createInflateRaw, crc32 } from 'node:zlib'
import { DocumentReadError } from './document-error'

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const ZIP64_LOCATOR = 0x07064b50
const CHUNK = 64 * 1024
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`

const damaged = (why: string) => new DocumentReadError(`文件已损坏或不完整（${why}），不是可读取的 .docx`)

/** The entries listed in the central directory; refuses archives with more than `maxEntries`. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i
      break
    }
  }
  if (end < 0) throw damaged('找不到 ZIP 目录，文件可能被截断')
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) throw new DocumentReadError('不支持 ZIP64 格式的压缩包')
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) throw new DocumentReadError('不支持分卷压缩包')
  const count = view.getUint16(end + 10, true)
  const dirSize = view.getUint32(end + 12, true)
  const dirOffset = view.getUint32(end + 16, true)
  if (count > maxEntries) throw new DocumentReadError(`压缩包内文件过多（${count} 个，上限 ${maxEntries} 个），已拒绝读取`)
  if (dirOffset + dirSize > end || count * 46 > dirSize) throw damaged('ZIP 目录越界')

  const entries: ZipEntry[] = []
  let p = dirOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > dirOffset + dirSize || view.getUint32(p, true) !== CENTRAL) throw damaged('ZIP 目录项无效')
    const nameLen = view.getUint16(p + 28, true)
    const next = p + 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
    if (next > dirOffset + dirSize) throw damaged('ZIP 目录项越界')
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLen).toString('utf8'),
    })
    p = next
  }
  return entries
}

/** Where an entry's compressed bytes are, checked against the file's bounds. */
function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (e.localOffset + 30 > bytes.byteLength || view.getUint32(e.localOffset, true) !== LOCAL) throw damaged(`${e.name} 的文件头无效`)
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true)
  if (start + e.compressedSize > bytes.byteLength) throw damaged(`${e.name} 的数据被截断`)
  return bytes.subarray(start, start + e.compressedSize)
}

function* slices(data: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < data.byteLength; i += CHUNK) yield data.subarray(i, i + CHUNK)
}

/**
 * Streams one entry's content to `onChunk`, stopping with an error as soon as more than
 * `maxBytes` come out, whatever the directory declared. Memory stays at a few chunks.
 */
export async function inflateEntry(bytes: Uint8Array, e: ZipEntry, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const tooBig = () => new DocumentReadError(`压缩包内 ${e.name} 解压后超过 ${mb(maxBytes)}（疑似压缩炸弹），已拒绝读取`)
  if (e.flags & 1) throw new DocumentReadError('文档已加密，无法读取；请另存为未加密的 .docx')
  if (e.method !== 0 && e.method !== 8) throw new DocumentReadError(`${e.name} 使用了不支持的压缩方式（${e.method}）`)
  if (e.size > maxBytes) throw tooBig()
  const data = entryData(bytes, e)
  let total = 0
  let crc = 0
  // The first error from a cap or from onChunk; the stream teardown may report another.
  let stopped: unknown = null
  const take = (chunk: Uint8Array) => {
    try {
      total += chunk.byteLength
      if (total > maxBytes) throw tooBig()
      crc = crc32(chunk, crc)
      onChunk(chunk)
    } catch (err) {
      stopped ??= err
      throw err
    }
  }
  if (e.method === 0) for (const s of slices(data)) take(s)
  else {
    try {
      await pipeline(Readable.from(slices(data)), createInflateRaw({ chunkSize: CHUNK }), async (out: AsyncIterable<Buffer>) => {
        for await (const chunk of out) take(chunk)
      })
    } catch (err) {
      if (stopped) throw stopped
      if (String((err as { code?: unknown }).code).startsWith('Z_')) throw damaged(`${e.name} 的压缩数据无法解开`)
      throw err
    }
  }
  if (total !== e.size || crc !== e.crc) throw damaged(`${e.name} 的大小或校验和不符`)
}
