/** The 收文 card's calls, through the background like every service call; never a word of the document. */
import type { DirectReportInput, RatingInput } from '../../../core'
import { send, type ReceivedInfo } from '../messages'

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; status: number }

const NO_ANSWER = { ok: false as const, error: '扩展后台未答复，请稍后再试', status: 0 }

export interface InboxApi {
  received(docHash: string): Promise<Result<ReceivedInfo>>
  rate(rating: RatingInput): Promise<Result<true>>
  directReport(report: DirectReportInput): Promise<Result<string>>
}

export const inboxApi: InboxApi = {
  received: async (docHash) => {
    const res = await send('received:get', { docHash }, 8000)
    return !res ? NO_ANSWER : 'received' in res ? { ok: true, value: res.received } : { ok: false, ...res }
  },
  rate: async (rating) => {
    const res = await send('rating:send', { rating }, 8000)
    return !res ? NO_ANSWER : 'ok' in res ? { ok: true, value: true } : { ok: false, ...res }
  },
  directReport: async (report) => {
    const res = await send('direct-report:send', { report }, 8000)
    return !res ? NO_ANSWER : 'id' in res ? { ok: true, value: res.id } : { ok: false, ...res }
  },
}
