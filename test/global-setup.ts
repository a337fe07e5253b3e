import { ensureExtensionBuilt } from './e2e/browser'

/**
 * Builds the extension once, before any test file runs: the end-to-end files run in parallel
 * and must not each start a build into the same output folder.
 */
export default function setup(): void {
  ensureExtensionBuilt()
}
