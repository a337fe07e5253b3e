#!/usr/bin/env node
// The CLI is TypeScript; tsx loads it in place so the package needs no separate build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
