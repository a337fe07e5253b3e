/** Where the model runtime script (entrypoints/model-runtime.ts) is and what it leaves behind. */
import type { ModelRunner } from './runner'

export const MODEL_RUNTIME_PATH = '/model-runtime.js'
export const MODEL_RUNTIME_GLOBAL = '__banwenModelRunner'

/** The runner the script installed in this context, if it ran. */
export const installedRunner = (): ModelRunner | undefined => (globalThis as Record<string, unknown>)[MODEL_RUNTIME_GLOBAL] as ModelRunner | undefined
