/** The events the content script builds: a filed event carries the burden profile, never the words. */
import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../../core'
import { bundledConfig } from '../../extension/lib/config'
import { buildEvent } from '../../extension/lib/telemetry'
import { DRAFT, TITLE } from '../fixtures/drafts'

const text = DRAFT.join('\n')
const report = createAnalyzer().analyzeSync(text, { title: TITLE, docType: '通知', today: '2026-03-02' })
const config = { ...bundledConfig(), unit: '测试县交通运输局', user: 'u-test0001' }
const hash = 'a'.repeat(64)

describe('buildEvent', () => {
  it('puts the 主送 phrases and module counts on a filed event, and no sentence of the draft', () => {
    const event = buildEvent('filed', report, config, { action: 'pass', docHash: hash })!
    expect(event).not.toBeNull()
    expect(event.burden!.recipients.map((r) => [r.text, r.group, r.all])).toEqual([
      ['各乡镇（街道）', 'township', true],
      ['县直有关单位', 'department', true],
    ])
    // 台账 and 照片 are 留痕; 每日报送 recurs; 一票否决 is 考核评比.
    expect(event.burden!.modules.留痕!.demands).toBeGreaterThanOrEqual(2)
    expect(event.burden!.modules.考核评比!.demands).toBeGreaterThanOrEqual(1)
    expect(event.burden!.recurring.some((r) => r.frequency === 'daily')).toBe(true)
    const sent = JSON.stringify(event)
    for (const line of DRAFT.slice(1)) for (let i = 0; i + 8 <= line.length; i += 4) expect(sent).not.toContain(line.slice(i, i + 8))
    expect(sent).not.toContain(TITLE)
  })

  it('leaves the profile off every other kind of event', () => {
    for (const kind of ['analyzed', 'override', 'apply'] as const) expect(buildEvent(kind, report, config, { docHash: hash })!.burden).toBeUndefined()
  })

  it('still sends the filed event when a 主送 phrase breaks the contract', () => {
    const odd = { ...report, recipients: [{ ...report.recipients[0]!, text: '各乡镇\uD800（街道）' }] }
    const event = buildEvent('filed', odd, config, { action: 'pass', docHash: hash })
    expect(event).not.toBeNull()
    expect(event!.burden).toBeUndefined()
    expect(event!.kind).toBe('filed')
  })
})
