import { charTotal, countChars, createAnalyzer, segment } from '../core'
import { filler } from '../core/examples'
import { corpusFiles, fmt, median, readText, time } from './util'

/** A 5,000-字 document: the opening of a real provincial report when the corpus is there, else filler. */
export function document5000(): { text: string; source: string } {
  const file = corpusFiles().find((f) => f.includes('gwr2026_'))
  const base = file ? readText(file) : filler(6000)
  let end = 0
  for (const s of segment(base).sentences) {
    if (charTotal(countChars(base, 0, s.end)) > 5000) break
    end = s.end
  }
  return { text: base.slice(0, end), source: file ? file.split('/').slice(-2).join('/') : '生成文本' }
}

export async function runEngineBench(): Promise<void> {
  const { text, source } = document5000()
  const chars = charTotal(countChars(text))
  console.log(`\n## 分析引擎（仅规则，Node ${process.version}）`)
  console.log(`文档：${source} 前 ${chars} 字，${segment(text).sentences.length} 句`)

  for (let i = 0; i < 5; i++) createAnalyzer().analyzeSync(text) // warm up the JIT
  const full = time(() => createAnalyzer().analyzeSync(text), 30)
  console.log(`完整分析（冷缓存）中位数：${fmt(median(full))}`)

  const a = createAnalyzer()
  a.analyzeSync(text)
  const sentences = segment(text).sentences
  const target = sentences[Math.floor(sentences.length / 2)]!
  let n = 0
  const inc = time(() => {
    n++
    const edited = text.slice(0, target.start) + `第${n}项` + text.slice(target.start)
    a.analyzeSync(edited)
  }, 200)
  console.log(`改动一句后增量分析中位数：${fmt(median(inc))}`)

  const files = corpusFiles()
  if (files.length === 0) return console.log('未找到 ../shared/corpus，跳过语料吞吐量')
  const docs = files.map(readText)
  const total = docs.reduce((s, d) => s + charTotal(countChars(d)), 0)
  const t0 = performance.now()
  for (const d of docs) createAnalyzer().analyzeSync(d)
  const secs = (performance.now() - t0) / 1000
  console.log(`语料吞吐量：${docs.length} 份、${(total / 10000).toFixed(1)} 万字，用时 ${secs.toFixed(2)} 秒，${Math.round(total / secs / 1000)} 千字/秒`)
}

if (import.meta.url === `file://${process.argv[1]}`) await runEngineBench()
