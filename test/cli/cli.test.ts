import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { ReportSchema } from '../../core'
import { run } from './run'

const SAMPLE = resolve(import.meta.dirname, '../../samples/draft-notice.txt')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'banwen-cli-'))
})

/** A minimal .docx: the parts Word needs for one paragraph per line. */
async function makeDocx(lines: string[]): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  const body = lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)
  return zip.generateAsync({ type: 'nodebuffer' })
}

describe('banwen check', () => {
  it('prints a Chinese report with the flagged spans', async () => {
    const r = await run(['check', SAMPLE])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/办文指数：\d+/)
    expect(r.stdout).toMatch(/【为深入贯彻落实全市道路交通安全工作会议精神】/)
    expect(r.stdout).toMatch(/隐形变异/)
  })

  it('prints a schema-valid report with --json', async () => {
    const r = await run(['check', '--json', SAMPLE])
    expect(r.code).toBe(0)
    const report = ReportSchema.parse(JSON.parse(r.stdout))
    expect(report.docType).toBe('工作提示')
    expect(report.flags.disguisedDirective).toBe(true)
  })

  it('shows the picky tier only with --strict, unscored, and counts deadlines from --today', async () => {
    const plain = ReportSchema.parse(JSON.parse((await run(['check', '--json', '--no-model', SAMPLE])).stdout))
    const strict = ReportSchema.parse(JSON.parse((await run(['check', '--json', '--no-model', '--strict', SAMPLE])).stdout))
    expect(plain.findings.every((f) => f.tier === 'default')).toBe(true)
    const picky = strict.findings.filter((f) => f.tier === 'picky')
    expect(picky.length).toBeGreaterThan(0)
    expect(picky.every((f) => f.points === 0)).toBe(true)
    expect(strict.score).toBe(plain.score)
    const r = await run(['check', '--json', '--no-model', '--today', '2026-03-04', '-'], '各乡镇：\n请于次日中午前报送统计数据。\n')
    expect(ReportSchema.parse(JSON.parse(r.stdout)).demands[0]).toMatchObject({ deadline: '次日', workdays: 1 })
    const bad = await run(['check', '--today', '明天', SAMPLE])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--today 须为 YYYY-MM-DD/)
  })

  it('exits 1 below --fail-under and 0 above it', async () => {
    const score = ReportSchema.parse(JSON.parse((await run(['check', '--json', SAMPLE])).stdout)).score
    expect((await run(['check', '--fail-under', String(Math.min(100, score + 1)), SAMPLE])).code).toBe(1)
    expect((await run(['check', '--fail-under', String(Math.max(0, score - 1)), SAMPLE])).code).toBe(0)
  })

  it('reads stdin with -, and takes --type', async () => {
    const r = await run(['check', '--json', '--type', '便函', '-'], '各村要在12月5日前上报名单。')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).docType).toBe('便函')
  })

  it('decodes GBK files and says so', async () => {
    const p = join(dir, 'gbk.txt')
    writeFileSync(p, iconv.encode('关于调整公交线路的通知\n8路公交车自12月1日起改经人民路。', 'gbk'))
    const r = await run(['check', p])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/GBK/)
    expect(r.stdout).toMatch(/文种：通知/)
  })

  it('reads .docx files', async () => {
    const p = join(dir, 'notice.docx')
    writeFileSync(p, await makeDocx(['关于调整公交线路的通知', '8路公交车自12月1日起改经人民路。']))
    const r = await run(['check', '--json', p])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).title).toBe('关于调整公交线路的通知')
  })

  it('gives clear errors (exit 2) for missing, empty, binary and old .doc input', async () => {
    const missing = await run(['check', join(dir, 'nope.txt')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/无法读取.*文件不存在/)
    writeFileSync(join(dir, 'empty.txt'), '  \n ')
    const empty = await run(['check', join(dir, 'empty.txt')])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/文本为空/)
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([1, 0, 2, 0, 3, 0, 0, 0]))
    expect((await run(['check', join(dir, 'bin.txt')])).stderr).toMatch(/二进制/)
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))
    expect((await run(['check', join(dir, 'old.doc')])).stderr).toMatch(/不支持旧版 \.doc/)
    expect((await run(['check'])).code).toBe(2)
    expect((await run(['frobnicate'])).stderr).toMatch(/未知命令/)
    expect((await run(['check', '--fail-under', 'abc', SAMPLE])).code).toBe(2)
  })

  it('shows every zod error path of a malformed rule file', async () => {
    const rules = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../core/ruleset/default/base.json'), 'utf8'))
    rules.rules = [{ id: 'Bad Id', kind: 'regex', pattern: '(', category: 'tao', severity: 'loud', title: 'x', message: 'y', examples: { bad: [], good: ['a'] } }]
    const p = join(dir, 'bad-rules.json')
    writeFileSync(p, JSON.stringify(rules))
    const r = await run(['check', '--rules', p, SAMPLE])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/rules\.0\.id/)
    expect(r.stderr).toMatch(/rules\.0\.pattern: 不是合法的正则表达式/)
    expect(r.stderr).toMatch(/rules\.0\.severity/)
    expect(r.stderr).toMatch(/rules\.0\.examples\.bad/)
    writeFileSync(p, '{not json')
    expect((await run(['check', '--rules', p, SAMPLE])).stderr).toMatch(/不是合法 JSON/)
  })

  it('audits a folder into a CSV summary and keeps going past a bad file', async () => {
    const folder = join(dir, 'audit')
    mkdirSync(join(folder, 'sub'), { recursive: true })
    writeFileSync(join(folder, 'a.txt'), readFileSync(SAMPLE))
    writeFileSync(join(folder, 'sub', 'b.md'), '关于调整公交线路的通知\n8路公交车自12月1日起改经人民路。')
    writeFileSync(join(folder, 'c.txt'), '')
    writeFileSync(join(folder, 'skip.png'), 'x')
    const out = join(dir, 'summary.csv')
    const r = await run(['check', folder, '--out', out])
    expect(r.code).toBe(2) // c.txt is empty: reported, not fatal
    expect(r.stderr).toMatch(/已审核 2 份（失败 1 份）/)
    const csv = readFileSync(out, 'utf8').replace(/^\ufeff/, '').trim().split('\n')
    expect(csv[0]).toMatch(/^文件,文种,字数,上限,办文指数/)
    expect(csv).toHaveLength(4)
    expect(csv.find((l) => l.startsWith('c.txt'))).toMatch(/文本为空/)
    const json = join(dir, 'summary.json')
    await run(['check', folder, '--out', json])
    expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveLength(3)
  })

  it('handles a 1 MB document', async () => {
    const p = join(dir, 'big.txt')
    const para = '东山镇今年新修村道3公里，投入资金120万元，惠及农户800户。各村要高度重视。\n'
    writeFileSync(p, para.repeat(Math.ceil(1_048_576 / Buffer.byteLength(para))))
    const r = await run(['check', '--json', p])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.flags.overCap).toBe(true)
    expect(report.chars).toBeGreaterThan(300_000)
  }, 60_000)
})

