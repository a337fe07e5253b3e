import { useSyncExternalStore } from 'react'
import type { UiActions } from './actions'
import { Card } from './Card'
import { FilingDialog } from './FilingDialog'
import { Panel } from './Panel'
import type { UiStore } from './store'

export function App({ store, actions }: { store: UiStore; actions: UiActions }) {
  useSyncExternalStore(store.subscribe, store.getVersion)
  const state = store.get()
  return (
    <>
      <Panel state={state} actions={actions} />
      {state.card ? <Card card={state.card} actions={actions} /> : null}
      {state.dialog ? <FilingDialog key={state.dialog.id} dialog={state.dialog} /> : null}
    </>
  )
}
