/**
 * Builds the dashboard into server/dashboard/dist, which the service serves at /.
 * `npx tsx server/dashboard/build.ts`
 */
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('.', import.meta.url))

export async function buildDashboard(): Promise<void> {
  const { build } = await import('vite')
  await build({
    configFile: false,
    root: ROOT,
    base: '/',
    logLevel: 'warn',
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  const t = Date.now()
  await buildDashboard()
  console.log(`看板已构建：server/dashboard/dist（${((Date.now() - t) / 1000).toFixed(1)} 秒）`)
}
