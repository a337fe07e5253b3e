import { env } from '@huggingface/transformers'
import type { SentenceClassifier } from '../../core'
import { loadTransformersClassifier } from './transformers-classifier'

export interface BrowserModelUrls {
  /**
   * Path on the page's own origin of the folder holding banwen-zh/, e.g. '/models/' (the
   * extension's own files, never a CDN). A path, not a URL: transformers.js skips its local-file
   * lookup for absolute URLs and would then refuse to load with remote models disabled.
   */
  modelRoot: string
  /** onnxruntime-web's wasm binary, shipped with the extension (its JS glue is bundled, see ort-files.ts). */
  wasm: string
}

/** The ORT files the extension must ship, relative to node_modules (see extension build): the plain SIMD wasm. */
export const ORT_WASM_FILES = ['ort-wasm-simd-threaded.wasm'] as const

/**
 * Loads the classifier in a page or offscreen document: single-threaded wasm (extension pages
 * are not cross-origin isolated), no proxy worker, every file from the given URLs.
 */
export async function loadBrowserClassifier(urls: BrowserModelUrls): Promise<SentenceClassifier> {
  const onnx = env.backends.onnx as { wasm?: { wasmPaths?: unknown; numThreads?: number; proxy?: boolean } }
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = { wasm: urls.wasm }
    onnx.wasm.numThreads = 1
    onnx.wasm.proxy = false
  }
  const root = /^[a-z-]+:/i.test(urls.modelRoot) ? new URL(urls.modelRoot).pathname : urls.modelRoot
  return loadTransformersClassifier({ root })
}
