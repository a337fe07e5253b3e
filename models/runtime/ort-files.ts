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

/**
 * For Vite's resolve.alias and esbuild's alias: which onnxruntime-web build transformers.js gets.
 * It imports `onnxruntime-web/webgpu`, whose wasm is the 27 MB asyncify build; the classifier runs
 * on the CPU only, so the plain SIMD build (14 MB, run single-threaded) does the same work. Its
 * "bundle" form carries the wasm's JS glue inline, so nothing is loaded with import(), which a
 * service worker forbids (the model runs there on cores without chrome.offscreen).
 */
export const ortWebAlias = (): Record<string, string> => ({ 'onnxruntime-web/webgpu': join(ortWasmDir(), 'ort.wasm.bundle.min.mjs') })

export const ortWasmPaths = () => ORT_WASM_FILES.map((f) => join(ortWasmDir(), f))
