/** Where the packaged onnxruntime-web wasm is (copied by extension/build/model-assets.ts). */
import { ORT_WASM_FILES } from '../../../models/runtime/browser'
import { ORT_DIR } from '../background/offscreen-protocol'
import { packagedUrl } from '../background/packaged-url'

export const ortWasmUrl = (): string => packagedUrl(`/${ORT_DIR}/${ORT_WASM_FILES[0]}`)
