/**
 * Every frame's editors, per tab: for the side panel, for the top frame's panel (editors in
 * cross-origin frames) and for the filing check of the frame being submitted, which waits for
 * the tab's other frames. In storage.session: it outlives a worker restart, not the browser.
 */
import { isFilingEntries } from '../filing/entries'
import type { EditorSnapshot, FilingEntry, FrameCheckRequest, FramesUpdate } from '../messages'

export const editorsKey = (tabId: number) => `editors:${tabId}`
/** Snapshots by frame id (0 is the top frame). */
export type TabEditors = Record<string, EditorSnapshot[]>

/** A frame that does not answer in time (frozen, navigating) is left out rather than holding the submission. */
export const FRAME_CHECK_MS = 4000

interface Session {
  get(key: string): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(key: string): Promise<void>
}
interface Tabs {
  sendMessage(tabId: number, message: FrameCheckRequest | FramesUpdate, options: { frameId: number }): Promise<unknown>
}

export function tabEditors(session: Session, tabs: Tabs) {
  // One read-modify-write at a time per tab: frames report at the same moment.
  const queues = new Map<number, Promise<unknown>>()
  const serial = <T>(tabId: number, fn: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(fn, fn)
    queues.set(tabId, next.catch(() => null))
    return next
  }
  const read = async (tabId: number): Promise<TabEditors> => ((await session.get(editorsKey(tabId)))[editorsKey(tabId)] as TabEditors | undefined) ?? {}

  return {
    read,

    /** Stores a frame's editors; answers the other frames' (what the top frame shows). */
    async record(tabId: number, frameId: number, snapshots: EditorSnapshot[]): Promise<TabEditors> {
      const all = await serial(tabId, async () => {
        const now = await read(tabId)
        if (snapshots.length) now[frameId] = snapshots
        else delete now[frameId]
        await session.set({ [editorsKey(tabId)]: now })
        return now
      })
      const { 0: _top, ...others } = all
      // The top frame shows the other frames' editors and holds its submit for them.
      if (frameId !== 0) void tabs.sendMessage(tabId, { type: 'frames:update', frames: others }, { frameId: 0 }).catch(() => null)
      return others
    },

    /**
     * The filing check of every frame of the tab with editors, except the one asking. `known`: the
     * frames the asker was told of, asked too (the registry is emptied when the tab's URL changes).
     */
    async collect(tabId: number, askingFrame: number, known: number[] = []): Promise<FilingEntry[]> {
      const frames = [...new Set([...Object.keys(await read(tabId)).map(Number), ...known.filter(Number.isInteger)])].filter((f) => f !== askingFrame)
      const answers = await Promise.all(
        frames.map((frameId) =>
          Promise.race([
            tabs.sendMessage(tabId, { type: 'frame:check' }, { frameId }).catch(() => null),
            new Promise<null>((ok) => setTimeout(() => ok(null), FRAME_CHECK_MS)),
          ]),
        ),
      )
      return answers.flatMap((a) => (isFilingEntries(a) ? a : []))
    },

    forget: (tabId: number) => serial(tabId, () => session.remove(editorsKey(tabId))),
  }
}
