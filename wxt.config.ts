import { defaultClientConditions } from 'vite'
import { defineConfig } from 'wxt'
import { modelAssets } from './extension/build/model-assets'

// The extension lives in extension/ next to the engine in core/, which it imports directly.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '办文',
    description: '起草公文时发现形式主义：套话、增负要求、超长、隐形变异、照抄照搬',
    // scripting: 采纳 marks an undo step through TinyMCE's / CKEditor 4's own API in the page.
    permissions: ['storage', 'offscreen', 'alarms', 'sidePanel', 'scripting'],
    host_permissions: ['<all_urls>'],
    // The page side loads nothing from the extension; the highlight/overlay styles are injected
    // as text, and the model files are read only by our own offscreen document.
    web_accessible_resources: [],
    // onnxruntime-web compiles wasm in the offscreen document; MV3 pages need this to allow it.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  },
  // onnxruntime-web's own switch for "wasm files are shipped separately": without it the bundler
  // copies its 26 MB wasm a second time as a hashed asset.
  vite: () => ({ resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] } }),
  hooks: {
    // Ship the sentence model and onnxruntime-web's wasm in the package (never a CDN).
    'build:publicAssets': (_wxt, files) => void files.push(...modelAssets()),
  },
})
