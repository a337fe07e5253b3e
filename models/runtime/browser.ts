/**
 * The classifier in a page, an offscreen document or a service worker: onnxruntime-web runs the
 * graph directly (no transformers.js: the browser needs only the vocabulary and the graph).
 * Bundlers give `onnxruntime-web/wasm` its "bundle" build (ortWasmAlias in ort-files.ts): the
 * wasm's JS glue is inlined, so nothing is loaded with import(), which service workers forbid.
 */
import * as ort from 'onnxruntime-web/wasm'
import { makeClassifier, MODEL_NAME, vocabOf, type BanwenClassifier } from './classifier-core'

export interface BrowserModelUrls {
  /** URL or path of the folder holding banwen-zh/, e.g. '/models/' (the extension's own files, never a CDN). */
  modelRoot: string
  /** onnxruntime-web's wasm binary, shipped with the extension. */
  wasm: string
}

/** The ORT file the extension must ship, from our own onnxruntime-web (see extension build). */
export const ORT_WASM_FILES = ['ort-wasm-simd-threaded.wasm'] as const

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`无法读取模型文件 ${url}（HTTP ${res.status}）`)
  return res
}

/** Single-threaded wasm (extension pages are not cross-origin isolated), no proxy worker, every file from the given URLs. */
export async function loadBrowserClassifier(urls: BrowserModelUrls, batchSize?: number): Promise<BanwenClassifier> {
  ort.env.wasm.wasmPaths = { wasm: urls.wasm }
  ort.env.wasm.numThreads = 1
  ort.env.wasm.proxy = false
  const dir = `${urls.modelRoot.replace(/\/?$/, '/')}${MODEL_NAME}/`
  const [config, tokenizer, graph] = await Promise.all([
    fetchOk(`${dir}config.json`).then((r) => r.json()),
    fetchOk(`${dir}tokenizer.json`).then((r) => r.json()),
    fetchOk(`${dir}onnx/model.onnx`).then((r) => r.arrayBuffer()),
  ])
  const session = await ort.InferenceSession.create(new Uint8Array(graph), { executionProviders: ['wasm'] })
  return makeClassifier({
    config,
    vocab: vocabOf(tokenizer),
    batchSize,
    run: async (ids, mask, dims) => {
      const out = await session.run({ input_ids: new ort.Tensor('int64', ids, dims), attention_mask: new ort.Tensor('int64', mask, dims) })
      return (out.logits ?? Object.values(out)[0]!).data as Float32Array
    },
  })
}
