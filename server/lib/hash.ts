import { createHash, randomBytes } from 'node:crypto'

export const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex')
export const randomId = (prefix: string, bytes = 6) => `${prefix}_${randomBytes(bytes).toString('hex')}`
/** A bearer token: 32 random bytes, recognisable by its prefix. */
export const newToken = () => `bw_${randomBytes(32).toString('base64url')}`
/** A strong, quoted ETag from any string. */
export const etagOf = (s: string) => `"${createHash('sha256').update(s).digest('base64url').slice(0, 27)}"`
