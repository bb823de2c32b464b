/*
  reading-switch.js: remembers the reader's choice between the reading text
  and the diplomatic view of a document page (html/document.xsl,
  fp:view-switch). The switch itself works without this script: the
  stylesheet shows one side with .document:has(#view-diplomatic:checked).
  The script stores the choice in localStorage (which file:// may refuse:
  every access is guarded), re-applies it on load, and sets the classes
  view-reading / view-diplomatic on the article for browsers without :has().
*/
(function () {
  'use strict';

  var KEY = 'edition:view';
  var VIEWS = ['reading', 'diplomatic'];

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return VIEWS.indexOf(value) >= 0 ? value : null;
    } catch (e) {
      return null;
    }
  }

  function store(view) {
    try {
      window.localStorage.setItem(KEY, view);
    } catch (e) {
      /* Storage refused (file://, private mode): the choice lasts for this page only. */
    }
  }

  function init() {
    var reading = document.getElementById('view-reading');
    var diplomatic = document.getElementById('view-diplomatic');
    if (!reading || !diplomatic) return;
    var article = reading.closest('.document') || document.body;

    function apply(view) {
      article.classList.remove('view-reading', 'view-diplomatic');
      article.classList.add('view-' + view);
    }

    var initial = stored();
    if (initial === 'diplomatic') diplomatic.checked = true;
    else if (initial === 'reading') reading.checked = true;
    apply(diplomatic.checked ? 'diplomatic' : 'reading');

    [reading, diplomatic].forEach(function (input) {
      input.addEventListener('change', function () {
        if (!input.checked) return;
        apply(input.value);
        store(input.value);
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
