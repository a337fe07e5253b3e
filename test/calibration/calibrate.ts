import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createAnalyzer } from '../../core'

export const SHARED = resolve(import.meta.dirname, '../../../shared')

export interface CalibrationRow {
  file: string
  group: string
  score: number
  grade: string
  chars: number
}

/**
 * Groups by what the documents are: 批复/决定 (concise, rule-carrying), Shanghai 通知/方案,
 * NPC resolutions, work reports (national, provincial), Party congress reports, seeds (a
 * speech, a seminar paper, work plans).
 */
function groupOf(rel: string): string {
  if (rel.startsWith('seeds/')) return 'seeds'
  const [, folder, name] = rel.split('/')
  if (folder === 'wikisource_political') return name!.startsWith('npc_resolution') ? 'npc_resolution' : name!.startsWith('cpc_congress') ? 'cpc_congress' : 'gwr_national'
  return folder!
}

export function calibrate(): CalibrationRow[] {
  if (!existsSync(SHARED)) return []
  const files: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name))
      else if (e.name.endsWith('.txt')) files.push(join(d, e.name))
    }
  }
  walk(join(SHARED, 'corpus'))
  walk(join(SHARED, 'seeds'))
  const analyzer = createAnalyzer()
  return files.sort().map((f) => {
    const rel = f.slice(SHARED.length + 1)
    const r = analyzer.analyzeSync(readFileSync(f, 'utf8'))
    return { file: rel, group: groupOf(rel), score: r.score, grade: r.grade, chars: r.chars }
  })
}
