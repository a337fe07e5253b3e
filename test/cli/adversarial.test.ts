/**
 * The CLI as a hostile or careless user meets it: bombs, truncated and binary files, special
 * files, huge text, bad options. Each must end by itself (no hang) with a Chinese message and
 * no stack trace. Timing and memory figures are in `npm run bench`, not asserted here.
 */
import { execFile, execFileSync } from 'node:child_process'
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docx, docxBomb } from '../fixtures/zip'
import { BIN, run, type Run } from './run'

let dir: string
let socket: Server
const at = (...p: string[]) => join(dir, ...p)
const SMALL = '关于调整公交线路的通知\n8路公交车自12月1日起改经人民路。\n'

/** Exit 2 in time, the expected Chinese reason, no stack, no English error class. */
function refused(r: Run, why: RegExp) {
  expect(r.killed, 'the CLI hung').toBe(false)
  expect(r.stderr).toMatch(why)
  expect(r.stderr).not.toMatch(/^\s+at \S/m)
  expect(r.stderr).not.toMatch(/\b(Error|ENOENT|EACCES|EISDIR|Unexpected|Invalid|expected)\b/)
  expect(r.code).toBe(2)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'banwen-adv-'))
  mkdirSync(at('audit', 'sub'), { recursive: true })
  writeFileSync(at('audit', 'a.txt'), SMALL)
  writeFileSync(at('audit', 'sub', 'gbk.md'), iconv.encode(SMALL, 'gbk'))
  execFileSync('mkfifo', [at('audit', 'pipe.txt')])
  execFileSync('mkfifo', [at('fifo.txt')])
  socket = createServer()
  await new Promise<void>((ok) => socket.listen(at('audit', 'sock.md'), ok))
})

afterAll(async () => {
  await new Promise((ok) => socket.close(ok))
  rmSync(dir, { recursive: true, force: true })
})

describe('banwen check: hostile documents', () => {
  it('refuses a 300 MB .docx bomb, honest or lying about its size', async () => {
    writeFileSync(at('bomb.docx'), docxBomb(300))
    refused(await run(['check', at('bomb.docx')], undefined, 20_000), /bomb\.docx：.*解压后超过 32 MB（疑似压缩炸弹）/)
    writeFileSync(at('liar.docx'), docxBomb(300, { declaredSize: 4096, textless: true }))
    refused(await run(['check', at('liar.docx')], undefined, 20_000), /liar\.docx：.*解压后超过 32 MB/)
  })

  it('refuses truncated, empty and renamed non-zip .docx files', async () => {
    const good = docx(['关于调整公交线路的通知', '8路公交车自12月1日起改经人民路。'])
    writeFileSync(at('cut.docx'), good.subarray(0, good.length >> 1))
    refused(await run(['check', at('cut.docx')]), /cut\.docx：文件已损坏或不完整/)
    writeFileSync(at('zero.docx'), '')
    refused(await run(['check', at('zero.docx')]), /zero\.docx：文件已损坏或不完整/)
    writeFileSync(at('text.docx'), SMALL)
    refused(await run(['check', at('text.docx')]), /text\.docx：文件已损坏或不完整/)
  })

  it('refuses binary and undecodable text, and empty files', async () => {
    writeFileSync(at('bin.md'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]))
    refused(await run(['check', at('bin.md')]), /二进制文件/)
    writeFileSync(at('noise.txt'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 2 ? 0x80 : 0xff))))
    refused(await run(['check', at('noise.txt')]), /无法识别文件编码/)
    writeFileSync(at('empty.txt'), '')
    refused(await run(['check', at('empty.txt')]), /文本为空/)
  })

  it('reads GBK and GB18030 four-byte characters', async () => {
    writeFileSync(at('gb.txt'), iconv.encode('关于𠀾村道路维修的通知\n8路公交车改经人民路。', 'gb18030'))
    const r = await run(['check', '--json', at('gb.txt')])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).title).toBe('关于𠀾村道路维修的通知')
  })

  it('refuses a file over the size limit before reading it, and the same on stdin', async () => {
    const fd = openSync(at('huge.txt'), 'w')
    ftruncateSync(fd, 2 * 1024 ** 3) // sparse: 2 GB that take no disk
    closeSync(fd)
    refused(await run(['check', at('huge.txt')], undefined, 20_000), /文件过大（2048\.0 MB），上限 20 MB/)
    refused(await run(['check', '-'], Buffer.alloc(21 * 1024 * 1024, 0x41), 20_000), /标准输入：文件过大/)
  })

  it('checks a 15 MB text full of findings', async () => {
    const para = '东山镇今年新修村道3公里，投入资金120万元，惠及农户800户。各村要高度重视，切实提高政治站位。\n'
    mkdirSync(at('big'))
    writeFileSync(at('big', 'big.txt'), para.repeat(Math.ceil((15 * 1048576) / Buffer.byteLength(para))))
    // As a one-file audit, so the figures come back in a small CSV beside a very long report.
    const r = await run(['check', at('big'), '--out', at('big.csv')], undefined, 180_000)
    expect(r.code).toBe(0)
    expect(r.stdoutBytes).toBeGreaterThan(15 * 1048576)
    const [, row] = readFileSync(at('big.csv'), 'utf8').trim().split('\n')
    const [file, , chars, , , , tao] = row!.split(',')
    expect(file).toBe('big.txt')
    expect(Number(chars)).toBeGreaterThan(5_000_000)
    // One default-tier 套话 mark per paragraph (提高政治站位); 高度重视 is 严格模式 only.
    expect(Number(tao)).toBeGreaterThan(100_000)
  }, 240_000)
})

