import type { Analyzer } from './analyzer'

/**
 * Sentence-level verdicts from the rules alone: does a tao / burden rule fire on this sentence
 * read as a document of its own? Used by `banwen classify` and the model evaluation baseline.
 */
export function ruleVerdicts(analyzer: Analyzer, sentence: string): { tao: boolean; burden: boolean } {
  const r = analyzer.analyzeSync(sentence, { docType: '其他' })
  return { tao: r.findings.some((f) => f.category === 'tao'), burden: r.findings.some((f) => f.category === 'burden') }
}
