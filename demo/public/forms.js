// The 办件 page's cases (see forms.html). Exposes window.demoForm for tests.
;(function () {
  'use strict'
  var params = new URLSearchParams(location.search)
  var kase = params.get('case') || 'two'
  var form = document.getElementById('case-form')
  var body = document.getElementById('body-field')
  var editor = document.getElementById('doc-editor')
  var frameHtml = ''
  document.getElementById('editor-kind').value = 'forms-' + kase

  if (kase === 'two') document.getElementById('opinion-row').hidden = false
  if (kase === 'cross') {
    // The 正文 lives on another origin; it posts its content up as the drafter types.
    document.getElementById('local-row').remove()
    document.getElementById('frame-row').hidden = false
    var child = params.get('child')
    document.getElementById('body-frame').src = child
    var childOrigin = new URL(child).origin
    var search = document.getElementById('search-form')
    search.hidden = false
    search.addEventListener('submit', function (e) {
      e.preventDefault()
      document.getElementById('status').textContent = '已查询：' + document.getElementById('search-q').value
    })
    window.addEventListener('message', function (e) {
      if (e.origin === childOrigin && e.data && e.data.type === 'body') frameHtml = String(e.data.html)
    })
  }
  if (kase === 'script') {
    document.getElementById('submit-doc').hidden = true
    var finish = document.getElementById('finish-doc')
    finish.hidden = false
    finish.addEventListener('click', function () {
      // Validation, then submission by script, as many office systems do.
      fill()
      document.getElementById('status').textContent = '正在办结……'
      if (params.get('via') === 'request') form.requestSubmit()
      else form.submit()
    })
  }

  function fill() {
    body.value = kase === 'cross' ? frameHtml : editor ? editor.innerHTML : ''
  }
  form.addEventListener('submit', fill)
  window.demoForm = { kind: kase, bodyHtml: function () { fill(); return body.value } }
  document.documentElement.setAttribute('data-editor-ready', kase)
})()
