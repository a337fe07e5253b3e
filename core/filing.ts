import type { Report } from './schema/report'
import type { FilingPolicy } from './schema/ruleset'

export type FilingAction = 'pass' | 'warn' | 'justify' | 'block'

export interface FilingDecision {
  action: FilingAction
  reasons: string[]
}

const RANK: Record<FilingAction, number> = { pass: 0, warn: 1, justify: 2, block: 3 }
const FLAG_TEXT = {
  overCap: '篇幅超过上限',
  disguisedDirective: '以非正式文种部署工作（隐形变异）',
  frame: '穿靴戴帽',
  copied: '照抄照搬上级文件',
} as const

/** What the filing check does with a report: the rule set's policy, applied. */
export function decideFiling(report: Report, policy: FilingPolicy, copiedLimit = 0.5): FilingDecision {
  let action: FilingAction = 'pass'
  const reasons: string[] = []
  const raise = (a: FilingAction, why: string) => {
    if (RANK[a] > RANK[action]) action = a
    reasons.push(why)
  }
  const s = report.score
  if (s < policy.blockBelow) raise('block', `办文指数 ${s} 低于禁止提交线 ${policy.blockBelow}`)
  else if (s < policy.justifyBelow) raise('justify', `办文指数 ${s} 低于 ${policy.justifyBelow}，提交需说明理由`)
  else if (s < policy.warnBelow) raise('warn', `办文指数 ${s} 低于 ${policy.warnBelow}`)
  const flags = {
    overCap: report.flags.overCap,
    disguisedDirective: report.flags.disguisedDirective,
    frame: report.flags.frame,
    copied: (report.flags.copiedShare ?? 0) > copiedLimit,
  }
  for (const f of Object.keys(flags) as Array<keyof typeof flags>) {
    if (!flags[f]) continue
    if (policy.blockOn.includes(f)) raise('block', FLAG_TEXT[f])
    else if (policy.justifyOn.includes(f)) raise('justify', FLAG_TEXT[f])
    else if (action === 'pass') raise('warn', FLAG_TEXT[f])
  }
  return { action, reasons }
}
