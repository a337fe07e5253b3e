import { decideFiling } from '../../../../core/filing'
import type { FilingDecision, Finding, Report, RuleSet } from '../../../../core'
import { ACTION, CATEGORY, CATEGORY_ORDER, date, dateTime, num, pct } from '../format'
import type { FiledRecord, OverrideNote } from '../types'

/** What the 为基层减负一致性评估 sheet needs; built from a fresh report or from a filed record. */
export interface SheetData {
  title: string
  unit: string | null
  docType: string
  when: string
  score: number
  grade: string
  chars: number
  cap: number | null
  capSource: string | null
  copiedShare: number | null
  overCap: boolean | null
  disguised: boolean | null
  frame: boolean | null
  categories: Record<string, number>
  breakdown: Report['breakdown'] | null
  findings: Array<{ category: string; excerpt: string; message: string }>
  overrides: OverrideNote[]
  decision: FilingDecision | null
  docHash: string | null
  rulesetVersion: string
}

export function sheetFromReport(report: Report, text: string, o: { unit?: string | null; decision?: FilingDecision | null } = {}): SheetData {
  const categories: Record<string, number> = {}
  for (const f of report.findings) categories[f.category] = (categories[f.category] ?? 0) + 1
  const excerpt = (f: Finding) => text.slice(f.start, f.end).slice(0, 60)
  return {
    title: report.title ?? text.trim().split('\n')[0]!.slice(0, 60),
    unit: o.unit ?? null,
    docType: report.docType,
    when: new Date().toISOString(),
    score: report.score,
    grade: report.grade,
    chars: report.chars,
    cap: report.cap,
    capSource: report.capSource,
    copiedShare: report.flags.copiedShare,
    overCap: report.flags.overCap,
    disguised: report.flags.disguisedDirective,
    frame: report.flags.frame,
    categories,
    breakdown: report.breakdown,
    findings: [...report.findings].sort((a, b) => b.points - a.points).slice(0, 15).map((f) => ({ category: f.category, excerpt: excerpt(f), message: f.message })),
    overrides: [],
    decision: o.decision ?? null,
    docHash: null,
    rulesetVersion: report.ruleset.version,
  }
}

const FILING_ACTIONS = new Set(['pass', 'warn', 'justify', 'block'])

/**
 * A filed record carries the score but not the grade or every finding: the grade comes from the
 * rule set's scoring, the conclusion from the decision made at filing (or the set's filing policy).
 */
export function sheetFromFiled(r: FiledRecord, title: string | null | undefined, ruleSet: RuleSet): SheetData {
  const grade = [...ruleSet.scoring.grades].sort((a, b) => b.min - a.min).find((g) => r.score >= g.min)?.grade ?? '—'
  const flags = { overCap: !!r.flags.overCap, disguisedDirective: !!r.flags.disguisedDirective, frame: !!r.flags.frame, copiedShare: r.flags.copiedShare }
  const decision = r.action && FILING_ACTIONS.has(r.action) ? { action: r.action as FilingDecision['action'], reasons: [] } : decideFiling({ score: r.score, flags } as Report, ruleSet.filing)
  return {
    title: title ?? `${r.docType}（${r.docHash ? r.docHash.slice(0, 12) : r.id}）`,
    unit: r.unit,
    docType: r.docType,
    when: r.at,
    score: r.score,
    grade,
    chars: r.chars,
    cap: r.cap,
    capSource: null,
    copiedShare: r.flags.copiedShare,
    overCap: r.flags.overCap,
    disguised: r.flags.disguisedDirective,
    frame: r.flags.frame,
    categories: r.counts,
    breakdown: null,
    findings: [],
    overrides: r.overrides,
    decision,
    docHash: r.docHash,
    rulesetVersion: r.rulesetVersion,
  }
}

const CONCLUSION: Record<string, string> = {
  pass: '符合为基层减负要求，可以印发。',
  warn: '基本符合要求，建议按提示修改后印发。',
  justify: '存在明显问题，起草单位须书面说明理由后方可印发。',
  block: '不符合为基层减负要求，应退回修改。',
}

const yesNo = (v: boolean | null, yes: string, no = '无') => (v === null ? '—' : v ? yes : no)

