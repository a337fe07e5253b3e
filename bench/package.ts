/**
 * The extension package: unpacked and zipped size, and how soon the model is ready where it
 * runs (the offscreen document, or the service worker on cores without it), from a cold browser.
 *
 *   npx tsx bench/package.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import JSZip from 'jszip'
import { ORT_WASM_FILES } from '../models/runtime/browser'
import { folderBytes } from '../models/tools/folder-bytes'
import { ensureExtensionBuilt } from '../test/e2e/browser'
import { withoutOffscreen } from '../test/e2e/support/altered-build'
import { launchProfile } from '../test/e2e/support/extension-profile'
import { MODEL_SENTENCES } from '../test/fixtures/drafts'
import { median } from './util'

const COLD_STARTS = 3
const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB（${(n / 1048576).toFixed(2)} MiB）`

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))

/** The package as a store upload: every file, deflate level 9. */
async function zipBytes(dir: string): Promise<number> {
  const zip = new JSZip()
  for (const f of files(dir)) zip.file(relative(dir, f), readFileSync(f))
  return (await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })).length
}

interface ColdStart {
  /** First model:predict answered, from the extension page's request (creates the runner, loads, infers). */
  firstAnswerMs: number
  /** Model load as measured where it runs (fetching the files, compiling the wasm, the session). */
  modelLoadMs: number
}

async function coldStart(extensionDir: string | undefined): Promise<ColdStart> {
  const profile = mkdtempSync(join(tmpdir(), 'banwen-bench-pkg-'))
  const b = await launchProfile(profile, extensionDir ? { extensionDir } : {})
  try {
    const page = await b.openPage('popup.html')
    const res = await page.evaluate(async (sentences) => {
      const t0 = performance.now()
      const r = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'model:predict', sentences })) as { modelLoadMs?: number; error?: string }
      return { ms: performance.now() - t0, r }
    }, MODEL_SENTENCES)
    if (res.r.error || res.r.modelLoadMs === undefined) throw new Error(`模型未就绪：${res.r.error ?? '未报告加载时间'}`)
    return { firstAnswerMs: res.ms, modelLoadMs: res.r.modelLoadMs }
  } finally {
    await b.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

async function coldStarts(label: string, extensionDir?: string): Promise<void> {
  const runs: ColdStart[] = []
  for (let i = 0; i < COLD_STARTS; i++) runs.push(await coldStart(extensionDir))
  const load = runs.map((r) => r.modelLoadMs)
  const first = runs.map((r) => r.firstAnswerMs)
  console.log(`${label}：模型就绪 中位 ${median(load).toFixed(0)} ms（最大 ${Math.max(...load).toFixed(0)}，目标 ≤ 1500）；首个请求应答 中位 ${median(first).toFixed(0)} ms（${COLD_STARTS} 次冷启动）`)
}

export async function runPackageBench(): Promise<void> {
  const dir = ensureExtensionBuilt()
  const wasm = files(dir).find((f) => f.endsWith(ORT_WASM_FILES[0]))
  console.log(`已解压：${MB(folderBytes(dir))}（目标 ≤ 18 MB），其中 onnxruntime-web wasm ${wasm ? MB(statSync(wasm).size) : '未附带'}`)
  console.log(`zip（deflate 9）：${MB(await zipBytes(dir))}（目标 ≤ 6 MB）`)
  await coldStarts('离屏文档')
  const old = withoutOffscreen()
  try {
    await coldStarts('无离屏文档的内核（后台 service worker）', old.dir)
  } finally {
    old.remove()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runPackageBench().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
