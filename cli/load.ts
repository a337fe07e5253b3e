import { constants } from 'node:fs'
import { open, stat, type FileHandle } from 'node:fs/promises'
import { createAnalyzer, fingerprint, formatZodError, RuleSetSchema, type Analyzer, type RuleSet, type SentenceClassifier } from '../core'
import { readDocument, DocumentReadError, MAX_DOCUMENT_BYTES, tooLarge } from '../node/read-document'
import { lazyNodeClassifier, loadNodeClassifier } from '../models/runtime/node'
import { fsReason, jsonReason, specialKind, UsageError } from './errors'

export async function readInput(path: string): Promise<{ text: string; note?: string }> {
  const name = path === '-' ? '标准输入' : path
  const bytes = path === '-' ? await readStdin() : await readRegularFile(path)
  try {
    const { text, encoding } = await readDocument(bytes, path)
    if (text.trim() === '') throw new UsageError(`${name}：文本为空，没有可检查的内容`)
    return { text, note: encoding === 'gb18030' ? '已按 GBK/GB18030 编码读取' : undefined }
  } catch (e) {
    if (e instanceof DocumentReadError) throw new UsageError(`${name}：${e.message}`)
    throw e
  }
}

/**
 * Reads a regular file only. Opened non-blocking and checked on the open descriptor, so a FIFO
 * (whose open would wait for a writer) or a device is refused at once, even if it replaced a
 * file after a folder listing; the size is checked before a byte is read.
 */
async function readRegularFile(path: string): Promise<Uint8Array> {
  let file: FileHandle | undefined
  try {
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    const st = await file.stat()
    if (!st.isFile()) throw new UsageError(`无法读取 ${path}：${st.isDirectory() ? '这是文件夹' : (specialKind(st) ?? '不是普通文件')}，这里只能用普通文件`)
    if (st.size > MAX_DOCUMENT_BYTES) throw new UsageError(`无法读取 ${path}：${tooLarge(st.size)}`)
    return await file.readFile()
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`无法读取 ${path}：${fsReason(e)}`)
  } finally {
    await file?.close()
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of process.stdin) {
    size += (c as Buffer).length
    if (size > MAX_DOCUMENT_BYTES) throw new UsageError(`标准输入：${tooLarge(size)}`)
    chunks.push(c as Buffer)
  }
  return Buffer.concat(chunks)
}

export async function loadRuleSet(path: string | undefined): Promise<RuleSet | undefined> {
  if (!path) return undefined
  const raw = new TextDecoder().decode(await readRegularFile(path))
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    throw new UsageError(`规则文件 ${path} 不是合法 JSON（${jsonReason(e, raw)}）`)
  }
  const parsed = RuleSetSchema.safeParse(json)
  if (!parsed.success) throw new UsageError(`规则文件 ${path} 格式错误：\n${formatZodError(parsed.error).map((l) => '  ' + l).join('\n')}`)
  return parsed.data
}

export interface AnalyzerSetup {
  rules?: string
  superior: string[]
  capPreset?: string
  model: boolean
  /** 严格模式: report the picky tier too (never scored). */
  strict?: boolean
}

export async function buildAnalyzer(o: AnalyzerSetup): Promise<Analyzer> {
  const ruleSet = await loadRuleSet(o.rules)
  const superior = []
  for (const path of o.superior) {
    const { text } = await readInput(path)
    superior.push(fingerprint(text, { id: path, title: path.split('/').pop() }))
  }
  const classifier = o.model ? lazyModel() : null
  try {
    // The report itself says whether the model ran (Report.classifier.note).
    return createAnalyzer({ ruleSet, superior, classifier, capPreset: o.capPreset, strict: o.strict })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

/** The committed model, loaded when a document first needs it; a broken config is a Chinese error. */
function lazyModel(): SentenceClassifier | null {
  try {
    return lazyNodeClassifier()
  } catch (e) {
    if (process.env.BANWEN_DEBUG === '1') console.error(e)
    throw new UsageError('无法加载模型 models/banwen-zh（文件可能不完整或已损坏）；可加 --no-model 只按规则检查')
  }
}

/** The committed model, or null when there is none; a broken one is a Chinese error, not a stack. */
export async function loadModel(): Promise<SentenceClassifier | null> {
  try {
    return await loadNodeClassifier()
  } catch (e) {
    if (process.env.BANWEN_DEBUG === '1') console.error(e)
    throw new UsageError('无法加载模型 models/banwen-zh（文件可能不完整或已损坏）；可加 --no-model 只按规则检查')
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