describe('banwen check: special files', () => {
  it('skips a FIFO and a socket in an audited folder with a note, and audits the rest', async () => {
    const r = await run(['check', at('audit'), '--out', at('audit.csv')], undefined, 20_000)
    expect(r.killed, 'the CLI hung on a FIFO').toBe(false)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/注：.*pipe\.txt：这是命名管道（FIFO），已跳过/)
    expect(r.stderr).toMatch(/注：.*sock\.md：这是套接字，已跳过/)
    expect(r.stderr).toMatch(/已审核 2 份（失败 0 份）/)
    expect(readFileSync(at('audit.csv'), 'utf8')).toMatch(/sub\/gbk\.md,通知/)
  })

  it('refuses a FIFO or a device given directly, at once', async () => {
    refused(await run(['check', at('fifo.txt')], undefined, 10_000), /fifo\.txt：这是命名管道（FIFO），这里只能用普通文件/)
    refused(await run(['check', '/dev/zero'], undefined, 10_000), /这是设备文件/)
    symlinkSync(at('fifo.txt'), at('link-to-fifo.txt'))
    refused(await run(['check', at('link-to-fifo.txt')], undefined, 10_000), /命名管道/)
    refused(await run(['check', '--rules', at('fifo.txt'), at('audit', 'a.txt')], undefined, 10_000), /命名管道/)
    refused(await run(['check', '--rules', at('audit'), at('audit', 'a.txt')]), /audit：这是文件夹/)
    refused(await run(['check', '--superior', at('audit'), at('audit', 'a.txt')]), /audit：这是文件夹/)
  })
})

describe('banwen check: bad options', () => {
  it('refuses --out into a missing folder or onto a folder before auditing', async () => {
    const missing = await run(['check', at('audit'), '--out', at('nowhere', 'x.csv')])
    refused(missing, /--out 所在的文件夹 .*nowhere 不存在/)
    expect(missing.stdout).toBe('')
    refused(await run(['check', at('audit'), '--out', at('audit')]), /--out .*audit 是一个文件夹/)
    refused(await run(['check', at('audit'), '--out', '/dev/null']), /不是普通文件/)
  })

  it('words --rules problems in Chinese: missing file, bad JSON, wrong types', async () => {
    refused(await run(['check', '--rules', at('none.json'), at('audit', 'a.txt')]), /无法读取 .*none\.json：文件不存在/)
    writeFileSync(at('broken.json'), '{"id": "x",')
    refused(await run(['check', '--rules', at('broken.json'), at('audit', 'a.txt')]), /不是合法 JSON（内容不完整）/)
    writeFileSync(at('types.json'), JSON.stringify({ id: 7, rules: [{ id: 'a' }] }))
    const r = await run(['check', '--rules', at('types.json'), at('audit', 'a.txt')])
    refused(r, /id: 应为字符串，实际是数字/)
    expect(r.stderr).toMatch(/version: 缺少此项（应为字符串）/)
    expect(r.stderr).toMatch(/rules\.0\.kind: 「kind」缺少或取值不在允许范围内/)
  })

  it('words option errors in Chinese', async () => {
    refused(await run(['check', '--frobnicate', at('audit', 'a.txt')]), /未知选项 --frobnicate/)
    refused(await run(['check', '--type']), /选项 --type 缺少值/)
    refused(await run(['check', '--json=yes', at('audit', 'a.txt')]), /选项 --json 不带值/)
    refused(await run(['check', at('nope.txt')]), /无法读取 .*nope\.txt：文件不存在/)
    refused(await run(['check', '--cap-preset', 'atlantis', at('audit', 'a.txt')]), /atlantis/)
  })

  it('stops quietly when the reader of its output goes away', async () => {
    writeFileSync(at('many.txt'), '各村要高度重视，切实提高政治站位。\n'.repeat(20_000))
    const r = await new Promise<{ stderr: string }>((done) =>
      execFile('sh', ['-c', `"${process.execPath}" "${BIN}" check "${at('many.txt')}" | head -1`], { env: { ...process.env, BANWEN_NO_MODEL: '1' }, timeout: 120_000 }, (_, __, stderr) => done({ stderr })),
    )
    expect(r.stderr).toBe('')
  }, 150_000)
})
