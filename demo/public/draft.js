// The demo 拟稿 page: builds the editor named by ?editor=…, and on submit copies the body into
// the form the way office systems do. Exposes window.demoEditor for tests and the benchmark.
;(function () {
  'use strict'
  var params = new URLSearchParams(location.search)
  var kind = params.get('editor') || 'textarea'
  if (params.get('marks') === 'overlay') document.documentElement.setAttribute('data-banwen-marks', 'overlay')
  var slot = document.getElementById('editor-slot')
  var form = document.getElementById('draft-form')
  var status = document.getElementById('status')
  document.getElementById('editor-kind').value = kind

  var SAMPLE_TITLE = '关于做好今冬明春农村道路交通安全工作的工作提示'
  var SAMPLE = [
    '各乡镇（街道）、县直有关单位：',
    '为深入贯彻落实全市道路交通安全工作会议精神，结合我县实际，现将有关工作提示如下。',
    '一、充分认识做好农村道路交通安全工作的重要意义',
    '各单位要高度重视，切实提高政治站位，以钉钉子精神扎实推进各项工作，确保取得实实在在的成效。',
    '二、强化隐患排查',
    '各乡镇要在12月10日前完成辖区内临水临崖路段排查，县交通运输局负责设置警示标志。',
    '各村要建立交通安全工作台账，每日报送巡查照片，并在工作群接龙打卡。',
    '三、加强督导考核',
    '对排查工作不力的乡镇实行一票否决。',
    '请各乡镇于每周五下午下班前将工作进展情况报送县交通安全委员会办公室。',
    '以上提示，请认真贯彻执行。',
  ].join('\n')

  function escapeHtml(s) {
    return s.replace(/[&<>]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;' }[c] })
  }
  function toParagraphs(text) {
    return text.split('\n').map(function (line) { return '<p>' + (escapeHtml(line) || '<br>') + '</p>' }).join('')
  }
  function hiddenBody() {
    var input = document.createElement('input')
    input.type = 'hidden'
    input.name = 'body'
    form.appendChild(input)
    return input
  }
  function loadScript(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement('script')
      s.src = src
      s.onload = ok
      s.onerror = fail
      document.head.appendChild(s)
    })
  }
  function loadCss(href) {
    var l = document.createElement('link')
    l.rel = 'stylesheet'
    l.href = href
    document.head.appendChild(l)
  }

  var api = { kind: kind }
  var hidden = null

  if (kind === 'textarea') {
    slot.innerHTML = '<textarea id="doc-editor" name="body" placeholder="在此起草正文"></textarea>'
    var ta = document.getElementById('doc-editor')
    api.element = ta
    api.getHtml = function () { return ta.value }
    api.setText = function (t) { ta.value = t }
    api.ready = Promise.resolve()
  } else if (kind === 'contenteditable') {
    slot.innerHTML = '<div id="doc-editor" contenteditable="true" role="textbox" aria-multiline="true"><p><br></p></div>'
    var div = document.getElementById('doc-editor')
    hidden = hiddenBody()
    api.element = div
    api.getHtml = function () { return div.innerHTML }
    api.setText = function (t) { div.innerHTML = toParagraphs(t) }
    api.ready = Promise.resolve()
  } else if (kind === 'iframe') {
    // Like UEditor and KindEditor: a blank iframe whose body is made editable by script.
    slot.innerHTML = '<iframe id="doc-editor-frame" title="正文"></iframe>'
    var frame = document.getElementById('doc-editor-frame')
    hidden = hiddenBody()
    var fdoc = frame.contentDocument
    fdoc.open()
    fdoc.write('<!doctype html><html><head><meta charset="utf-8"><style>body{margin:10px 12px;font:16px/1.8 FangSong,"仿宋","Noto Serif CJK SC",serif}p{margin:0 0 .3em}</style></head><body><p><br></p></body></html>')
    fdoc.close()
    fdoc.body.contentEditable = 'true'
    api.element = fdoc.body
    api.getHtml = function () { return frame.contentDocument.body.innerHTML }
    api.setText = function (t) { frame.contentDocument.body.innerHTML = toParagraphs(t) }
    api.ready = Promise.resolve()
  } else if (kind === 'tinymce') {
    slot.innerHTML = '<textarea id="doc-editor" name="body"></textarea>'
    api.ready = loadScript('/demo/vendor/tinymce/tinymce.min.js').then(function () {
      return window.tinymce.init({
        selector: '#doc-editor',
        license_key: 'gpl',
        base_url: '/demo/vendor/tinymce',
        suffix: '.min',
        menubar: false,
        promotion: false,
        branding: false,
        plugins: [],
        toolbar: 'undo redo | bold italic',
        height: 420,
        content_style: 'body{font:16px/1.8 FangSong,"仿宋","Noto Serif CJK SC",serif}p{margin:0 0 .3em}',
      })
    }).then(function (editors) {
      var ed = editors[0]
      api.editor = ed
      api.element = ed.getBody()
      api.getHtml = function () { return ed.getContent() }
      api.setText = function (t) { ed.setContent(toParagraphs(t)) }
    })
  } else if (kind === 'ckeditor5') {
    slot.innerHTML = '<div id="doc-editor"></div>'
    hidden = hiddenBody()
    loadCss('/demo/vendor/ckeditor5/ckeditor5.css')
    api.ready = loadScript('/demo/vendor/ckeditor5/ckeditor5.umd.js').then(function () {
      var C = window.CKEDITOR
      return C.ClassicEditor.create(document.getElementById('doc-editor'), {
        licenseKey: 'GPL',
        plugins: [C.Essentials, C.Paragraph, C.Bold, C.Italic],
        toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
      })
    }).then(function (ed) {
      api.editor = ed
      api.element = document.querySelector('.ck-editor__editable')
      api.getHtml = function () { return ed.getData() }
      api.setText = function (t) { ed.setData(toParagraphs(t)) }
    })
  } else if (window.demoOfficeEditors && window.demoOfficeEditors[kind]) {
    hidden = hiddenBody()
    api.ready = window.demoOfficeEditors[kind](slot, api, { toParagraphs: toParagraphs, loadScript: loadScript, loadCss: loadCss })
  }
  api.ready = api.ready.then(function () { document.documentElement.setAttribute('data-editor-ready', kind) })
  window.demoEditor = api

  form.addEventListener('submit', function () {
    if (hidden) hidden.value = api.getHtml()
    status.textContent = '正在提交……'
  })
  document.getElementById('fill-sample').addEventListener('click', function () {
    api.ready.then(function () {
      document.getElementById('doc-title').value = SAMPLE_TITLE
      document.getElementById('doc-type').value = '工作提示'
      api.setText(SAMPLE)
    })
  })
  document.getElementById('save-draft').addEventListener('click', function () {
    status.textContent = '草稿已保存（演示，未提交）'
  })
})()
