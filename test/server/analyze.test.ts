import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FingerprintSchema, ReportSchema, type SentenceClassifier } from '../../core'
import { eachStore, makeDocx, setup, type Env } from './helpers'

const SAMPLE = readFileSync(new URL('../../samples/draft-notice.txt', import.meta.url), 'utf8')
const SUPERIOR = '各地区各部门要把整治形式主义为基层减负作为重要政治任务，坚持问题导向，精简文件会议，规范督查检查考核，切实把基层干部从繁文缛节、文山会海中解脱出来，让基层干部有更多时间和精力抓落实。'

const form = (file: Uint8Array, name: string, fields: Record<string, string> = {}) => {
  const fd = new FormData()
  fd.set('file', new File([file as Uint8Array<ArrayBuffer>], name))
  for (const [k, v] of Object.entries(fields)) fd.set(k, v)
  return fd
}

eachStore('评分与上级文件', (open) => {
  let env: Env
  beforeAll(async () => {
    env = await setup(open)
  })
  afterAll(() => env.db.close())
  const analyze = (o: { json?: unknown; body?: FormData }) => env.call('POST', '/api/analyze', { token: env.tokens.reviewer, ...o })

  it('粘贴文本：返回符合 ReportSchema 的报告', async () => {
    const res = await analyze({ json: { text: SAMPLE } })
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    expect(report.docType).toBe('工作提示')
    expect(report.flags.disguisedDirective).toBe(true)
    expect(report.findings.length).toBeGreaterThan(0)
    expect(report.classifier.used).toBe(false)
  })

  it('上传 .docx 与 GBK 编码 .txt', async () => {
    const lines = SAMPLE.split('\n').filter(Boolean)
    const docx = await analyze({ body: form(await makeDocx(lines), '提示.docx', { docType: '通知' }) })
    expect(docx.status).toBe(200)
    const r1 = ReportSchema.parse(await docx.json())
    expect(r1.docType).toBe('通知')
    expect(r1.docTypeSource).toBe('option')
    const gbk = await analyze({ body: form(iconv.encode(SAMPLE, 'gbk'), '提示.txt') })
    const r2 = ReportSchema.parse(await gbk.json())
    expect(r2.docType).toBe('工作提示')
    const text = await (await env.call('POST', '/api/extract', { token: env.tokens.reviewer, body: form(iconv.encode(SAMPLE, 'gbk'), 'a.txt') })).json()
    expect(text).toMatchObject({ format: 'text', encoding: 'gb18030', text: SAMPLE })
  })

  it('校验错误与无法读取的文件', async () => {
    const empty = await analyze({ json: { text: '' } })
    expect(empty.status).toBe(400)
    expect((await empty.json()).error.details[0]).toMatch(/^text: 文本不能为空/)
    const extra = await analyze({ json: { text: 'x', score: 1 } })
    expect((await extra.json()).error.details[0]).toMatch(/score/)
    const noFile = new FormData()
    noFile.set('title', 'x')
    expect((await (await analyze({ body: noFile })).json()).error.code).toBe('missing_file')
    const doc = await analyze({ body: form(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), '旧文件.doc') })
    expect(doc.status).toBe(422)
    expect((await doc.json()).error.message).toMatch(/\.doc/)
  })

  it('上级文件：只存指纹，扩展取到哈希不取正文；ETag/304；评分能发现照抄', async () => {
    const before = await env.call('GET', '/api/fingerprints', { token: env.tokens.drafter })
    expect(await before.json()).toEqual({ fingerprints: [] })
    const added = await env.call('POST', '/api/superior', { json: { title: '关于整治形式主义为基层减负的意见', issuer: '市委办公室', docNo: '市委办发〔2026〕3号', issuedOn: '2026-01-05', text: SUPERIOR } })
    expect(added.status).toBe(201)
    const doc = await added.json()
    expect(doc).toMatchObject({ title: '关于整治形式主义为基层减负的意见', issuedOn: '2026-01-05', chars: expect.any(Number) })
    const res = await env.call('GET', '/api/fingerprints', { token: env.tokens.drafter })
    const etag = res.headers.get('etag')!
    expect(etag).not.toBe(before.headers.get('etag'))
    const { fingerprints } = await res.json()
    expect(fingerprints).toHaveLength(1)
    FingerprintSchema.parse(fingerprints[0])
    expect(JSON.stringify(fingerprints)).not.toContain('繁文缛节')
    expect((await env.call('GET', '/api/fingerprints', { token: env.tokens.drafter, headers: { 'if-none-match': etag } })).status).toBe(304)
    const stored = JSON.stringify(await env.db.query('SELECT * FROM superior_docs'))
    expect(stored).not.toContain('繁文缛节')

    const copied = ReportSchema.parse(await (await analyze({ json: { text: `关于减负的通知\n${SUPERIOR}` } })).json())
    expect(copied.flags.copiedShare).toBeGreaterThan(0.5)

    const list = await (await env.call('GET', '/api/superior', { token: env.tokens.reviewer })).json()
    expect(list.documents).toHaveLength(1)
    expect((await env.call('DELETE', `/api/superior/${doc.id}`)).status).toBe(200)
    expect((await (await env.call('GET', '/api/fingerprints', { token: env.tokens.drafter })).json()).fingerprints).toEqual([])
  })

  it('上传 .docx 作为上级文件', async () => {
    const res = await env.call('POST', '/api/superior', { body: form(await makeDocx([SUPERIOR]), '减负意见.docx', { issuer: '省委办公厅' }) })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ title: '减负意见', issuer: '省委办公厅' })
  })
})

describe('评分使用模型', () => {
  it('服务把分类器交给引擎：报告注明规则与模型共同判断', async () => {
    const { openPgliteThread } = await import('../../server/db/pglite-thread')
    const seen: string[] = []
    const classifier: SentenceClassifier = {
      id: 'fake@1',
      thresholds: { tao: 0.5, burden: 0.5 },
      predict: async (sentences) => {
        seen.push(...sentences)
        return sentences.map((s) => ({ tao: s.includes('实实在在') ? 0.9 : 0.1, burden: 0.1 }))
      },
    }
    const env = await setup(() => openPgliteThread(), { classifier })
    const res = await env.call('POST', '/api/analyze', { token: env.tokens.reviewer, json: { text: '关于春耕的通知\n各村要确保取得实实在在的成效。各村每日报送春耕进度。' } })
    const report = ReportSchema.parse(await res.json())
    expect(report.classifier).toMatchObject({ used: true, id: 'fake@1' })
    // Its 套话 marks are picky (not shown by default): it is asked only about the burden demand.
    expect(seen).toEqual(['各村每日报送春耕进度。'])
    await env.db.close()
  })
})
