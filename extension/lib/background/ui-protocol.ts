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

/** The options page's buttons for events the service refused (set aside by the queue). */
export interface AsideRequest {
  type: 'bg:telemetry-aside'
  action: 'retry' | 'discard'
}
export interface AsideResponse {
  /** How many events were retried or discarded. */
  count: number
  telemetry: FlushResult | null
}

export const isAsideRequest = (x: unknown): x is AsideRequest =>
  typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'bg:telemetry-aside' && ['retry', 'discard'].includes((x as { action?: unknown }).action as string)
