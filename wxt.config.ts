import { defineConfig } from 'wxt'
import { modelAssets } from './extension/build/model-assets'
import { ortNoAsset } from './extension/build/ort-plugin'
import { ortWebAlias } from './models/runtime/ort-files'

const MIN_CHROME = '103'

// The extension lives in extension/ next to the engine in core/, which it imports directly.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '办文',
    description: '起草公文时发现形式主义：套话、增负要求、超长、隐形变异、照抄照搬',
    // The oldest core that runs everything, with fallbacks below it (docs/older-cores.md):
    // storage.session needs 102, 'wasm-unsafe-eval' in an MV3 policy 103.
    minimum_chrome_version: MIN_CHROME,
    // scripting: 采纳 marks an undo step through TinyMCE's / CKEditor 4's own API in the page.
    permissions: ['storage', 'offscreen', 'alarms', 'sidePanel', 'scripting'],
    host_permissions: ['<all_urls>'],
    // IT departments push service, token, unit and filing policy by browser policy (docs/deployment.md).
    storage: { managed_schema: 'managed_schema.json' },
    // The page side loads nothing from the extension; the highlight/overlay styles are injected
    // as text, and the model files are read only by our own offscreen document.
    web_accessible_resources: [],
    // onnxruntime-web compiles wasm in the offscreen document (or the worker); MV3 needs this to allow it.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  },
  // ortWebAlias: onnxruntime-web's CPU build with its glue bundled; ortNoAsset: its wasm is copied
  // once by the hook below, never again by the bundler. build.target: the code must parse on the
  // oldest core the manifest admits.
  vite: () => ({ plugins: [ortNoAsset()], build: { target: `chrome${MIN_CHROME}` }, resolve: { alias: ortWebAlias() } }),
  hooks: {
    // Ship the sentence model and onnxruntime-web's wasm in the package (never a CDN).
    'build:publicAssets': (_wxt, files) => void files.push(...modelAssets()),
  },
})
