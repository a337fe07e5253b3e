/**
 * `form.submit()` from a page script fires no submit event, so the content script would never
 * see it. A hook in the page's MAIN world (entrypoints/submit-hook.content.ts) asks first with a
 * cancelable DOM event on the form; the isolated content script cancels it to hold the
 * submission and later submits with its own (unhooked) prototype, exactly once.
 * `requestSubmit()` needs no hook: it fires a submit event, which the guard already holds.
 */
export const SCRIPTED_SUBMIT_EVENT = 'banwen:scripted-submit'

const HOOKED = Symbol.for('banwen.submit-hook')

export function hookFormSubmit(win: Window & typeof globalThis): void {
  const proto = win.HTMLFormElement.prototype
  const native = proto.submit
  if ((native as unknown as Record<symbol, boolean>)[HOOKED]) return
  const submit = function (this: HTMLFormElement) {
    // Not cancelled: no content script, or it does not hold this form: submit as the page asked.
    const go = this.dispatchEvent(new win.CustomEvent(SCRIPTED_SUBMIT_EVENT, { cancelable: true, bubbles: true, composed: true }))
    if (go) native.call(this)
  }
  Object.defineProperty(submit, HOOKED, { value: true })
  Object.defineProperty(proto, 'submit', { value: submit, writable: true, configurable: true, enumerable: true })
}

/** The browser's own submit (the isolated world's prototype is never hooked); a field named "submit" cannot shadow it. */
export const nativeSubmit = (form: HTMLFormElement): void => HTMLFormElement.prototype.submit.call(form)
