/**
 * The engine's SentenceClassifier, backed by the background's offscreen model runner
 * (model:predict). A page's CSP can forbid wasm in content scripts; the offscreen document
 * is ours. Failures make the engine fall back to rules; after one, we pause asking for a while.
 */
import type { SentenceClassifier, SentenceScores } from '../../core'
import { send } from './messages'

const PAUSE_MS = 30_000

export function messageClassifier(model: { id: string; thresholds: SentenceScores }): SentenceClassifier {
  let pausedUntil = 0
  return {
    id: model.id,
    thresholds: model.thresholds,
    async predict(sentences) {
      if (Date.now() < pausedUntil) throw new Error('模型暂不可用')
      const res = await send('model:predict', { sentences }, 15_000)
      if (!res || 'error' in res) {
        pausedUntil = Date.now() + PAUSE_MS
        throw new Error(res && 'error' in res ? res.error : '后台未响应')
      }
      return res.scores
    },
  }
}
