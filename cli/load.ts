import { readFile, stat } from 'node:fs/promises'
import { createAnalyzer, fingerprint, formatZodError, RuleSetSchema, type Analyzer, type RuleSet } from '../core'
import { readDocument, DocumentReadError } from '../node/read-document'
import { loadNodeClassifier } from '../models/runtime/node'
import { UsageError } from './errors'

export async function readInput(path: string): Promise<{ text: string; note?: string }> {
  let bytes: Uint8Array
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是文件夹' : (e as Error).message
    throw new UsageError(`无法读取 ${path}：${why}`)
  }
  try {
    const { text, encoding } = await readDocument(bytes, path)
    if (text.trim() === '') throw new UsageError(`${path === '-' ? '标准输入' : path}：文本为空，没有可检查的内容`)
    return { text, note: encoding === 'gb18030' ? '已按 GBK/GB18030 编码读取' : undefined }
  } catch (e) {
    if (e instanceof DocumentReadError) throw new UsageError(`${path}：${e.message}`)
    throw e
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

export async function loadRuleSet(path: string | undefined): Promise<RuleSet | undefined> {
  if (!path) return undefined
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (e) {
    throw new UsageError(`规则文件 ${path} 无法读取或不是合法 JSON：${(e as Error).message}`)
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
}

export async function buildAnalyzer(o: AnalyzerSetup): Promise<Analyzer> {
  const ruleSet = await loadRuleSet(o.rules)
  const superior = []
  for (const path of o.superior) {
    const { text } = await readInput(path)
    superior.push(fingerprint(text, { id: path, title: path.split('/').pop() }))
  }
  const classifier = o.model ? await loadNodeClassifier() : null
  try {
    // The report itself says whether the model ran (Report.classifier.note).
    return createAnalyzer({ ruleSet, superior, classifier, capPreset: o.capPreset })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
