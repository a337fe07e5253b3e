import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAnalyzer, segment, type SentenceClassifier } from '../../core'
import { loadNodeClassifier, MODELS_ROOT } from '../../models/runtime/node'
import { folderBytes } from '../../models/tools/folder-bytes'
import { readWeights } from '../../models/tools/read-onnx'
import { encode, loadTokenizer } from '../../models/train/tokenizer'
import { features } from '../../models/train/features'
import { forward, sigmoid } from '../../models/train/network'
import { loadTrain } from '../../models/train/data'
import { train, DEFAULT_TRAIN } from '../../models/train/train'
import { writeModelFolder } from '../../models/train/package-model'
import { openBrowserModel, type BrowserModel } from '../../models/tools/browser-harness'
import { MODEL_SENTENCES } from '../fixtures/drafts'

const DIR = join(MODELS_ROOT, 'banwen-zh')
const SAMPLE = [
  ...MODEL_SENTENCES,
  '𠀀字与Ｆｕｌｌ－width ２０２６年',
  '长'.repeat(500),
]


describe('committed model folder', () => {
  it('is a transformers.js folder of at most 3 MB with thresholds', () => {
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) expect(existsSync(join(DIR, f)), f).toBe(true)
    expect(folderBytes(DIR)).toBeLessThanOrEqual(3 * 1024 * 1024)
    const config = JSON.parse(readFileSync(join(DIR, 'config.json'), 'utf8'))
    expect(config.id2label).toEqual({ 0: 'tao', 1: 'burden' })
    expect(config.banwen.thresholds.tao).toBeGreaterThan(0)
    expect(config.banwen.thresholds.burden).toBeGreaterThan(0)
  })
})

describe('Node runtime', () => {
  let model: SentenceClassifier
  beforeAll(async () => {
    model = (await loadNodeClassifier())!
  })

  it('computes in ONNX what the training code computes', async () => {
    const w = readWeights(join(DIR, 'onnx', 'model.onnx'))
    const tok = loadTokenizer(JSON.parse(readFileSync(join(DIR, 'tokenizer.json'), 'utf8')))
    const got = await model.predict(SAMPLE)
    SAMPLE.forEach((s, i) => {
      const { logits } = forward(w, features(encode(tok, s)))
      expect(got[i]!.tao).toBeCloseTo(sigmoid(logits[0]), 5)
      expect(got[i]!.burden).toBeCloseTo(sigmoid(logits[1]), 5)
    })
  })

  it('encodes exactly as the transformers.js tokenizer does (the fast path)', async () => {
    const m = model as unknown as { encode(s: string): number[]; referenceIds(s: string): number[] }
    const sentences = [...SAMPLE, ...loadTrain().map((e) => e.text).filter((_, i) => i % 7 === 0), 'ⅫⅣ㈠①Ａｂｃ　ﬁ', 'İstanbul 与 ß', '\u200b零宽\u00a0空格']
    const differ = sentences.filter((s) => JSON.stringify(m.encode(s)) !== JSON.stringify(m.referenceIds(s)))
    expect(differ).toEqual([])
  })

  it('separates obvious cases', async () => {
    const [tao, burden, plain] = await model.predict(SAMPLE.slice(0, 3))
    expect(tao!.tao).toBeGreaterThan(model.thresholds.tao)
    expect(burden!.burden).toBeGreaterThan(model.thresholds.burden)
    expect(plain!.tao).toBeLessThan(model.thresholds.tao)
    expect(plain!.burden).toBeLessThan(model.thresholds.burden)
  })

  it('plugs into analyze() and the report says so', async () => {
    const r = await createAnalyzer({ classifier: model }).analyze(SAMPLE.slice(0, 3).join('\n'))
    expect(r.classifier.used).toBe(true)
    expect(r.classifier.id).toMatch(/^banwen-zh@/)
  })

  it('returns null without a model folder, and the engine falls back to rules', async () => {
    expect(await loadNodeClassifier(mkdtempSync(join(tmpdir(), 'no-model-')))).toBeNull()
    expect(createAnalyzer({ classifier: null }).analyzeSync('一句话。').classifier.note).toMatch(/仅按规则/)
  })
})

describe('Node and browser give the same probabilities', () => {
  let browser: BrowserModel
  beforeAll(async () => {
    browser = await openBrowserModel()
  }, 120_000)
  afterAll(async () => browser?.close())

  it('on the same sentences, to 1e-5', async () => {
    const sentences = [...SAMPLE]
    const corpus = join(MODELS_ROOT, '..', '..', 'shared', 'corpus', 'shanghai_gov_docs')
    if (existsSync(corpus)) for (const f of readdirSync(corpus).filter((x) => x.endsWith('.txt')).slice(0, 4)) sentences.push(...segment(readFileSync(join(corpus, f), 'utf8')).sentences.map((s) => s.text).slice(0, 60))
    expect(sentences.length).toBeGreaterThan(100)
    const node = await (await loadNodeClassifier())!.predict(sentences)
    const web = await browser.predict(sentences)
    let worst = 0
    node.forEach((p, i) => (worst = Math.max(worst, Math.abs(p.tao - web[i]!.tao), Math.abs(p.burden - web[i]!.burden))))
    expect(worst).toBeLessThan(1e-5)
  }, 60_000)
})

describe('training', () => {
  it('is deterministic under its seed', () => {
    const data = loadTrain().slice(0, 600)
    const opts = { ...DEFAULT_TRAIN, epochs: 2 }
    const a = mkdtempSync(join(tmpdir(), 'train-a-'))
    const b = mkdtempSync(join(tmpdir(), 'train-b-'))
    writeModelFolder(a, train(data, opts), opts)
    writeModelFolder(b, train(data, opts), opts)
    for (const f of ['onnx/model.onnx', 'tokenizer.json', 'config.json']) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true)
    const c = mkdtempSync(join(tmpdir(), 'train-c-'))
    writeModelFolder(c, train(data, { ...opts, seed: 7 }), opts)
    expect(readFileSync(join(a, 'onnx/model.onnx')).equals(readFileSync(join(c, 'onnx/model.onnx')))).toBe(false)
  }, 60_000)
})
