// newsprism UI behaviour: progressive enhancement only; every page works without it.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    // Filters apply as soon as they change.
    document.querySelectorAll('[data-autosubmit]').forEach(function (el) {
      el.addEventListener('change', function () {
        if (el.form) el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
      });
    });
    // "/" focuses the search box, as on most search sites.
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      var box = document.querySelector('#q, .topsearch input');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    });
    // Article page: show only paragraphs with one technique.
    var buttons = document.querySelectorAll('.legend-item');
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        var want = b.getAttribute('data-filter');
        buttons.forEach(function (x) { x.classList.toggle('active', x === b); });
        document.querySelectorAll('.para').forEach(function (p) {
          var has = (' ' + (p.getAttribute('data-techniques') || '') + ' ').indexOf(' ' + want + ' ') >= 0;
          p.classList.toggle('dim', !!want && !has);
        });
      });
    });
  });
})();
