import { readFileSync } from 'node:fs'
import onnxProto from 'onnx-proto'
import type { Weights } from '../train/network'

const { onnx } = onnxProto

/** Reads the weights back out of an exported model.onnx, to check the graph against training code. */
export function readWeights(path: string): Weights {
  const model = onnx.ModelProto.decode(readFileSync(path))
  const get = (name: string) => {
    const t = model.graph!.initializer!.find((x) => x.name === name)
    if (!t?.rawData) throw new Error(`model.onnx 缺少权重 ${name}`)
    const raw = t.rawData
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength))
  }
  const uniTensor = model.graph!.initializer!.find((x) => x.name === 'emb_uni')!
  return { vocab: Number(uniTensor.dims![0]), uni: get('emb_uni'), ngram: get('emb_ngram'), w1: get('w1'), b1: get('b1'), w2: get('w2'), b2: get('b2') }
}
