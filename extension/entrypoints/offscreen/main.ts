/**
 * The offscreen document: loads the sentence classifier once (transformers.js + onnxruntime-web,
 * files shipped inside the extension) and answers the background's offscreen:predict batches.
 */
import { env } from '@huggingface/transformers'
import { browser } from 'wxt/browser'
import type { SentenceClassifier } from '../../../core'
import { loadBrowserClassifier, ORT_WASM_FILES } from '../../../models/runtime/browser'
import type { PredictResponse } from '../../lib/messages'
import { isOffscreenPredict, MODEL_ROOT, ORT_DIR } from '../../lib/background/offscreen-protocol'
import { packagedUrl } from '../../lib/background/packaged-url'

// The Cache API refuses chrome-extension:// requests, and the files are local anyway.
env.useBrowserCache = false

let model: Promise<SentenceClassifier> | null = null

function load(): Promise<SentenceClassifier> {
  const [mjs, wasm] = ORT_WASM_FILES.map((f) => packagedUrl(`/${ORT_DIR}/${f}`))
  model ??= loadBrowserClassifier({ modelRoot: `/${MODEL_ROOT}/`, wasm: { mjs: mjs!, wasm: wasm! } }).catch((e) => {
    model = null // let a later request try again
    throw e
  })
  return model
}

async function answer(sentences: string[]): Promise<PredictResponse> {
  try {
    const m = await load()
    return { scores: await m.predict(sentences) }
  } catch (e) {
    console.error('[办文] 模型运行失败', e)
    return { error: `模型运行失败：${(e as Error).message}` }
  }
}

browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: PredictResponse) => void) => {
  // Only the background (no tab) talks to this page.
  if (!isOffscreenPredict(msg) || sender.tab) return undefined
  void answer(msg.sentences).then(sendResponse)
  return true
})