/** The printable sheet (A4): identification, score, length against cap, copied share, findings, the drafter's reasons, conclusion. */
export function Sheet({ d }: { d: SheetData }) {
  const over = d.cap !== null && d.chars > d.cap
  const conclusion = d.decision ? CONCLUSION[d.decision.action] : '—'
  return (
    <article className="sheet">
      <h1>为基层减负一致性评估表</h1>
      <p className="sheet-sub">依据《整治形式主义为基层减负若干规定》· 办文指数评估 · 规则集 {d.rulesetVersion}</p>
      <table className="sheet-table">
        <tbody>
          <tr>
            <th>文件标题</th>
            <td colSpan={3}>{d.title}</td>
          </tr>
          <tr>
            <th>起草单位</th>
            <td>{d.unit ?? '—'}</td>
            <th>文种</th>
            <td>{d.docType}</td>
          </tr>
          <tr>
            <th>办文指数</th>
            <td>
              <b className="sheet-score">{num(d.score, 0)}</b> 分（{d.grade}）
            </td>
            <th>评估时间</th>
            <td>{dateTime(d.when)}</td>
          </tr>
          <tr>
            <th>篇幅</th>
            <td>
              {num(d.chars)} 字 / 上限 {d.cap === null ? '—' : `${num(d.cap)} 字`}
              {over ? <b className="bad">（超出 {num(d.chars - d.cap!)} 字）</b> : d.cap !== null ? '（符合）' : ''}
              {d.capSource && <div className="small">{d.capSource}</div>}
            </td>
            <th>照抄照搬</th>
            <td>{d.copiedShare === null ? '未比对上级文件' : `与上级文件重合 ${pct(d.copiedShare)}`}</td>
          </tr>
          <tr>
            <th>隐形变异</th>
            <td>{yesNo(d.disguised, '以非正式文种部署工作')}</td>
            <th>穿靴戴帽</th>
            <td>{yesNo(d.frame, '有套路化开头或结尾')}</td>
          </tr>
          {d.docHash && (
            <tr>
              <th>文档指纹</th>
              <td colSpan={3}>
                <code>{d.docHash}</code>
              </td>
            </tr>
          )}
        </tbody>
      </table>

      <h2>问题分类</h2>
      <table className="sheet-table cats">
        <thead>
          <tr>
            {CATEGORY_ORDER.map((c) => (
              <th key={c}>{CATEGORY[c]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {CATEGORY_ORDER.map((c) => (
              <td key={c}>{d.categories[c] ?? 0}</td>
            ))}
          </tr>
        </tbody>
      </table>

      {d.breakdown && (
        <>
          <h2>分项得分</h2>
          <table className="sheet-table cats">
            <thead>
              <tr>
                {d.breakdown.map((b) => (
                  <th key={b.dimension}>{b.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {d.breakdown.map((b) => (
                  <td key={b.dimension}>
                    {num(b.score, 1)} / {b.max}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}

      {d.findings.length > 0 && (
        <>
          <h2>主要问题</h2>
          <ol className="sheet-findings">
            {d.findings.map((f, i) => (
              <li key={i}>
                <span className="tag">{CATEGORY[f.category]}</span> {f.message}
              </li>
            ))}
          </ol>
        </>
      )}

      <h2>起草人说明（对提示坚持提交的理由）</h2>
      {d.overrides.length === 0 ? (
        <p className="small">无</p>
      ) : (
        <ol className="sheet-findings">
          {d.overrides.map((o, i) => (
            <li key={i}>
              {date(o.at)} {o.user}（{o.action ? ACTION[o.action] ?? o.action : '—'}）：{o.reason ?? '未填写理由'}
            </li>
          ))}
        </ol>
      )}

      <h2>评估结论</h2>
      <p className="sheet-conclusion">{conclusion}</p>
      {d.decision && d.decision.reasons.length > 0 && <p className="small">依据：{d.decision.reasons.join('；')}</p>}
      <div className="sheet-sign">
        <span>审核人（签字）：</span>
        <span>日期：　　年　　月　　日</span>
      </div>
    </article>
  )
}

/** Shows the sheet and prints only it. */
export function SheetPanel({ d, onClose }: { d: SheetData; onClose: () => void }) {
  return (
    <div className="sheet-overlay" role="dialog" aria-label="为基层减负一致性评估表">
      <div className="sheet-toolbar no-print">
        <button className="btn" onClick={() => window.print()}>
          打印
        </button>
        <button className="btn ghost" onClick={onClose}>
          关闭
        </button>
      </div>
      <div className="print-area">
        <Sheet d={d} />
      </div>
    </div>
  )
}
