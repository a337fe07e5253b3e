/** The card over a mark: which rule, why, what to write instead, and what the drafter can do. */
import { CATEGORY_LABELS, SEVERITY_LABELS, type Fix } from '../../../core'
import { CATEGORY_STYLES } from '../marks/categories'
import type { UiActions } from './actions'
import { exampleParts, ruleOf, ruleTitle } from './rules'
import type { CardState } from './store'

const CARD_WIDTH = 340

function place(anchor: DOMRect): { left: number; top: number; maxHeight: number } {
  const vw = window.innerWidth
  const vh = window.innerHeight
  const left = Math.max(8, Math.min(anchor.left, vw - CARD_WIDTH - 8))
  const below = vh - anchor.bottom - 12
  // Below the mark when there is room, else above it.
  if (below >= 220 || below >= anchor.top) return { left, top: anchor.bottom + 6, maxHeight: Math.max(160, below) }
  return { left, top: Math.max(8, anchor.top - 6 - Math.min(420, anchor.top - 14)), maxHeight: Math.min(420, anchor.top - 14) }
}

const fixTitle = (fix: Fix) => (fix.op === 'delete' ? '删去这几个字' : `改为「${fix.text}」`)

export function Card({ card, actions }: { card: CardState; actions: UiActions }) {
  const { session } = card
  const f = session.finding(card.findingId)
  if (!f) return null
  const rule = ruleOf(session.ruleSet, f)
  const style = CATEGORY_STYLES[f.category]
  const pos = place(card.anchor)
  return (
    <div
      className="bw-card"
      data-finding={f.id}
      style={{ left: pos.left, top: pos.top, maxHeight: pos.maxHeight, width: CARD_WIDTH, borderTopColor: style.color }}
      onMouseEnter={() => actions.cardHover(true)}
      onMouseLeave={() => actions.cardHover(false)}
    >
      <div className="bw-card-head">
        <span className="bw-chip" style={{ background: style.color }}>
          {CATEGORY_LABELS[f.category]}
        </span>
        <b className="bw-card-title">{ruleTitle(session.ruleSet, f)}</b>
        <span className={`bw-sev sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
        <button className="bw-icon bw-close" title="关闭" onClick={() => actions.closeCard()}>
          ×
        </button>
      </div>
      <p className="bw-card-msg">{f.message}</p>
      {f.suggestion ? (
        <p className="bw-card-sugg">
          <span>建议：</span>
          {f.suggestion}
        </p>
      ) : null}
      <p className="bw-card-points">
        办文指数扣 {Math.round(f.points * 10) / 10} 分{f.origin === 'model' && f.confidence !== undefined ? ` · 模型置信度 ${Math.round(f.confidence * 100)}%` : ''}
      </p>
      {card.showRule ? (
        <div className="bw-rule">
          {rule ? (
            <>
              <p>
                <b>规则</b> {rule.id}
              </p>
              <p>{rule.message}</p>
              {rule.source ? <p className="bw-rule-src">依据：{rule.source}</p> : null}
              <p className="bw-rule-ex-head">反例</p>
              {rule.examples.bad.slice(0, 2).map((ex, i) => {
                const p = exampleParts(ex)
                return (
                  <p className="bw-rule-ex bad" key={i}>
                    {p.before}
                    <mark>{p.marked}</mark>
                    {p.after}
                  </p>
                )
              })}
              <p className="bw-rule-ex-head">正例</p>
              {rule.examples.good.slice(0, 2).map((ex, i) => (
                <p className="bw-rule-ex good" key={i}>
                  {exampleParts(ex).before}
                </p>
              ))}
            </>
          ) : (
            <p>此条由句子分类模型给出（依据《标注规范》），没有对应的规则条目。</p>
          )}
        </div>
      ) : null}
      <div className="bw-card-actions">
        {f.fix ? (
          <button data-action="apply" className="bw-primary" onClick={() => actions.applyFix(session, f.id)} title={fixTitle(f.fix)}>
            采纳
          </button>
        ) : null}
        <button data-action="ignore" onClick={() => actions.ignore(session, f.id)} title="本文件内不再提示此处">
          忽略
        </button>
        <button data-action="false-positive" onClick={() => actions.falsePositive(session, f.id)} title="报告误报，帮助改进规则">
          误报
        </button>
        <button data-action="rule" onClick={() => actions.toggleRule()}>
          {card.showRule ? '收起规则' : '查看规则'}
        </button>
      </div>
    </div>
  )
}
