/** Superior documents' fingerprints (hashes, never text) for copy detection, synced with ETag. */
import { z } from 'zod'
import { FingerprintSchema, formatZodError, type Fingerprint } from '../../../core'
import type { Cached, ConditionalResource } from './conditional-sync'
import type { KV } from './kv'
import type { ServiceClient } from './service'

export const FINGERPRINTS_KEY = 'fingerprints'

const BodySchema = z.object({ fingerprints: z.array(FingerprintSchema) })

export function fingerprintsResource(client: ServiceClient): ConditionalResource<Fingerprint[]> {
  return {
    key: FINGERPRINTS_KEY,
    label: '上级文件指纹',
    fetch: (etag) => client.fingerprints(etag),
    validate(body) {
      const parsed = BodySchema.safeParse(body)
      if (!parsed.success) return { ok: false, errors: formatZodError(parsed.error) }
      // The engine indexes one shingle size; drop any stray size rather than fail every analysis.
      const k = parsed.data.fingerprints[0]?.k
      return { ok: true, value: parsed.data.fingerprints.filter((f) => f.k === k) }
    },
  }
}

export async function activeFingerprints(kv: KV, serviceConfigured: boolean): Promise<Fingerprint[]> {
  if (!serviceConfigured) return []
  return (await kv.get<Cached<Fingerprint[]>>(FINGERPRINTS_KEY))?.value ?? []
}
