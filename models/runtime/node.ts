import type { SentenceClassifier } from '../../core'

/**
 * Loads the committed model for Node (CLI, service). Returns null when no model folder is
 * present, and callers fall back to rules only and say so.
 * The ONNX-backed implementation lands with the model issue.
 */
export async function loadNodeClassifier(_dir?: string): Promise<SentenceClassifier | null> {
  return null
}
