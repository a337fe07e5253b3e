import { useApi } from '../hooks'
import { Table } from '../table'
import type { RuleStat } from '../types'
import { Badge, Card, Loading } from '../ui'

const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`)

/**
 * Tier, judged precision on real documents and the field's 误报 share, per rule that drafters
 * have seen. A rule the field keeps calling 误报 is proposed for 严格模式; 降级 edits the draft
 * in the editor, and the admin publishes it like any other change.
 */
export function RuleQuality({ onDemote }: { onDemote: (ruleId: string) => void }) {
  const { data, error } = useApi<{ rules: RuleStat[]; policy: { demoteFalsePositiveShare: number; demoteMinShown: number } }>('/api/stats/rules?basis=analyzed')
  if (error) return null
  if (!data) return <Loading />
  const seen = data.rules.filter((r) => r.tier !== null)
  return (
    <Card
      title="规则质量"
      extra={
        <span className="muted">
          误报率超过 {pct(data.policy.demoteFalsePositiveShare)}（至少 {data.policy.demoteMinShown} 次展示）的默认档规则建议降为严格模式
        </span>
      }
    >
      {seen.length === 0 ? (
        <p className="muted">还没有起草人看到的标注。</p>
      ) : (
        <Table
          head={
            <>
              <th>规则</th>
              <th>档位</th>
              <th className="r">真实文件判定精确率</th>
              <th className="r">展示</th>
              <th className="r">误报率</th>
              <th />
            </>
          }
        >
          {seen.slice(0, 50).map((r) => (
            <tr key={r.ruleId}>
              <td>
                <div>{r.title}</div>
                <code className="muted">{r.ruleId}</code>
              </td>
              <td>{r.tier === 'default' ? '默认' : '严格模式'}</td>
              <td className="r">{r.judged?.precision == null ? '—' : `${pct(r.judged.precision)}（${r.judged.n} 条）`}</td>
              <td className="r">{r.hits}</td>
              <td className="r">{pct(r.falsePositiveRate)}</td>
              <td>
                {r.proposeDemotion && (
                  <>
                    <Badge tone="over">建议降级</Badge>{' '}
                    <button className="btn small" onClick={() => onDemote(r.ruleId)}>
                      在草稿中降为严格模式
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  )
}
