/** Options page / popup → background requests, outside the content-script contract. */
import type { FlushResult } from './telemetry-queue'
import type { SyncReport } from './sync'

export interface SyncNowRequest {
  type: 'bg:sync-now'
}
export interface SyncNowResponse {
  sync: SyncReport
  telemetry: FlushResult | null
}

export const isSyncNow = (x: unknown): x is SyncNowRequest => typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'bg:sync-now'
