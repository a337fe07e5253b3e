import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { MODELS_DIR, readJsonl, SHARED_DIR, type Example } from '../../train/data'

export const REAL_DIR = path.join(MODELS_DIR, 'data', 'real')
const bit = z.union([z.literal(0), z.literal(1)])

/** A labelled real sentence, by reference into ../shared: never its text. */
export const RealRefSchema = z
  .object({
    file: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    tao: bit,
    burden: bit,
    /** Why a sentence that mentions a burden-like thing is not one (hard negatives). */
    neg: z.enum(['self', 'past', 'equipment', 'reduce', 'narration', 'oneoff', 'regulated', 'routine', 'encourage', 'other']).optional(),
    /** What a burden sentence demands, and the words that demand it. */
    kind: z.string().optional(),
    wordsStart: z.number().int().nonnegative().optional(),
    wordsEnd: z.number().int().positive().optional(),
  })
  .strict()
export type RealRef = z.infer<typeof RealRefSchema>

export type RealExample = Example & RealRef

/** Loads one split and resolves each reference to its text in ../shared. */
export function loadReal(split: 'train' | 'dev', shared = SHARED_DIR): RealExample[] {
  const file = path.join(REAL_DIR, `${split}.jsonl`)
  if (!fs.existsSync(shared)) throw new Error(`找不到共享语料目录 ${shared}：真实语料只存引用，需要它才能取得原文`)
  const docs = new Map<string, string>()
  return readJsonl(file, RealRefSchema).map((r, i) => {
    let doc = docs.get(r.file)
    if (doc === undefined) docs.set(r.file, (doc = fs.readFileSync(path.join(shared, r.file), 'utf8')))
    const text = doc.slice(r.start, r.end)
    if (!text.trim()) throw new Error(`${file}:${i + 1}: 引用为空 ${r.file} ${r.start}-${r.end}`)
    return { ...r, text, y: [r.tao, r.burden] as [number, number] }
  })
}
