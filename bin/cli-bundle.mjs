/**
 * The CLI as one bundled module cached under node_modules/.cache, so a check does not pay for
 * transpiling TypeScript and resolving zod's files at every start (~0.4 s of a 0.5 s start).
 * esbuild (already there for tsx) rebuilds it whenever a source file is newer than the bundle.
 * Packages other than zod stay external and load when used: transformers.js only with the model.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = resolve(import.meta.dirname, '..')
const CACHE = join(ROOT, 'node_modules', '.cache', 'banwen-cli')
const META = join(CACHE, 'meta.json')
const STALE_MS = 10 * 60_000

/** URL of a fresh bundle's entry, building it if needed; null when it cannot be built here. */
export async function bundledEntry() {
  try {
    const meta = JSON.parse(readFileSync(META, 'utf8'))
    if (meta.inputs.every((f) => statSync(join(ROOT, f)).mtimeMs <= meta.builtAt)) return pathToFileURL(join(CACHE, meta.dir, 'main.js')).href
  } catch {
    // No bundle yet, or a source file was removed: build.
  }
  return build()
}

async function build() {
  const { build } = await import('esbuild')
  const builtAt = Date.now()
  const dir = `b${builtAt}-${process.pid}`
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['cli/main.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: join(CACHE, dir),
    metafile: true,
    minify: true,
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [sourceLocation],
  })
  const inputs = Object.keys(result.metafile.inputs)
  const tmp = `${META}.${process.pid}`
  writeFileSync(tmp, JSON.stringify({ dir, builtAt, inputs }))
  renameSync(tmp, META) // atomic: a concurrent run sees the old bundle or the new one
  for (const old of readdirSync(CACHE)) {
    const p = join(CACHE, old)
    // Older bundles may still be loading lazy chunks in another run: only remove them once stale.
    if (old !== dir && old.startsWith('b') && Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true })
  }
  return pathToFileURL(join(CACHE, dir, 'main.js')).href
}

/** Bundled code keeps its source location (models/ finds its folder through import.meta). */
const sourceLocation = {
  name: 'source-location',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path === 'zod' || args.path.startsWith('zod/') ? undefined : { path: args.path, external: true }))
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8')
      if (!src.includes('import.meta')) return undefined
      return {
        loader: 'ts',
        contents: src.replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      }
    })
  },
}
