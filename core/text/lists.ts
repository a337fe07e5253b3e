import type { Sentence } from './segment'

/** 附件、名词解释 and the like: what follows is reference matter, not the document's own text. */
const APPENDIX_HEAD = /^(?:附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$|附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*\S{0,40}(?:名单|清单|目录|一览表|统计表|汇总表|明细表)$|名词解释[:：]?$|附[:：]?\s*名词解释)/u
const ITEM_SPLIT = /[、，,；;\s]+/u

/**
 * A list line: names of units or people, terms, cells of a table — many short items and no
 * sentence between them. Such lines do not count toward the length cap.
 */
export function isListLine(text: string): boolean {
  const items = text.replace(/[。：:]$/u, '').split(ITEM_SPLIT).filter(Boolean)
  if (items.length < 4) return false
  const avg = items.reduce((a, i) => a + i.length, 0) / items.length
  return avg <= 8 && !/[要应须将对把使让]/u.test(text.slice(0, 6))
}

/** Indexes of sentences that do not count toward the length cap. */
export function referenceMatter(body: Sentence[]): Set<number> {
  const out = new Set<number>()
  let appendix = false
  for (const s of body) {
    if (APPENDIX_HEAD.test(s.text.trim())) appendix = true
    if (appendix || isListLine(s.text)) out.add(s.index)
  }
  return out
}
