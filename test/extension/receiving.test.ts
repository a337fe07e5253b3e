/** The receiving side in the extension, in Node: the background's calls and the 收文 form's demand list. */
import { describe, expect, it } from 'vitest'
import { createAnalyzer, filedBurden, type SiteProfile } from '../../core'
import { receivingHandlers } from '../../extension/lib/background/receiving'
import { serviceClient, type Fetch } from '../../extension/lib/background/service'
import { impactWarns } from '../../extension/lib/filing/impact'
import { demandOptions } from '../../extension/lib/inbox/demands'
import { findProfile } from '../../extension/lib/page/profile'

const notice = ['各乡镇（街道）：', '各乡镇要建立巡查台账，至6月30日每周五报送进展情况，每月召开一次调度会。', '请于5月20日前报送工作方案。', '县农业农村局', '2026年5月12日'].join('\n')
const report = createAnalyzer().analyzeSync(notice)
const hash = 'b'.repeat(64)

function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; body: string | undefined; auth: string | undefined }> = []
  const f: Fetch = async (url, init) => {
    calls.push({ url, body: init.body as string | undefined, auth: (init.headers as Record<string, string>).Authorization })
    return answer(url, init)
  }
  return { f, calls }
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const handlersWith = (f: Fetch) => receivingHandlers(async () => serviceClient('http://svc', 'tok', f))
const sender = {}

const impact = {
  period: { kind: 'week', from: '2026-05-11', to: '2026-05-18' },
  recipients: [{ unit: '东山镇', level: 'township', before: { index: 20, code: 'yellow' }, after: { index: 31, code: 'red' } }],
  unresolved: [],
  added: { 每周报送: 1 },
  line: '发出后：1 个乡镇（街道）转为红码（每周报送 +1）',
}

describe('monitor:impact', () => {
  it('sends the burden profile only, with the token, and returns the impact', async () => {
    const { f, calls } = fakeFetch(() => json(200, impact))
    const res = await handlersWith(f)['monitor:impact']({ type: 'monitor:impact', burden: filedBurden(report) }, sender)
    expect(res).toEqual({ impact })
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('http://svc/api/monitor/impact')
    expect(calls[0]!.auth).toBe('Bearer tok')
    const body = JSON.parse(calls[0]!.body!)
    expect(Object.keys(body)).toEqual(['burden'])
    expect(calls[0]!.body).not.toContain('巡查台账')
    expect(calls[0]!.body).not.toContain('工作方案')
  })

  it('gives up after its short timeout when the service hangs', async () => {
    const { f } = fakeFetch((_u, init) => new Promise((_ok, fail) => init.signal!.addEventListener('abort', () => fail(init.signal!.reason))))
    const t0 = Date.now()
    const res = await handlersWith(f)['monitor:impact']({ type: 'monitor:impact', burden: filedBurden(report) }, sender)
    expect(res).toEqual({ error: '无法连接办文服务，请稍后再试', status: 0 })
    expect(Date.now() - t0).toBeLessThan(5000)
  })

  it('refuses an answer that is not an impact', async () => {
    const { f } = fakeFetch(() => json(200, { line: 3 }))
    const res = await handlersWith(f)['monitor:impact']({ type: 'monitor:impact', burden: filedBurden(report) }, sender)
    expect(res).toMatchObject({ status: -1 })
  })

  it('answers without a call when no service is set', async () => {
    const res = await receivingHandlers(async () => null)['monitor:impact']({ type: 'monitor:impact', burden: filedBurden(report) }, sender)
    expect(res).toMatchObject({ status: 0, error: expect.stringContaining('未设置') })
  })
})

