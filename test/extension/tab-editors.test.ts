/** The background's per-tab registry of frames' editors and the cross-frame filing check, in Node. */
import { describe, expect, it, vi } from 'vitest'
import { createAnalyzer, defaultRuleSet, decideFiling } from '../../core'
import { editorsKey, FRAME_CHECK_MS, tabEditors } from '../../extension/lib/background/tab-editors'
import { combineDecisions, mainEntry } from '../../extension/lib/filing/entries'
import type { EditorSnapshot, FilingEntry } from '../../extension/lib/messages'
import { DRAFT } from '../fixtures/drafts'

const analyzer = createAnalyzer({ ruleSet: defaultRuleSet() })
const entry = (label: string, text: string): FilingEntry => {
  const report = analyzer.analyzeSync(text, { docType: '通知' })
  return { label, report, decision: decideFiling(report, analyzer.ruleSet.filing), docHash: label }
}
const snap = (id: string, text: string): EditorSnapshot => ({ id, label: '正文', report: analyzer.analyzeSync(text), findings: [], panelInFrame: false })

function fakeSession() {
  const data = new Map<string, unknown>()
  return {
    data,
    get: async (k: string) => (data.has(k) ? { [k]: structuredClone(data.get(k)) } : {}),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (k: string) => void data.delete(k),
  }
}

describe('tab editors registry', () => {
  it('keeps every frame that reports at once, tells the top frame about the others, forgets a frame with none left', async () => {
    const session = fakeSession()
    const sent: Array<{ frameId: number; msg: unknown }> = []
    const reg = tabEditors(session, { sendMessage: async (_t, msg, o) => void sent.push({ frameId: o.frameId, msg }) })
    await Promise.all([reg.record(7, 0, [snap('s1', DRAFT[1]!)]), reg.record(7, 3, [snap('s1', DRAFT[3]!)]), reg.record(7, 5, [snap('s2', DRAFT[4]!)])])
    expect(Object.keys(await reg.read(7)).sort()).toEqual(['0', '3', '5'])
    // Only updates from other frames go to the top frame, and never echo its own editors back.
    expect(sent.every((s) => s.frameId === 0)).toBe(true)
    expect(Object.keys((sent.at(-1)!.msg as { frames: object }).frames).sort()).toEqual(['3', '5'])
    const others = await reg.record(7, 3, [])
    expect(Object.keys(others)).toEqual(['5'])
    await reg.forget(7)
    expect(session.data.has(editorsKey(7))).toBe(false)
  })

  it('collects the other frames’ checks, leaving out the asking frame, garbage and frames that never answer', async () => {
    vi.useFakeTimers()
    try {
      const session = fakeSession()
      const asked: number[] = []
      const reg = tabEditors(session, {
        sendMessage: (_t, _m, { frameId }) => {
          asked.push(frameId)
          if (frameId === 2) return Promise.resolve([entry('正文', DRAFT.join('\n'))])
          if (frameId === 4) return Promise.resolve({ not: 'entries' })
          if (frameId === 6) return Promise.reject(new Error('frame gone'))
          return new Promise(() => {}) // frame 8 hangs
        },
      })
      for (const f of [0, 2, 4, 6, 8]) await reg.record(1, f, [snap('s', DRAFT[1]!)])
      asked.length = 0
      const got = reg.collect(1, 0)
      await vi.advanceTimersByTimeAsync(FRAME_CHECK_MS + 10)
      const entries = await got
      expect(asked.sort()).toEqual([2, 4, 6, 8])
      expect(entries.map((e) => e.label)).toEqual(['正文'])
      // The registry emptied (the tab's URL changed) while the top frame still knows frame 2: it is asked.
      await reg.forget(1)
      asked.length = 0
      const again = reg.collect(1, 0, [2, 0])
      await vi.advanceTimersByTimeAsync(10)
      expect((await again).map((e) => e.label)).toEqual(['正文'])
      expect(asked).toEqual([2])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('combining editors in one filing check', () => {
  it('takes the strictest decision, names the editor in each reason, files the longest text', () => {
    const body = entry('正文', DRAFT.join('\n'))
    const opinion = entry('拟办意见', '拟同意。')
    const d = combineDecisions([opinion, body])
    expect(body.decision.action).not.toBe('pass')
    expect(opinion.decision.action).toBe('pass')
    expect(d.action).toBe(body.decision.action)
    expect(d.reasons.length).toBeGreaterThan(0)
    expect(d.reasons.every((r) => r.startsWith('正文：'))).toBe(true)
    expect(mainEntry([opinion, body])).toBe(body)
    expect(combineDecisions([body]).reasons).toEqual(body.decision.reasons)
    expect(mainEntry([])).toBeUndefined()
  })
})
