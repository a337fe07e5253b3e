#!/usr/bin/env node
// The CLI is TypeScript: run from a cached bundle (fast start), or through tsx when the bundle
// cannot be built here (read-only install) or BANWEN_NO_BUNDLE=1.
import { bundledEntry } from './cli-bundle.mjs'

const debug = process.env.BANWEN_DEBUG === '1'
if (debug) process.setSourceMapsEnabled(true)
const entry = process.env.BANWEN_NO_BUNDLE === '1' ? null : await bundledEntry().catch((e) => (debug && console.error(e), null))
let main
if (entry) ({ main } = await import(entry))
else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../cli/main.ts'))
}
process.exitCode = await main(process.argv.slice(2))
