/**
 * banwen's analysis engine: pure TypeScript, no DOM and no Node APIs, so the extension, the
 * service, the CLI and model training all run the same code.
 */
export * from './schema/common'
export * from './schema/report'
export * from './schema/ruleset'
export { createAnalyzer, analyze, parseRuleSet, validateReport } from './analyzer'
export type { Analyzer, AnalyzerOptions, DocumentOptions } from './analyzer'
export type { SentenceClassifier, SentenceScores } from './classifier'
export { fingerprint, indexFingerprints, FingerprintSchema } from './copy/fingerprint'
export type { Fingerprint } from './copy/fingerprint'
export { segment } from './text/segment'
export type { Sentence, Paragraph, Segmentation } from './text/segment'
export { countChars, charTotal } from './text/count'
export { decideFiling } from './filing'
export type { FilingAction, FilingDecision } from './filing'
export { capFor } from './caps'
export { DIMENSION_OF } from './score'
export { runRuleExamples, expandExample, filler } from './examples'
export type { ExampleResult } from './examples'
export { defaultRuleSet, defaultRuleSetInput } from './ruleset/default'
export { ENGINE_VERSION } from './version'
export { formatZodError } from './errors'
