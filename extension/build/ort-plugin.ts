/**
 * Vite plugin (Node): onnxruntime-web's bundle build locates its wasm with
 * `new URL('…wasm', import.meta.url)`, which makes Vite copy the 14 MB file again (or inline it
 * as base64 in a classic script). The extension always passes the wasm's packaged URL, so the
 * default location is never used: point it at the running script instead, leaving nothing to copy.
 */
import type { Plugin } from 'vite'

export const ortNoAsset = (): Plugin => ({
  name: 'banwen-ort-no-asset',
  enforce: 'pre',
  transform(code, id) {
    if (!/onnxruntime-web[\\/]dist[\\/]ort\.wasm\.bundle\.min\.mjs$/.test(id)) return null
    return { code: code.replaceAll('import.meta.url', 'self.location.href'), map: null }
  },
})
