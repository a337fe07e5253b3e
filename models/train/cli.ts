/**
 * npm run train — trains the sentence classifier on models/data/train and writes the model
 * folder models/banwen-zh. `--check` trains and compares with the committed folder instead.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadTrain, MODELS_DIR } from './data'
import { DEFAULT_TRAIN, train } from './train'
import { writeModelFolder } from './package-model'
import { loadReal } from '../data/real/refs'
import { isValidationDoc } from '../data/real/split'

export const MODEL_DIR = join(MODELS_DIR, 'banwen-zh')
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']
const digest = (dir: string, f: string) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')

const check = process.argv.includes('--check')
const started = performance.now()
const data = loadTrain()
const realTrain = loadReal('train')
const result = train(data, { ...DEFAULT_TRAIN, log: (l) => console.log(l) }, {
  train: realTrain.filter((e) => !isValidationDoc(e.file)),
  validation: realTrain.filter((e) => isValidationDoc(e.file)),
})
const out = check ? mkdtempSync(join(tmpdir(), 'banwen-model-')) : MODEL_DIR
const { onnxBytes } = writeModelFolder(out, result, DEFAULT_TRAIN)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`阈值 tao ${result.thresholds.tao} burden ${result.thresholds.burden}；验证集 F1 tao ${result.validation.tao.f1.toFixed(3)} burden ${result.validation.burden.f1.toFixed(3)}`)
console.log(`模型 ${(onnxBytes / 1048576).toFixed(2)} MB，用时 ${seconds} 秒，写入 ${out}`)
if (check) {
  const differs = FILES.filter((f) => !existsSync(join(MODEL_DIR, f)) || digest(MODEL_DIR, f) !== digest(out, f))
  rmSync(out, { recursive: true, force: true })
  if (differs.length) {
    console.error(`与已提交的模型不同：${differs.join('、')}`)
    process.exit(1)
  }
  console.log('重新训练得到的模型与已提交的模型逐字节一致。')
}
