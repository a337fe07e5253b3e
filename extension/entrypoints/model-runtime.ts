/**
 * The model runtime as one classic script (transformers.js + onnxruntime-web, glue bundled), so a
 * single copy serves both places that run the model: the offscreen document adds it as a script,
 * and the service worker imports it with importScripts() when the core has no chrome.offscreen.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script'
import { modelRunner } from '../lib/model/runner'
import { MODEL_RUNTIME_GLOBAL } from '../lib/model/runtime-script'

export default defineUnlistedScript(() => {
  ;(globalThis as Record<string, unknown>)[MODEL_RUNTIME_GLOBAL] = modelRunner()
})
