import type { FiledBurden, OrgUnit, RecipientAlias, UnitLevel } from '../schema/receiving'

type Phrase = FiledBurden['recipients'][number]

const GROUP_LEVEL: Partial<Record<Phrase['group'], UnitLevel>> = { township: 'township', village: 'village', department: 'department' }
/** Brackets and spaces do not make two phrases different: 各乡镇(街道) is 各乡镇（街道）. */
export const normalizePhrase = (s: string) => s.replace(/\s+/gu, '').replace(/（/gu, '(').replace(/）/gu, ')')

/**
 * The units a document's 主送 phrases reach: an admin's alias first; else 各…/县直各单位 reach
 * every unit of their level (under a named township: 东山镇各村); else the registered unit the
 * phrase names (东山镇人民政府 → 东山镇, the longest name wins). What matches nothing is unresolved.
 * When the issuer is a registered unit with units of that level under it, its 各村 are its own
 * villages; and a document never reaches the unit that issued it.
 */
export function resolveRecipients(phrases: Phrase[], units: OrgUnit[], aliases: RecipientAlias[], issuer?: string): { units: string[]; unresolved: string[] } {
  const byAlias = new Map(aliases.map((a) => [normalizePhrase(a.phrase), a]))
  const byName = [...units].sort((a, b) => b.name.length - a.name.length)
  const known = new Set(units.map((u) => u.name))
  const out = new Set<string>()
  const unresolved: string[] = []
  const ofLevel = (level: UnitLevel, parent: string | null) => units.filter((u) => u.level === level && (parent === null || u.parent === parent))
  for (const p of phrases) {
    const alias = byAlias.get(normalizePhrase(p.text))
    if (alias) {
      for (const u of alias.units) if (known.has(u)) out.add(u)
      if (alias.level) for (const u of ofLevel(alias.level, alias.parent)) out.add(u.name)
      continue
    }
    const named = byName.find((u) => p.text.includes(u.name))
    const level = GROUP_LEVEL[p.group]
    if (p.all && level) {
      // 东山镇各村: the villages of the township named, not of the county.
      const own = issuer && !named && ofLevel(level, issuer).length ? issuer : null
      const parent = named && named.level !== level ? named.name : own
      const reached = ofLevel(level, parent)
      if (reached.length) {
        for (const u of reached) out.add(u.name)
        continue
      }
    }
    if (named && !p.all) out.add(named.name)
    else unresolved.push(p.text)
  }
  if (issuer) out.delete(issuer)
  return { units: [...out].sort(), unresolved }
}
