import { useState } from 'react'
import { dateTime } from '../format'
import { useApi } from '../hooks'
import { Table } from '../table'
import type { AuditEntry } from '../types'
import { Card, ErrorBox, Loading, PageHead } from '../ui'

const AUDIT_ACTION: Record<string, string> = {
  'ruleset.publish': '发布规则集',
  'ruleset.rollback': '回滚规则集',
  'token.create': '新建令牌',
  'token.revoke': '吊销令牌',
  'unit.policy': '正文保存设置',
  'unit.overrides': '单位规则设置',
  'quota.set': '设定限额',
  'superior.add': '添加上级文件',
  'superior.remove': '删除上级文件',
  'document.text': '保存公文正文',
}

export function Audit() {
  const [before, setBefore] = useState<number[]>([])
  const cursor = before[before.length - 1]
  const { data, error, loading } = useApi<{ entries: AuditEntry[]; next: number | null }>(`/api/audit?limit=50${cursor ? `&before=${cursor}` : ''}`)
  return (
    <>
      <PageHead title="审计日志" sub="谁在何时做了什么：规则发布与回滚、令牌、限额、单位设置、上级文件。" />
      <ErrorBox error={error} />
      <Card>
        {loading && !data && <Loading />}
        {data && (
          <Table
            head={
              <>
                <th>时间</th>
                <th>操作人</th>
                <th>操作</th>
                <th>对象</th>
                <th>内容</th>
              </>
            }
          >
            {data.entries.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{dateTime(e.at)}</td>
                <td>{e.actorName}</td>
                <td>{AUDIT_ACTION[e.action] ?? e.action}</td>
                <td>
                  <code>{e.target ?? '—'}</code>
                </td>
                <td className="detail">
                  <code>{e.detail === null ? '' : JSON.stringify(e.detail)}</code>
                </td>
              </tr>
            ))}
          </Table>
        )}
        <div className="pager">
          <button className="btn ghost" disabled={!before.length} onClick={() => setBefore(before.slice(0, -1))}>
            较新
          </button>
          <button className="btn ghost" disabled={!data?.next} onClick={() => data?.next && setBefore([...before, data.next])}>
            较早
          </button>
        </div>
      </Card>
    </>
  )
}
