// Tiptap has no browser build: the demo server bundles this entry with esbuild (from node_modules, no CDN).
import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

;(window as unknown as { Tiptap: unknown }).Tiptap = { Editor, StarterKit }
