/**
 * The service's /api/analyze on hostile .docx uploads (the reader is node/read-document.ts, shared
 * with the CLI): refused with a Chinese 422. How long the event loop is blocked meanwhile is a
 * figure in `npm run bench` (bench/cli.ts), not an assertion here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docx, docxBomb } from '../fixtures/zip'
import { setup, STORES, type Env } from './helpers'

const form = (file: Uint8Array, name: string) => {
  const fd = new FormData()
  fd.set('file', new File([file as Uint8Array<ArrayBuffer>], name))
  return fd
}

describe('/api/analyze with hostile .docx uploads', () => {
  let env: Env
  beforeAll(async () => {
    env = await setup(STORES[0].open)
  })
  afterAll(() => env.db.close())
  const analyze = (bytes: Uint8Array, name: string) => env.call('POST', '/api/analyze', { token: env.tokens.reviewer, body: form(bytes, name) })

  it('refuses bombs, truncated and fake .docx with a Chinese 422', async () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      [docxBomb(300), /解压后超过 32 MB（疑似压缩炸弹）/],
      [docxBomb(300, { declaredSize: 4096, textless: true }), /解压后超过 32 MB/],
      [docxBomb(300, { declaredSize: 4096 }), /字的上限/],
      [docx(['第一段', '第二段']).subarray(0, 200), /损坏或不完整/],
      [new TextEncoder().encode('不是压缩包'), /损坏或不完整/],
    ]
    for (const [bytes, why] of cases) {
      const res = await analyze(bytes, '炸弹.docx')
      expect(res.status).toBe(422)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('unreadable_document')
      expect(body.error.message).toMatch(why)
    }
  })
})
