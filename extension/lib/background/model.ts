/**
 * The sentence classifier runs in an offscreen document (wasm is ours there, whatever the page's
 * CSP). The background creates it on first use and forwards model:predict batches to it. Cores
 * without chrome.offscreen (before Chromium 109) run it in this worker instead (runModelHere).
 */
import { browser } from 'wxt/browser'
import type { SentenceScores } from '../../../core'
import type { PredictResponse } from '../messages'
import { MODEL_DIR, OFFSCREEN_PATH, type OffscreenPredict } from './offscreen-protocol'
import { packagedUrl } from './packaged-url'
import { installedRunner, MODEL_RUNTIME_PATH } from '../model/runtime-script'

/**
 * Loads the model runtime into this service worker when the core has no offscreen documents.
 * Must run during the worker's first evaluation: importScripts() is refused later.
 */
export function runModelHereIfNeeded(): void {
  if ((browser as unknown as { offscreen?: unknown }).offscreen) return
  const scope = globalThis as unknown as { importScripts?: (...urls: string[]) => void }
  try {
    scope.importScripts?.(MODEL_RUNTIME_PATH)
  } catch (e) {
    console.warn('[办文] 无法在后台加载模型运行脚本，将仅按规则分析', e)
  }
}

export type ModelInfo = { id: string; thresholds: SentenceScores }

let info: Promise<ModelInfo | null> | null = null

/** id and thresholds from the shipped config.json, without loading the model; null when none is shipped. */
export function modelInfo(): Promise<ModelInfo | null> {
  info ??= (async () => {
    try {
      const res = await fetch(packagedUrl(`/${MODEL_DIR}/config.json`))
      if (!res.ok) return null
      const c = (await res.json()) as { banwen?: { name: string; thresholds: SentenceScores; training: { dataHash: string } } }
      // Same id as models/runtime/transformers-classifier.ts builds.
      return c.banwen ? { id: `${c.banwen.name}@${c.banwen.training.dataHash.slice(0, 8)}`, thresholds: c.banwen.thresholds } : null
    } catch {
      return null
    }
  })()
  return info
}

let creating: Promise<void> | null = null

/** Is our offscreen document open? runtime.getContexts needs Chromium 116; before it, the worker's clients show it. */
async function offscreenOpen(url: string): Promise<boolean> {
  const rt = browser.runtime as unknown as { getContexts?: (f: object) => Promise<unknown[]> }
  if (rt.getContexts) return (await rt.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0
  const clients = (globalThis as unknown as { clients?: { matchAll(o?: object): Promise<Array<{ url: string }>> } }).clients
  return ((await clients?.matchAll({ includeUncontrolled: true })) ?? []).some((c) => c.url === url)
}

/** One check-and-create at a time: Chrome allows a single offscreen document per extension. */
function ensureOffscreen(): Promise<void> {
  creating ??= (async () => {
    const url = packagedUrl(`/${OFFSCREEN_PATH}`)
    if (await offscreenOpen(url)) return
    await browser.offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: ['WORKERS' as never], justification: '在扩展自己的页面中运行句子分类模型（WebAssembly），不受网页内容安全策略限制' })
  })().finally(() => (creating = null))
  return creating
}

export const MAX_SENTENCES = 5000

export async function predict(sentences: string[]): Promise<PredictResponse> {
  if (!Array.isArray(sentences) || sentences.some((s) => typeof s !== 'string')) return { error: '请求格式错误：sentences 应为字符串数组' }
  if (sentences.length > MAX_SENTENCES) return { error: `一次最多 ${MAX_SENTENCES} 句` }
  if (!(await modelInfo())) return { error: '扩展未附带模型' }
  const here = installedRunner()
  if (here) return here.answer(sentences)
  if (!(browser as unknown as { offscreen?: unknown }).offscreen) return { error: '此浏览器不支持离屏文档，且后台未能加载模型' }
  try {
    await ensureOffscreen()
    const res = (await browser.runtime.sendMessage({ type: 'offscreen:predict', sentences } satisfies OffscreenPredict)) as PredictResponse | undefined
    return res ?? { error: '模型页面未响应' }
  } catch (e) {
    return { error: `模型运行失败：${(e as Error).message}` }
  }
}
