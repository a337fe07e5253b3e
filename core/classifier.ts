/** Sentence-level probabilities for the two labels of shared/design/labels.md. */
export interface SentenceScores {
  tao: number
  burden: number
}

/**
 * The engine's only view of a model: an async batch predictor. The model package (models/) and
 * the extension's offscreen document both provide one; the engine never loads a model itself.
 */
export interface SentenceClassifier {
  id: string
  thresholds: SentenceScores
  predict(sentences: string[]): Promise<SentenceScores[]>
}
