/** The .docx reader under hostile input: bombs, lies, truncation, odd packages; and its fidelity. */
import { crc32 } from 'node:zlib'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { MAX_DOCX_CHARS, MAX_PART_BYTES, MAX_ZIP_ENTRIES, WordTextScanner } from '../../node/docx-text'
import { DocumentReadError, readDocument } from '../../node/read-document'
import { deflated, docx, docxBomb, docxEntries, documentXml, W_NS, zipFile, type RawEntry } from '../fixtures/zip'

const read = (bytes: Uint8Array) => readDocument(bytes, 'x.docx')
const refused = async (bytes: Uint8Array, why: RegExp) => {
  const err = await read(bytes).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DocumentReadError)
  expect((err as Error).message).toMatch(why)
}
const main = (body: string) => deflated('word/document.xml', documentXml(body))
const stored = (name: string, content: string | Buffer): RawEntry => {
  const data = Buffer.from(content)
  return { name, method: 0, data, crc: crc32(data), size: data.length }
}

describe('.docx text', () => {
  it('reads paragraphs, tables, tabs, breaks and entities; skips tab stops, deleted text and field codes', async () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">总体要求 </w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>甲&amp;乙&lt;丙&gt;&#x4E01;&#25098;</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>' +
      '<w:p><w:del w:id="1"><w:r><w:delText>删去的字</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>保留</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单元格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p/><w:p><w:r><w:t><![CDATA[<原样>]]></w:t></w:r></w:p>'
    const { text, format } = await read(zipFile(docxEntries(main(body))))
    expect(format).toBe('docx')
    expect(text).toBe('一、\t总体要求 \n甲&乙<丙>丁戊\n第二行\n保留\n单元格一\n单元格二\n<原样>\n')
  })

  it('reads a text box once, from its fallback, and follows a renamed main part and another prefix', async () => {
    const mc = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
    const xml = `<?xml version="1.0"?><x:document xmlns:x="${W_NS}" xmlns:m="${mc}"><x:body><x:p><x:r><m:AlternateContent><m:Choice Requires="wps"><x:txbxContent><x:p><x:r><x:t>框内</x:t></x:r></x:p></x:txbxContent></m:Choice><m:Fallback><x:txbxContent><x:p><x:r><x:t>框内</x:t></x:r></x:p></x:txbxContent></m:Fallback></m:AlternateContent></x:r></x:p><x:p><x:r><x:t>正文</x:t></x:r></x:p></x:body></x:document>`
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main2.xml"/></Relationships>`
    const { text } = await read(zipFile([deflated('_rels/.rels', rels), stored('word/main2.xml', xml)]))
    expect(text).toBe('框内\n正文\n')
  })

  it('gives the same text as mammoth on an ordinary document', async () => {
    const lines = ['关于做好冬季道路安全工作的通知', '各乡镇：', '一、12月1日前完成桥梁检查。', 'A & B <test>']
    const bytes = docx(lines.map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    const ours = (await read(bytes)).text
    const theirs = (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\n{2,}/g, '\n')
    expect(ours).toBe(theirs)
    expect(ours).toBe(lines.join('\n') + '\n')
  })

  it('scans XML split at any point the same way', () => {
    const xml = documentXml('<w:p><w:r><w:t xml:space="preserve">甲 &amp; 乙</w:t></w:r></w:p><!-- a > b --><w:p><w:r><w:t a="x>y">丙</w:t></w:r></w:p>')
    for (let cut = 1; cut < xml.length; cut += 7) {
      const s = new WordTextScanner()
      s.write(xml.slice(0, cut))
      s.write(xml.slice(cut))
      expect(s.end()).toBe('甲 & 乙\n丙\n')
    }
  })
})

describe('.docx under hostile input', () => {
  it('refuses a 300 MB bomb from its declared size, before inflating', async () => {
    await refused(docxBomb(300), /解压后超过 32 MB（疑似压缩炸弹）/)
  })

  it('refuses a bomb whose directory lies about its size, by the streaming cap', async () => {
    await refused(docxBomb(300, { declaredSize: 1000, textless: true }), /解压后超过 32 MB/)
    expect(MAX_PART_BYTES).toBe(32 * 1024 * 1024)
  })

  it('refuses a lying bomb full of text at the character cap', async () => {
    await refused(docxBomb(300, { declaredSize: 1000 }), new RegExp(`超过 ${MAX_DOCX_CHARS} 字的上限`))
  })

  it('refuses a part that inflates to other than its declared size, or fails its CRC', async () => {
    const e = main('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')
    await refused(zipFile(docxEntries({ ...e, declaredSize: e.size - 5 })), /大小或校验和不符/)
    await refused(zipFile(docxEntries({ ...e, crc: e.crc ^ 1 })), /大小或校验和不符/)
  })

  it('refuses too many entries from the directory count alone', async () => {
    const many = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => stored(`f/${i}`, ''))
    await refused(zipFile([...docxEntries(main('')), ...many]), /文件过多（10004 个，上限 10000 个）/)
  })

  it('refuses truncated files, wherever they are cut', async () => {
    const bytes = docx(['第一段', '第二段'])
    for (const keep of [0.1, 0.5, 0.9, 0.99]) await refused(bytes.subarray(0, Math.floor(bytes.length * keep)), /损坏或不完整/)
    await refused(new Uint8Array(0), /损坏或不完整/)
    // The directory survives but the part's data is cut, or claimed to run past the end of the file.
    const e = main('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')
    await refused(zipFile(docxEntries({ ...e, data: e.data.subarray(0, 4) })), /无法解开/)
    await refused(zipFile(docxEntries({ ...e, declaredCompressedSize: 1e6 })), /数据被截断/)
  })

  it('refuses corrupt compressed data, encryption, unknown methods and duplicate parts', async () => {
    const e = main('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')
    await refused(zipFile(docxEntries({ ...e, data: Buffer.alloc(e.data.length, 0xff) })), /无法解开/)
    await refused(zipFile(docxEntries({ ...e, flags: 0x801 })), /已加密/)
    await refused(zipFile(docxEntries({ ...e, method: 12 as 8 })), /不支持的压缩方式/)
    await refused(zipFile([...docxEntries(e), e]), /重名/)
  })

  it('refuses a zip that is not a Word document, and does not follow a relationship out of the package', async () => {
    await refused(zipFile([deflated('readme.txt', '你好')]), /没有正文部件/)
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="../../etc/passwd"/></Relationships>`
    await refused(zipFile([deflated('_rels/.rels', rels), main('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')]), /没有正文部件/)
  })

  it('reads a .docx nested as the main part of another as no text, and a renamed .docx inside as bytes only', async () => {
    const inner = docx(['里层'])
    expect((await read(zipFile(docxEntries(stored('word/document.xml', inner))))).text).not.toMatch(/里层/)
    const outer = zipFile([...docxEntries(main('<w:p><w:r><w:t>外层</w:t></w:r></w:p>')), stored('word/embeddings/inner.docx', inner)])
    expect((await read(outer)).text).toBe('外层\n')
  })

  it('refuses an unclosed tag that never ends', async () => {
    const xml = documentXml('') + '<w:p a="' + 'x'.repeat(2 * 1024 * 1024)
    await refused(zipFile(docxEntries(deflated('word/document.xml', xml))), /标记过长/)
  })
})
