import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { UI_CSS } from '../../lib/ui/styles'
import { SidePanel } from './SidePanel'
import './style.css'

// The in-page panel's stylesheet, so scores, bars and chips look the same in both places.
const style = document.createElement('style')
style.textContent = UI_CSS
document.head.prepend(style)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel />
  </StrictMode>,
)
