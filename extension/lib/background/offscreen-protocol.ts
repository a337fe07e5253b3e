/**
 * Background ↔ offscreen document. A type of its own, so the background's contract handler
 * (lib/messages.ts) never sees it and content scripts' model:predict never reaches the page directly.
 */
export const OFFSCREEN_PATH = 'offscreen.html'
/** Where the build puts the model folder and the onnxruntime-web files (see extension/build). */
export const MODEL_ROOT = 'models'
export const MODEL_DIR = `${MODEL_ROOT}/banwen-zh`
export const ORT_DIR = 'ort'

export interface OffscreenPredict {
  type: 'offscreen:predict'
  sentences: string[]
}

export const isOffscreenPredict = (x: unknown): x is OffscreenPredict =>
  typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'offscreen:predict' && Array.isArray((x as { sentences?: unknown }).sentences)
