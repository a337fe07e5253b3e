/**
 * The sentence classifier, loaded once in the context that runs it: the offscreen document, or
 * the service worker on cores without chrome.offscreen. Model files and wasm come from the package.
 */
import type { SentenceClassifier } from '../../../core'
import { loadBrowserClassifier } from '../../../models/runtime/browser'
import { MODEL_ROOT } from '../background/offscreen-protocol'
import type { PredictResponse } from '../messages'
import { ortWasmUrl } from './ort-wasm-url'

export interface ModelRunner {
  answer(sentences: string[]): Promise<PredictResponse>
}

export function modelRunner(): ModelRunner {
  let model: Promise<SentenceClassifier> | null = null
  let loadMs: number | undefined

  const load = (): Promise<SentenceClassifier> => {
    model ??= (async () => {
      const t0 = performance.now()
      const m = await loadBrowserClassifier({ modelRoot: `/${MODEL_ROOT}/`, wasm: ortWasmUrl() })
      loadMs = performance.now() - t0
      return m
    })().catch((e) => {
      model = null // let a later request try again
      throw e
    })
    return model
  }

  return {
    async answer(sentences) {
      try {
        const m = await load()
        return { scores: await m.predict(sentences), ...(loadMs !== undefined ? { modelLoadMs: Math.round(loadMs) } : {}) }
      } catch (e) {
        console.error('[办文] 模型运行失败', e)
        return { error: `模型运行失败：${(e as Error).message}` }
      }
    },
  }
}
