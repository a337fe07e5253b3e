import { browser } from 'wxt/browser'

/** URL of a file inside the package; typed loosely because WXT types getURL only after `wxt prepare`. */
export const packagedUrl = (path: string): string => (browser.runtime as unknown as { getURL(p: string): string }).getURL(path)
