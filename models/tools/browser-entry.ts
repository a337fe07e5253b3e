// Bundled for the browser harness: exposes the model to the page under test.
import { loadBrowserClassifier, ORT_WASM_FILES } from '../runtime/browser'

declare global {
  interface Window {
    banwen: { load(): Promise<number>; predict(s: string[]): Promise<Array<{ tao: number; burden: number }>>; time(s: string[], rounds: number): Promise<number> }
  }
}

let classifier: Awaited<ReturnType<typeof loadBrowserClassifier>> | null = null
const base = location.origin

window.banwen = {
  async load() {
    const t0 = performance.now()
    classifier = await loadBrowserClassifier({
      modelRoot: `${base}/models/`,
      wasm: `${base}/ort/${ORT_WASM_FILES[0]}`,
    })
    return performance.now() - t0
  },
  predict: (s) => classifier!.predict(s),
  async time(s, rounds) {
    const t0 = performance.now()
    for (let i = 0; i < rounds; i++) await classifier!.predict(s)
    return performance.now() - t0
  },
}
