/**
 * The offscreen document: loads the model runtime script once (lib/model/runner.ts) and answers
 * the background's offscreen:predict batches.
 */
import { browser } from 'wxt/browser'
import type { PredictResponse } from '../../lib/messages'
import { isOffscreenPredict } from '../../lib/background/offscreen-protocol'
import { installedRunner, MODEL_RUNTIME_PATH } from '../../lib/model/runtime-script'
import type { ModelRunner } from '../../lib/model/runner'

let runner: Promise<ModelRunner> | null = null

function loadRuntime(): Promise<ModelRunner> {
  runner ??= new Promise<ModelRunner>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = MODEL_RUNTIME_PATH
    script.onload = () => {
      const r = installedRunner()
      if (r) resolve(r)
      else reject(new Error('模型运行脚本未就绪'))
    }
    script.onerror = () => reject(new Error('无法加载模型运行脚本'))
    document.head.append(script)
  }).catch((e) => {
    runner = null
    throw e
  })
  return runner
}

async function answer(sentences: string[]): Promise<PredictResponse> {
  try {
    return await (await loadRuntime()).answer(sentences)
  } catch (e) {
    return { error: `模型运行失败：${(e as Error).message}` }
  }
}

browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: PredictResponse) => void) => {
  // Only the background (no tab) talks to this page.
  if (!isOffscreenPredict(msg) || sender.tab) return undefined
  void answer(msg.sentences).then(sendResponse)
  return true
})
