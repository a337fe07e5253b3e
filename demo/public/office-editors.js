// The editors office systems embed, beside draft.js's own: wangEditor 5 (Slate), Quill 2,
// CKEditor 4.22.1 (classic and full-page, the draft loaded by setData()) and Tiptap (ProseMirror).
// Each builder fills `api` (element, getHtml, setText, editor) and returns a promise; `h` holds
// draft.js's helpers (toParagraphs, loadScript, loadCss).
;(function () {
  'use strict'
  var BODY_FONT = 'font:16px/1.8 FangSong,"仿宋","Noto Serif CJK SC",serif'

  function ckeditor4(fullPage) {
    return function (slot, api, h) {
      slot.innerHTML = '<textarea id="doc-editor" name="body"></textarea>'
      window.CKEDITOR_BASEPATH = '/demo/vendor/ckeditor4/'
      return h.loadScript('/demo/vendor/ckeditor4/ckeditor.js').then(function () {
        return new Promise(function (ok) {
          var ed = window.CKEDITOR.replace('doc-editor', {
            versionCheck: false,
            fullPage: fullPage,
            allowedContent: fullPage,
            height: 380,
            toolbar: [['Undo', 'Redo', '-', 'Bold', 'Italic']],
            contentsCss: [],
            bodyClass: 'doc-body',
          })
          ed.on('instanceReady', function () { ok(ed) })
        })
      }).then(function (ed) {
        api.editor = ed
        // setData rewrites the iframe (document.write): the element is always the current body.
        Object.defineProperty(api, 'element', { get: function () { return ed.editable().$ }, configurable: true })
        api.getHtml = function () { return ed.getData() }
        api.setText = function (t) {
          var body = h.toParagraphs(t)
          var html = fullPage
            ? '<!DOCTYPE html><html><head><title>正文</title><style>body{' + BODY_FONT + '}</style></head><body>' + body + '</body></html>'
            : body
          return new Promise(function (ok) { ed.setData(html, { callback: ok }) })
        }
        // Office systems load the saved draft with setData() once the editor is ready.
        return api.setText('')
      })
    }
  }

  window.demoOfficeEditors = {
    wangeditor: function (slot, api, h) {
      slot.innerHTML = '<div id="doc-toolbar"></div><div id="doc-editor-box" style="height:380px;border:1px solid #cbd5e1"></div>'
      h.loadCss('/demo/vendor/wangeditor/css/style.css')
      return h.loadScript('/demo/vendor/wangeditor/index.js').then(function () {
        var W = window.wangEditor
        var ed = W.createEditor({ selector: '#doc-editor-box', html: '<p><br></p>', mode: 'simple' })
        W.createToolbar({ editor: ed, selector: '#doc-toolbar', mode: 'simple', config: { toolbarKeys: ['undo', 'redo', 'bold', 'italic'] } })
        api.editor = ed
        api.element = document.querySelector('#doc-editor-box [data-slate-editor]')
        api.getHtml = function () { return ed.getHtml() }
        api.setText = function (t) { ed.setHtml(h.toParagraphs(t)) }
      })
    },
    quill: function (slot, api, h) {
      slot.innerHTML = '<div id="doc-editor-box" style="height:380px"></div>'
      h.loadCss('/demo/vendor/quill/quill.snow.css')
      return h.loadScript('/demo/vendor/quill/quill.js').then(function () {
        var q = new window.Quill('#doc-editor-box', { theme: 'snow', modules: { toolbar: [['bold', 'italic']] } })
        api.editor = q
        api.element = q.root
        api.getHtml = function () { return q.getSemanticHTML() }
        api.setText = function (t) { q.setText(t + '\n') }
      })
    },
    ckeditor4: ckeditor4(false),
    'ckeditor4-full': ckeditor4(true),
    tiptap: function (slot, api, h) {
      slot.innerHTML = '<div id="doc-editor-box" class="tiptap-box"></div>'
      return h.loadScript('/demo/vendor/tiptap.js').then(function () {
        var T = window.Tiptap
        var ed = new T.Editor({ element: document.getElementById('doc-editor-box'), extensions: [T.StarterKit], content: '<p></p>' })
        api.editor = ed
        api.element = ed.view.dom
        api.getHtml = function () { return ed.getHTML() }
        api.setText = function (t) { ed.commands.setContent(h.toParagraphs(t)) }
      })
    },
  }
})()
