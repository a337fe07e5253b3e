import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'

export const MODELS_DIR = resolve(import.meta.dirname, '..')
export const TRAIN_DIR = join(MODELS_DIR, 'data', 'train')
export const DEV_FILE = join(MODELS_DIR, 'data', 'dev', 'dev.jsonl')
/** The shared corpus sits beside the repository; dev references point into it. */
export const SHARED_DIR = resolve(MODELS_DIR, '..', '..', 'shared')

const bit = z.union([z.literal(0), z.literal(1)])
export const TrainLineSchema = z.object({ text: z.string().min(1), tao: bit, burden: bit }).passthrough()
export const DevRefSchema = z.object({ file: z.string(), start: z.number().int().nonnegative(), end: z.number().int().positive(), tao: bit, burden: bit }).strict()

export interface Example {
  text: string
  y: [number, number]
}

/** One schema-checked object per line; an error names the file and line. */
export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l, i) => [l.trim(), i] as const)
    .filter(([l]) => l)
    .map(([l, i]) => {
      const r = schema.safeParse(JSON.parse(l))
      if (!r.success) throw new Error(`${path}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`)
      return r.data
    })
}

/** All training sentences, de-duplicated by text (first label wins), in file order. */
export function loadTrain(dir = TRAIN_DIR): Example[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
  const seen = new Set<string>()
  const out: Example[] = []
  for (const f of files)
    for (const l of readJsonl(join(dir, f), TrainLineSchema)) {
      const text = l.text.trim()
      if (seen.has(text)) continue
      seen.add(text)
      out.push({ text, y: [l.tao, l.burden] })
    }
  return out
}

export type DevExample = Example & { file: string; start: number }

/** The dev-evaluation set: references into ../shared resolved to text at run time, never stored. */
export function loadDev(file = DEV_FILE, shared = SHARED_DIR): DevExample[] {
  if (!existsSync(file)) throw new Error(`找不到评测集 ${file}`)
  if (!existsSync(shared)) throw new Error(`找不到共享语料目录 ${shared}：评测集只存引用，需要它才能取得原文`)
  const cache = new Map<string, string>()
  return readJsonl(file, DevRefSchema).map((r) => {
    let doc = cache.get(r.file)
    if (doc === undefined) cache.set(r.file, (doc = readFileSync(join(shared, r.file), 'utf8')))
    const text = doc.slice(r.start, r.end)
    if (!text.trim()) throw new Error(`评测引用为空：${r.file} ${r.start}-${r.end}`)
    return { text, y: [r.tao, r.burden], file: r.file, start: r.start }
  })
}
