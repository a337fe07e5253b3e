/**
 * One editor's analysis loop: debounced, never during IME composition, incremental through the
 * analyzer's sentence cache, stale model results dropped. Reads the editor; the painter draws.
 */
import { applyFix, createAnalyzer, fixText, localToday, type Analyzer, type Finding, type Report } from '../../core'
import type { EditorAdapter } from './adapters/types'
import { messageClassifier } from './classifier'
import type { Config } from './config'
import { mapSpan, textEdit } from './marks/remap'
import type { Painter } from './marks/types'
import type { PageFields } from './page/fields'

export const DEBOUNCE_MS = 300

export interface SessionListener {
  (session: EditorSession): void
}

let nextId = 1

export class EditorSession {
  readonly id = `s${nextId++}`
  report: Report | null = null
  /** The text the report was made from; offsets in findings point into it. */
  text = ''
  /** 文种 chosen by the drafter in the panel; beats the form field and detection. */
  docTypeOverride: string | undefined
  /** Findings dismissed with 忽略, for this document only (by finding id, stable across edits). */
  readonly ignored = new Set<string>()
  /** Paint counter and the last analysis's cost, exposed for tests and the benchmark. */
  paintSeq = 0
  lastAnalysisMs = 0
  lastPaintMs = 0
  /** When the last rules-only analysis finished painting (model merges come later). */
  lastRunAt = 0
  lastPaintAt = 0
  private analyzer: Analyzer
  private timer: ReturnType<typeof setTimeout> | null = null
  private asyncSeq = 0
  private offs: Array<() => void> = []

  constructor(
    readonly adapter: EditorAdapter,
    readonly painter: Painter,
    readonly config: Config,
    private fields: PageFields,
    private listener: SessionListener,
  ) {
    this.analyzer = createAnalyzer({
      ruleSet: config.ruleSet,
      superior: config.fingerprints,
      classifier: config.model ? messageClassifier(config.model) : null,
      strict: config.strict,
    })
    this.offs.push(adapter.onChange(() => this.schedule()))
    this.offs.push(adapter.onEditStart(() => painter.stale()))
  }

  get ruleSet() {
    return this.analyzer.ruleSet
  }

  schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      // compositionend schedules again; never analyse or repaint under the IME.
      if (this.adapter.composing) return
      this.run()
    }, delay)
  }

  docOptions(): { title?: string; docType?: string; today: string } {
    const title = this.fields.title()
    const docType = this.docTypeOverride ?? this.fields.docType()
    // A draft has no 成文日期 yet: its deadlines are counted from today, on the drafter's calendar.
    return { ...(title ? { title } : {}), ...(docType ? { docType } : {}), today: localToday() }
  }

  /** Analyses the current text now and repaints; returns the report (the filing check uses it). */
  run(): Report {
    const t0 = performance.now()
    const text = this.adapter.getText()
    const opts = this.docOptions()
    const report = this.analyzer.analyzeSync(text, opts)
    this.apply(text, report, t0)
    if (this.config.model) this.askModel(text, opts)
    return report
  }

  /** Rules first (synchronous), then the model's view merged in when it answers. */
  private askModel(text: string, opts: { title?: string; docType?: string }): void {
    const seq = ++this.asyncSeq
    this.analyzer
      .analyze(text, opts)
      .then((report) => {
        // A newer edit or analysis exists, or the drafter is composing: this result is stale.
        if (seq !== this.asyncSeq || this.adapter.composing || this.timer) return
        if (this.adapter.getText() !== text) return
        // The model agreed with the rules: nothing to redraw.
        const ids = (r: Report) => r.findings.map((f) => f.id).join('|')
        if (this.report && ids(this.report) === ids(report) && this.report.score === report.score) {
          this.report = report
          return
        }
        this.apply(text, report)
      })
      .catch(() => {})
  }

  /** `startedAt` is given for rules-only runs, whose cost and end time are recorded. */
  private apply(text: string, report: Report, startedAt?: number): void {
    this.text = text
    this.report = report
    const t0 = performance.now()
    this.painter.paint(this.visibleFindings())
    const now = performance.now()
    this.lastPaintMs = now - t0
    this.paintSeq++
    this.lastPaintAt = now
    if (startedAt !== undefined) {
      this.lastAnalysisMs = now - startedAt
      this.lastRunAt = now
    }
    this.listener(this)
  }

  visibleFindings(): Finding[] {
    return this.report ? this.report.findings.filter((f) => !this.ignored.has(f.id)) : []
  }

  finding(id: string): Finding | undefined {
    return this.report?.findings.find((f) => f.id === id)
  }

  ignore(id: string): void {
    this.ignored.add(id)
    this.painter.paint(this.visibleFindings())
    this.listener(this)
  }

  /**
   * 采纳: applies the finding's fix through the editor's input path, on offsets read just now
   * (the drafter may have typed since the last analysis). `gone`: the words were changed
   * meanwhile; `refused`: the editor did not take the change (or is composing).
   */
  async applyFix(id: string): Promise<{ applied: Finding } | { failed: 'gone' | 'refused' }> {
    // Never write under the IME: the drafter's unfinished pinyin would be lost.
    if (this.adapter.composing) return { failed: 'refused' }
    const shown = this.finding(id)
    if (!shown?.fix) return { failed: 'gone' }
    // The same words, where the text is now: an edit in the same sentence changes the finding's id.
    const before = this.text
    this.run()
    const span = mapSpan(shown, textEdit(before, this.text))
    const f = span && this.report?.findings.find((x) => x.ruleId === shown.ruleId && x.start === span.start && x.end === span.end)
    if (!f?.fix) return { failed: 'gone' }
    const expected = applyFix(this.text, f)
    await this.adapter.replace(f, fixText(f.fix))
    // Editors render their model a moment later; the text must become exactly the fixed one.
    for (let i = 0; i < 20; i++) {
      if (this.adapter.getText() === expected) return { applied: f }
      await new Promise((ok) => setTimeout(ok, 30))
    }
    return { failed: 'refused' }
  }

  setDocType(docType: string | undefined): void {
    this.docTypeOverride = docType
    this.run()
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer)
    this.asyncSeq++
    for (const off of this.offs) off()
    this.painter.destroy()
  }
}
