import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { segment } from '../core'
import { folderBytes } from '../models/tools/folder-bytes'
import { loadNodeClassifier, MODELS_ROOT } from '../models/runtime/node'
import { MODEL_NAME } from '../models/runtime/transformers-classifier'
import { corpusFiles, readText } from './util'


/** Real sentences when the corpus is there, else the training data's own sentences. */
function sentences(n: number): string[] {
  const out: string[] = []
  for (const f of corpusFiles()) {
    for (const s of segment(readText(f)).sentences) if (out.push(s.text) >= n) return out
  }
  while (out.length < n) out.push(`东山镇第${out.length}村今年新修村道${out.length % 9}公里。`)
  return out
}

export async function runModelBench(): Promise<void> {
  console.log('\n## 句子分类模型')
  const dir = join(MODELS_ROOT, MODEL_NAME)
  if (!existsSync(dir)) return console.log('未找到模型目录，跳过')
  console.log(`模型大小：${(folderBytes(dir) / 1048576).toFixed(2)} MB（${MODEL_NAME}/，含 tokenizer）`)
  const t0 = performance.now()
  const model = (await loadNodeClassifier())!
  console.log(`Node 加载时间：${(performance.now() - t0).toFixed(0)} ms`)
  const batch = sentences(2000)
  await model.predict(batch.slice(0, 256))
  const t1 = performance.now()
  const rounds = 3
  for (let i = 0; i < rounds; i++) await model.predict(batch)
  const nodeRate = (batch.length * rounds) / ((performance.now() - t1) / 1000)
  console.log(`Node（onnxruntime-node）：${Math.round(nodeRate)} 句/秒`)

  try {
    const { openBrowserModel } = await import('../models/tools/browser-harness')
    const b = await openBrowserModel()
    console.log(`浏览器加载时间（含 wasm 编译）：${b.loadMs.toFixed(0)} ms`)
    await b.predict(batch.slice(0, 256))
    const ms = await b.time(batch, rounds)
    console.log(`浏览器单线程 wasm（onnxruntime-web）：${Math.round((batch.length * rounds) / (ms / 1000))} 句/秒`)
    await b.close()
  } catch (e) {
    console.log(`浏览器测量失败：${(e as Error).message}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runModelBench()
