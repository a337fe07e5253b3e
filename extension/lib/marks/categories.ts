/** One look per category, shared by the highlight stylesheet, the overlays and the panel. */
import type { Category } from '../../../core'

export interface CategoryStyle {
  color: string
  /** CSS text-decoration-style of the underline. */
  line: 'wavy' | 'solid' | 'dashed' | 'dotted' | 'double'
  /** Faint background tint, so marks show even where underlines are hard to see. */
  tint: string
}

export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  tao: { color: '#d97706', line: 'wavy', tint: 'rgba(245, 158, 11, 0.14)' },
  burden: { color: '#dc2626', line: 'solid', tint: 'rgba(220, 38, 38, 0.12)' },
  length: { color: '#2563eb', line: 'dotted', tint: 'rgba(37, 99, 235, 0.06)' },
  frame: { color: '#7c3aed', line: 'double', tint: 'rgba(124, 58, 237, 0.10)' },
  disguise: { color: '#7f1d1d', line: 'dashed', tint: 'rgba(127, 29, 29, 0.12)' },
  copy: { color: '#6b7280', line: 'solid', tint: 'rgba(107, 114, 128, 0.18)' },
  escalation: { color: '#ea580c', line: 'dashed', tint: 'rgba(234, 88, 12, 0.12)' },
}

/** Drawing order: a span marked twice shows the more serious category on top. */
export const CATEGORY_ORDER: Category[] = ['length', 'copy', 'tao', 'frame', 'escalation', 'disguise', 'burden']

export const highlightName = (c: Category | 'active') => `banwen-${c}`

/** The ::highlight() rules, injected into each document that holds an editor. */
export function highlightCss(): string {
  const rules = CATEGORY_ORDER.map((c) => {
    const s = CATEGORY_STYLES[c]
    return `::highlight(${highlightName(c)}){text-decoration:underline ${s.line} ${s.color};text-decoration-thickness:2px;text-decoration-skip-ink:none;text-underline-offset:3px;background-color:${s.tint}}`
  })
  rules.push(`::highlight(${highlightName('active')}){background-color:rgba(250, 204, 21, 0.45)}`)
  return rules.join('\n')
}
