/** Site profiles: which page is an office system, and where its editor, title, 文种 and submit are. */
import type { SiteProfile } from '../../../core'

/**
 * Glob-style match of a URL against a profile pattern such as https://oa.example.gov.cn/* or
 * http://localhost:*\/demo/* (a port wildcard, which Chrome match patterns lack). `<all_urls>`
 * matches everything.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*') +
      '$',
  )
  return re.test(url)
}

/**
 * The first profile that matches: options' own profiles come before the rule set's, and a 收文
 * profile before a 拟稿 one (its pattern is the narrower: https://oa…/inbox/* inside https://oa…/*).
 */
export function findProfile(profiles: SiteProfile[], url: string): SiteProfile | null {
  const matching = profiles.filter((p) => matchesPattern(p.match, url))
  return matching.find((p) => p.role === 'inbox') ?? matching[0] ?? null
}

/** querySelectorAll that tolerates a broken selector from a profile instead of throwing. */
export function safeQueryAll(root: ParentNode, selector: string | undefined): Element[] {
  if (!selector) return []
  try {
    return [...root.querySelectorAll(selector)]
  } catch {
    return []
  }
}

export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector)
  } catch {
    return false
  }
}
