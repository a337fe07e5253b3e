import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { App } from './App'
import './styles.css'

// The rule editor validates with the engine's schemas in the browser; its messages in Chinese.
z.config(z.locales.zhCN())

createRoot(document.getElementById('root')!).render(<App />)