describe('banwen classify', () => {
  it('prints one JSON line per input line, rules only without a model', async () => {
    const r = await run(['classify', '--no-model'], '各单位要高度重视，切实提高政治站位。\n\n东山桥12月底完工。\n')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/仅按规则/)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(3)
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['tao', 'burden', 'taoHit', 'burdenHit']))
    expect(lines[1].empty).toBe(true)
    expect(lines[2].taoHit).toBe(false)
  })
})

describe('the CLI bundle', () => {
  it('reports the same from the cached bundle and through tsx, and is rebuilt when a source is newer', async () => {
    const bundled = JSON.parse((await run(['check', '--json', SAMPLE])).stdout)
    const tsx = JSON.parse((await run(['check', '--json', SAMPLE], undefined, 60_000, { BANWEN_NO_BUNDLE: '1' })).stdout)
    expect({ score: bundled.score, findings: bundled.findings }).toEqual({ score: tsx.score, findings: tsx.findings })
    const metaPath = resolve(import.meta.dirname, '../../node_modules/.cache/banwen-cli/meta.json')
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'))
    writeFileSync(metaPath, JSON.stringify({ ...meta, builtAt: 0 })) // as if every source changed since
    expect((await run(['check', SAMPLE])).code).toBe(0)
    expect(JSON.parse(readFileSync(metaPath, 'utf8')).dir).not.toBe(meta.dir)
  }, 60_000)
})
