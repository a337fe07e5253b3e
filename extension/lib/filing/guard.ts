/**
 * Holds the page's submission until the filing check has run, then lets the original
 * submission go exactly once: the click is re-dispatched (or the form re-submitted) with a
 * one-shot bypass, so the office system's own handlers run as if nothing happened.
 */
import type { SiteProfile } from '../../../core'
import { nativeSubmit, SCRIPTED_SUBMIT_EVENT } from './scripted-submit'

const SUBMIT_WORDS = /提交|发文|送审|签发|报送|上报|发送/
const NOT_SUBMIT = /取消|撤回|撤销|草稿|保存|暂存|重置/
const CONTROL = 'button, input[type=submit], input[type=button], input[type=image], a, [role=button]'
/** A page that submits the form itself a moment after the click is still the same submission. */
const APPROVED_SUBMIT_MS = 3000

export interface GuardHooks {
  /** Is there a draft worth checking (and, for a form, does it hold the editor)? */
  applies(form: HTMLFormElement | null): boolean
  /** Runs the filing check of the editors in `form` (all, when null); resolves true when the submission may go on. */
  check(form: HTMLFormElement | null): Promise<boolean>
}

function labelOf(el: Element): string {
  const input = el as HTMLInputElement
  const text = el.tagName === 'INPUT' ? input.value : el.textContent ?? ''
  return (text || el.getAttribute('aria-label') || el.getAttribute('title') || '').replace(/\s+/g, '')
}

export class SubmitGuard {
  private bypass = false
  private pending = false
  private approvedUntil = 0
  private off: Array<() => void> = []

  constructor(
    private doc: Document,
    private profile: SiteProfile | null,
    private hooks: GuardHooks,
  ) {
    const win = doc.defaultView!
    const onClick = (e: Event) => this.onClick(e as MouseEvent)
    const onSubmit = (e: Event) => this.onSubmit(e as SubmitEvent)
    const onScripted = (e: Event) => this.onScriptedSubmit(e)
    // Capture on window: runs before the page's handlers on the button or form.
    win.addEventListener('click', onClick, true)
    win.addEventListener('submit', onSubmit, true)
    win.addEventListener(SCRIPTED_SUBMIT_EVENT, onScripted, true)
    this.off.push(() => {
      win.removeEventListener('click', onClick, true)
      win.removeEventListener('submit', onSubmit, true)
      win.removeEventListener(SCRIPTED_SUBMIT_EVENT, onScripted, true)
    })
  }

  /** The submit control the event is for, by the profile's selectors or by its label. */
  submitControl(target: EventTarget | null): HTMLElement | null {
    const el = target instanceof Element ? target : (target as Node | null)?.parentElement ?? null
    if (!el) return null
    for (const sel of this.profile?.submit ?? []) {
      let hit: Element | null = null
      try {
        hit = el.closest(sel)
      } catch {
        hit = null
      }
      if (hit) return hit as HTMLElement
    }
    const ctl = el.closest(CONTROL)
    if (!ctl) return null
    const label = labelOf(ctl)
    if (!label || label.length > 12 || !SUBMIT_WORDS.test(label) || NOT_SUBMIT.test(label)) return null
    return ctl as HTMLElement
  }

  private hold(e: Event): void {
    e.preventDefault()
    e.stopImmediatePropagation()
  }

  /** Runs the check once for a held submission; when it passes, `release` sends the original, unguarded, once. */
  private checkThen(form: HTMLFormElement | null, release: () => void): void {
    if (this.pending) return
    this.pending = true
    this.hooks
      .check(form)
      .then((go) => {
        if (!go) return
        this.bypass = true
        try {
          release()
        } finally {
          this.bypass = false
        }
      })
      .finally(() => {
        this.pending = false
      })
  }

  private onClick(e: MouseEvent): void {
    if (this.bypass) return
    const ctl = this.submitControl(e.target)
    if (!ctl) return
    const form = (ctl as HTMLButtonElement).form ?? ctl.closest('form')
    if (!this.hooks.applies(form)) return
    this.hold(e)
    this.checkThen(form, () => {
      this.approvedUntil = Date.now() + APPROVED_SUBMIT_MS
      ctl.click()
    })
  }

  /** The approved click's own submission, sent a moment later by the page (event or script): let it through once. */
  private approvedNow(): boolean {
    if (Date.now() >= this.approvedUntil) return false
    this.approvedUntil = 0
    return true
  }

  private onSubmit(e: SubmitEvent): void {
    if (this.bypass) return
    const form = e.target as HTMLFormElement
    if (this.approvedNow() || !this.hooks.applies(form)) return
    this.hold(e)
    const submitter = e.submitter as HTMLElement | null
    this.checkThen(form, () => form.requestSubmit(submitter && submitter.getAttribute('type') !== 'button' ? submitter : undefined))
  }

  /** form.submit() called by a page script (the MAIN-world hook asks first): cancelling holds it. */
  private onScriptedSubmit(e: Event): void {
    const form = e.target
    if (this.bypass || !(form instanceof HTMLFormElement)) return
    if (this.approvedNow() || !this.hooks.applies(form)) return
    e.preventDefault()
    this.checkThen(form, () => nativeSubmit(form))
  }

  destroy(): void {
    for (const off of this.off) off()
  }
}
