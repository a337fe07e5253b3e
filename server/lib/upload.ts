import type { Context } from 'hono'
import { DocumentReadError, readDocument } from '../../node/read-document'
import { ApiError } from './errors'
import { unsafeStrings } from './validate'

/** A multipart form: the `file` field read as a document (docx, UTF-8 or GBK text), plus text fields. */
export async function readUpload(c: Context): Promise<{ text: string; name: string; format: string; encoding?: string; fields: Record<string, string> }> {
  let form: Record<string, string | File | (string | File)[]>
  try {
    form = await c.req.parseBody({ all: false })
  } catch {
    throw new ApiError(400, 'invalid_form', '无法解析上传的表单')
  }
  const file = form.file
  if (!(file instanceof File)) throw new ApiError(400, 'missing_file', '请在表单字段 file 中上传 .docx 或 .txt 文件')
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') fields[k] = v
  const unsafe = unsafeStrings({ ...fields, 'file.name': file.name })
  if (unsafe.length) throw new ApiError(400, 'invalid_request', '表单字段有误', unsafe)
  try {
    const r = await readDocument(new Uint8Array(await file.arrayBuffer()), file.name)
    if (!r.text.trim()) throw new ApiError(422, 'empty_document', `文件「${file.name}」没有可检查的文字`)
    return { text: r.text, name: file.name, format: r.format, encoding: r.encoding, fields }
  } catch (e) {
    if (e instanceof DocumentReadError) throw new ApiError(422, 'unreadable_document', e.message)
    throw e
  }
}

export const isMultipart = (c: Context) => (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