describe('ratings and 直报', () => {
  it("passes on the service's Chinese message for 403, and ours when it sent none", async () => {
    const rating = { docHash: hash, effect: '差' as const, burden: '重' as const, mergeable: true, unnecessary: false, heaviest: { module: '报表材料' as const, kind: 'report' } }
    const own = fakeFetch(() => json(403, { error: { code: 'not_recipient', message: '本单位不是该文件的主送单位' } }))
    expect(await handlersWith(own.f)['rating:send']({ type: 'rating:send', rating }, sender)).toEqual({ error: '本单位不是该文件的主送单位', status: 403 })
    expect(JSON.parse(own.calls[0]!.body!)).toEqual(rating)
    const bare = fakeFetch(() => new Response('<html>', { status: 403 }))
    expect(await handlersWith(bare.f)['rating:send']({ type: 'rating:send', rating }, sender)).toEqual({ error: '无权执行此操作', status: 403 })
  })

  it('checks a 直报 before sending it: over 300 字 never leaves', async () => {
    const { f, calls } = fakeFetch(() => json(201, { id: 'r1' }))
    const h = handlersWith(f)
    const long = await h['direct-report:send']({ type: 'direct-report:send', report: { module: '留痕', docHash: hash, text: '台'.repeat(301), anonymous: true } }, sender)
    expect(long).toMatchObject({ status: 400 })
    expect(calls).toHaveLength(0)
    expect(await h['direct-report:send']({ type: 'direct-report:send', report: { module: '留痕', docHash: hash, text: '每周都要补拍照片。', anonymous: true } }, sender)).toEqual({ id: 'r1' })
    expect(calls[0]!.url).toBe('http://svc/api/direct-reports')
  })

  it('reads what the service knows of a received document', async () => {
    const { f, calls } = fakeFetch(() => json(200, { known: true, issuer: '县农业农村局', docType: '通知', filedAt: '2026-05-12T02:00:00Z', recipients: 4, isRecipient: true, mine: null }))
    const res = await handlersWith(f)['received:get']({ type: 'received:get', docHash: hash }, sender)
    expect(res).toMatchObject({ received: { known: true, issuer: '县农业农村局', isRecipient: true } })
    expect(calls[0]!.url).toBe(`http://svc/api/received/${hash}`)
    expect(await handlersWith(f)['received:get']({ type: 'received:get', docHash: '../x' }, sender)).toMatchObject({ status: 400 })
  })
})

describe('the 收文 form', () => {
  it('offers each demand once by module, kind and frequency, with no words of the clause in the value', () => {
    const options = demandOptions(report, notice)
    expect(options.map((o) => o.label)).toEqual(expect.arrayContaining(['留痕 · 台账留痕', '报表材料 · 每周报送', '会议文件 · 每月开会', '报表材料 · 报送']))
    for (const o of options) expect(Object.keys(o.value).sort()).toEqual(['kind', 'module'])
  })

  it('takes a 收文 profile before a 拟稿 profile whose pattern covers it', () => {
    const profiles: SiteProfile[] = [
      { name: '拟稿', match: 'https://oa.example.gov.cn/*', editor: '#content', submit: [], role: 'draft' },
      { name: '收文', match: 'https://oa.example.gov.cn/inbox/*', editor: '#docBody', submit: [], role: 'inbox' },
    ]
    expect(findProfile(profiles, 'https://oa.example.gov.cn/inbox/12')?.name).toBe('收文')
    expect(findProfile(profiles, 'https://oa.example.gov.cn/draft/12')?.name).toBe('拟稿')
  })
})

describe('holding a passing draft', () => {
  const view = (before: [number, 'green' | 'yellow' | 'red'], after: [number, 'green' | 'yellow' | 'red']) =>
    ({ state: 'ready', impact: { ...impact, recipients: [{ unit: '东山镇', level: 'township', before: { index: before[0], code: before[1] }, after: { index: after[0], code: after[1] } }] } }) as Parameters<typeof impactWarns>[0]
  it('holds it when a recipient turns yellow or red, or a red one gets more', () => {
    expect(impactWarns(view([20, 'yellow'], [31, 'red']))).toBe(true)
    expect(impactWarns(view([10, 'green'], [16, 'yellow']))).toBe(true)
    expect(impactWarns(view([40, 'red'], [44, 'red']))).toBe(true)
  })
  it('lets it through when codes stay green or yellow, it adds nothing, or the service is down', () => {
    expect(impactWarns(view([2, 'green'], [5, 'green']))).toBe(false)
    expect(impactWarns(view([16, 'yellow'], [20, 'yellow']))).toBe(false)
    expect(impactWarns(view([40, 'red'], [40, 'red']))).toBe(false)
    expect(impactWarns({ state: 'down', message: '无法连接办文服务' })).toBe(false)
    expect(impactWarns(null)).toBe(false)
  })
})
