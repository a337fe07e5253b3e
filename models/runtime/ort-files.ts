import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ORT_WASM_FILES } from './browser'

/** Where the onnxruntime-web build that transformers.js imports keeps its wasm files (Node side, for builds and tests). */
export function ortWasmDir(): string {
  const require = createRequire(import.meta.url)
  const transformersEntry = require.resolve('@huggingface/transformers')
  const fromTransformers = createRequire(transformersEntry)
  const ortEntry = fromTransformers.resolve('onnxruntime-web')
  return dirname(ortEntry)
}

export const ortWasmPaths = () => ORT_WASM_FILES.map((f) => join(ortWasmDir(), f))
