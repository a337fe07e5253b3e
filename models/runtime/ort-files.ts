import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ORT_WASM_FILES } from './browser'

/** Our own onnxruntime-web's dist folder, where its wasm builds are (Node side, for builds and tests). */
export function ortWasmDir(): string {
  const require = createRequire(import.meta.url)
  return dirname(require.resolve('onnxruntime-web/wasm'))
}

export const ortWasmPaths = () => ORT_WASM_FILES.map((f) => join(ortWasmDir(), f))

/**
 * For Vite's resolve.alias and esbuild's alias: the browser classifier (browser.ts) imports
 * `onnxruntime-web/wasm`, the CPU-only build with the plain SIMD wasm (14 MB, run
 * single-threaded) rather than the 27 MB asyncify one of the WebGPU build. Its "bundle" form
 * carries the wasm's JS glue inline, so nothing is loaded with import(), which a service worker
 * forbids (the model runs there on cores without chrome.offscreen).
 */
export const ortWebAlias = (): Record<string, string> => ({ 'onnxruntime-web/wasm': join(ortWasmDir(), 'ort.wasm.bundle.min.mjs') })
