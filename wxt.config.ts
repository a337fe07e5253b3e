import { defineConfig } from 'wxt'

// The extension lives in extension/ next to the engine in core/, which it imports directly.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '办文',
    description: '起草公文时发现形式主义：套话、增负要求、超长、隐形变异、照抄照搬',
    permissions: ['storage', 'offscreen', 'alarms', 'sidePanel'],
    host_permissions: ['<all_urls>'],
    // The page side loads nothing from the extension today; the highlight/overlay styles are
    // injected as text. Kept for the offscreen model files the background engineer adds.
    web_accessible_resources: [],
  },
})
