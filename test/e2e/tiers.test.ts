/** 严格模式 in the editor: the picky tier is shown only when the drafter turns it on, and never scored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultRuleSet } from '../../core'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { launchWithExtension, type Launched } from './browser'
import { hostData, openDraft, typeDraft } from './page'

// A default-tier phrase and a picky one, from the bundled rule set as it stands.
const phraseOf = (tier: 'default' | 'picky') => {
  const r = defaultRuleSet().rules.find((x) => x.kind === 'phrase' && x.category === 'tao' && x.tier === tier && (x.judged?.n ?? 0) >= 10)!
  return (r as { phrases: string[] }).phrases[0]!
}

let demo: DemoServer
let normal: Launched
let strict: Launched

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 })
  normal = await launchWithExtension({ strict: false })
  strict = await launchWithExtension({ strict: true })
}, 180_000)

afterAll(async () => {
  await normal?.close()
  await strict?.close()
  await demo?.close()
})

describe('严格模式', () => {
  it('shows only default-tier marks unless the drafter turns it on, and scores the same', async () => {
    const lines = [`各单位要${phraseOf('default')}。`, `各单位要${phraseOf('picky')}。`]
    const seen: Array<{ findings: number; score: number }> = []
    for (const b of [normal, strict]) {
      const page = await b.context.newPage()
      await openDraft(page, demo.url, 'textarea')
      await typeDraft(page, 'textarea', lines)
      await page.waitForFunction(() => Number(document.querySelector('banwen-root')?.getAttribute('data-findings') ?? 0) >= 1, null, { timeout: 10_000 })
      await page.waitForTimeout(600)
      const h = await hostData(page)
      seen.push({ findings: Number(h.findings), score: Number(h.score) })
      await page.close()
    }
    expect(seen[1]!.findings).toBeGreaterThan(seen[0]!.findings)
    expect(seen[1]!.score).toBe(seen[0]!.score)
  }, 60_000)
})
