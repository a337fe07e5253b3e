import onnxProto from 'onnx-proto'

// A CommonJS package: the namespace is a property of its default export.
const { onnx } = onnxProto
import { MODEL_SPEC } from './spec'
import type { Weights } from './network'

const F = onnx.TensorProto.DataType.FLOAT
const I64 = onnx.TensorProto.DataType.INT64
const INT64_MAX = '9223372036854775807'

type Node = ReturnType<typeof onnx.NodeProto.create>

const floatTensor = (name: string, dims: number[], data: Float32Array) =>
  onnx.TensorProto.create({ name, dataType: F, dims, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) })
const int64Tensor = (name: string, values: Array<number | string>, dims: number[] = [values.length]) =>
  onnx.TensorProto.create({ name, dataType: I64, dims, int64Data: values.map((v) => String(v)) as never })

/**
 * The network of network.ts as an ONNX graph (opset 13). Inputs are what a Hugging Face
 * tokenizer produces (input_ids, attention_mask); the n-gram hashing of features.ts runs inside
 * the graph, so transformers.js needs nothing but the tokenizer to feed it. Output: logits [batch, 2].
 */
export function exportOnnx(w: Weights, meta: Record<string, string>): Uint8Array {
  const { buckets, dim, hidden, p1, p2, triOffset } = MODEL_SPEC
  const nodes: Node[] = []
  const node = (op: string, inputs: string[], output: string, attrs: Array<ReturnType<typeof onnx.AttributeProto.create>> = []) => {
    nodes.push(onnx.NodeProto.create({ opType: op, input: inputs, output: [output], name: output, attribute: attrs }))
    return output
  }
  const intAttr = (name: string, i: number) => onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i })
  const slice = (x: string, start: number | string, end: number | string, out: string) => node('Slice', [x, `c_${start}`, `c_${end}`, 'c_axis1'], out)
  const mod = (x: string, out: string) => node('Mod', [x, 'c_buckets'], out, [intAttr('fmod', 0)])

  const initializer = [
    floatTensor('emb_uni', [w.vocab, dim], w.uni),
    floatTensor('emb_ngram', [buckets, dim], w.ngram),
    floatTensor('w1', [2 * dim, hidden], w.w1),
    floatTensor('b1', [hidden], w.b1),
    floatTensor('w2', [hidden, 2], w.w2),
    floatTensor('b2', [2], w.b2),
    int64Tensor('c_0', [0]),
    int64Tensor('c_1', [1]),
    int64Tensor('c_2', [2]),
    int64Tensor('c_-1', [-1]),
    int64Tensor('c_-2', [-2]),
    int64Tensor(`c_${INT64_MAX}`, [INT64_MAX]),
    int64Tensor('c_axis1', [1]),
    int64Tensor('c_p1', [p1], []),
    int64Tensor('c_p2', [p2], []),
    int64Tensor('c_off', [triOffset], []),
    int64Tensor('c_buckets', [buckets], []),
    floatTensor('c_one', [], new Float32Array([1])),
    floatTensor('c_big', [], new Float32Array([1e9])),
  ]

  const ids = 'input_ids'
  const mask = 'attention_mask'
  // Bigrams: tokens i, i+1.
  slice(ids, 0, -1, 'bi_a')
  slice(ids, 1, INT64_MAX, 'bi_b')
  node('Mul', ['bi_a', 'c_p1'], 'bi_1')
  node('Add', ['bi_1', 'bi_b'], 'bi_2')
  mod('bi_2', 'bi_3')
  node('Mul', ['bi_3', 'c_p2'], 'bi_4')
  mod('bi_4', 'bi_ids')
  slice(mask, 0, -1, 'bm_a')
  slice(mask, 1, INT64_MAX, 'bm_b')
  node('Mul', ['bm_a', 'bm_b'], 'bi_mask')
  // Trigrams: tokens i, i+1, i+2.
  slice(ids, 0, -2, 'tri_a')
  slice(ids, 1, -1, 'tri_b')
  slice(ids, 2, INT64_MAX, 'tri_c')
  node('Mul', ['tri_a', 'c_p1'], 'tri_1')
  node('Add', ['tri_1', 'tri_b'], 'tri_2')
  mod('tri_2', 'tri_3')
  node('Mul', ['tri_3', 'c_p1'], 'tri_4')
  node('Add', ['tri_4', 'tri_c'], 'tri_5')
  node('Add', ['tri_5', 'c_off'], 'tri_6')
  mod('tri_6', 'tri_7')
  node('Mul', ['tri_7', 'c_p2'], 'tri_8')
  mod('tri_8', 'tri_ids')
  slice(mask, 0, -2, 'tm_a')
  slice(mask, 1, -1, 'tm_b')
  slice(mask, 2, INT64_MAX, 'tm_c')
  node('Mul', ['tm_a', 'tm_b'], 'tm_ab')
  node('Mul', ['tm_ab', 'tm_c'], 'tri_mask')

  // The three bags side by side: [batch, 3·seq − 3, dim] and their masks.
  node('Gather', ['emb_uni', ids], 'uni_emb', [intAttr('axis', 0)])
  node('Gather', ['emb_ngram', 'bi_ids'], 'bi_emb', [intAttr('axis', 0)])
  node('Gather', ['emb_ngram', 'tri_ids'], 'tri_emb', [intAttr('axis', 0)])
  node('Concat', ['uni_emb', 'bi_emb', 'tri_emb'], 'all_emb', [intAttr('axis', 1)])
  node('Concat', [mask, 'bi_mask', 'tri_mask'], 'all_mask', [intAttr('axis', 1)])
  node('Cast', ['all_mask'], 'mask_f', [intAttr('to', F)])
  node('Unsqueeze', ['mask_f', 'c_2'], 'mask_f3')
  // Mean over the unmasked n-grams.
  node('Mul', ['all_emb', 'mask_f3'], 'masked')
  node('ReduceSum', ['masked', 'c_axis1'], 'bag_sum', [intAttr('keepdims', 0)])
  node('ReduceSum', ['mask_f', 'c_axis1'], 'bag_count', [intAttr('keepdims', 1)])
  node('Max', ['bag_count', 'c_one'], 'bag_den')
  node('Div', ['bag_sum', 'bag_den'], 'mean')
  // Max over the unmasked n-grams: padding pushed far below any weight.
  node('Sub', ['mask_f3', 'c_one'], 'mask_off')
  node('Mul', ['mask_off', 'c_big'], 'mask_penalty')
  node('Add', ['all_emb', 'mask_penalty'], 'for_max')
  node('ReduceMax', ['for_max'], 'max', [onnx.AttributeProto.create({ name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [1] }), intAttr('keepdims', 0)])
  node('Concat', ['mean', 'max'], 'pooled', [intAttr('axis', 1)])
  node('MatMul', ['pooled', 'w1'], 'z1')
  node('Add', ['z1', 'b1'], 'z1b')
  node('Relu', ['z1b'], 'a1')
  node('MatMul', ['a1', 'w2'], 'z2')
  node('Add', ['z2', 'b2'], 'logits')

  const dynamic = (name: string, type: number, dims: Array<string | number>) =>
    onnx.ValueInfoProto.create({
      name,
      type: {
        tensorType: {
          elemType: type,
          shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
        },
      },
    })

  const graph = onnx.GraphProto.create({
    name: MODEL_SPEC.name,
    node: nodes,
    initializer,
    input: [dynamic('input_ids', I64, ['batch', 'sequence']), dynamic('attention_mask', I64, ['batch', 'sequence'])],
    output: [dynamic('logits', F, ['batch', 2])],
  })
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'banwen-train',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
    metadataProps: Object.entries(meta).map(([key, value]) => ({ key, value })),
  })
  return onnx.ModelProto.encode(model).finish()
}
