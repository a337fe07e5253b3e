import { CATEGORY_LABELS } from '../../../core/schema/common'

export const CATEGORY = CATEGORY_LABELS as Record<string, string>
export const CATEGORY_ORDER = ['tao', 'burden', 'frame', 'length', 'disguise', 'copy', 'escalation']
export const CATEGORY_COLOR: Record<string, string> = {
  tao: '#c47f17',
  burden: '#b3261e',
  frame: '#7b5ea7',
  length: '#2f6f9f',
  disguise: '#a23b72',
  copy: '#4d7c43',
  escalation: '#8a4b08',
}
export const ROLE: Record<string, string> = { drafter: '起草人', reviewer: '审核人', admin: '管理员' }
export const ACTION: Record<string, string> = { pass: '通过', warn: '提醒', justify: '需说明理由', block: '禁止提交', submitted: '坚持提交', returned: '退回修改' }
export const LEVEL: Record<string, string> = { ok: '正常', warn: '预警', over: '超限' }

export const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`)
export const num = (x: number | null | undefined, digits = 0) => (x === null || x === undefined ? '—' : x.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits }))
export const dateTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
export const date = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' })
export const scoreClass = (score: number | null) => (score === null ? '' : score >= 85 ? 'good' : score >= 70 ? 'fair' : 'poor')
