/**
 * Build step (Node): ships the sentence model and onnxruntime-web's wasm inside the extension,
 * so they load from the extension's own origin, never a CDN. Output layout: models/banwen-zh/**
 * and ort/ort-wasm-simd-threaded.wasm (see lib/background/offscreen-protocol.ts).
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { ortWasmPaths } from '../../models/runtime/ort-files'
import { MODEL_DIR, ORT_DIR } from '../lib/background/offscreen-protocol'

export const MODEL_SRC = resolve(import.meta.dirname, '../../models/banwen-zh')

interface Asset {
  absoluteSrc: string
  relativeDest: string
}

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))

/** The files to copy (BANWEN_MODEL_DIR overrides the folder); without a model the extension runs on rules alone. */
export function modelAssets(modelSrc = process.env.BANWEN_MODEL_DIR || MODEL_SRC): Asset[] {
  if (!existsSync(join(modelSrc, 'onnx', 'model.onnx'))) {
    console.warn(`[办文] 未找到模型 ${modelSrc}，扩展将仅按规则分析`)
    return []
  }
  const model = walk(modelSrc).map((f) => ({ absoluteSrc: f, relativeDest: `${MODEL_DIR}/${relative(modelSrc, f).split('\\').join('/')}` }))
  const ort = ortWasmPaths().map((f) => ({ absoluteSrc: f, relativeDest: `${ORT_DIR}/${f.split(/[\\/]/).pop()}` }))
  return [...model, ...ort]
}
