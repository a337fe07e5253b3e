import type { Rule, RuleSet } from '../../core'

export interface RuleSetDiff {
  from: string
  to: string
  /** Top-level parts that changed: caps, scoring, filing, guards, docTypes… */
  sections: string[]
  added: Array<{ id: string; title: string }>
  removed: Array<{ id: string; title: string }>
  changed: Array<{ id: string; title: string; fields: string[] }>
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** What changed between two rule sets, rule by rule and field by field. */
export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetDiff {
  const sections = (Object.keys({ ...a, ...b }) as Array<keyof RuleSet>).filter((k) => k !== 'rules' && k !== 'version' && !same(a[k], b[k]))
  const before = new Map(a.rules.map((r) => [r.id, r]))
  const after = new Map(b.rules.map((r) => [r.id, r]))
  const changed: RuleSetDiff['changed'] = []
  for (const [id, r] of after) {
    const old = before.get(id)
    if (!old) continue
    const fields = (Object.keys({ ...old, ...r }) as Array<keyof Rule>).filter((k) => !same((old as Record<string, unknown>)[k], (r as Record<string, unknown>)[k]))
    if (fields.length) changed.push({ id, title: r.title, fields: fields as string[] })
  }
  return {
    from: a.version,
    to: b.version,
    sections: sections as string[],
    added: b.rules.filter((r) => !before.has(r.id)).map((r) => ({ id: r.id, title: r.title })),
    removed: a.rules.filter((r) => !after.has(r.id)).map((r) => ({ id: r.id, title: r.title })),
    changed,
  }
}
