/*
  search.js: the search page (search.html, html/edition.xsl
  fp:search-content) over the index the build writes as search-index.js:
  window.EDITION_SEARCH_INDEX, an array of
  {id, page, n, title, date, year, sender, recipient, places[], text,
   notes[{n, text, id}]}.

  Full-text search over the text, the notes and the title, insensitive to
  case and diacritics (every word of the query must occur); facets for
  sender, recipient, year and place with counts; each result shows the
  matching passages with the words highlighted and links to the document,
  or to the note (docNNN.html#id) for a match in a note.
  Everything is built as DOM nodes with textContent: no data ever reaches
  innerHTML. Works from file:// (a script file, no fetch).
*/
(function () {
  'use strict';

  var CONTEXT = 70;          /* characters of context on each side of a match */
  var MAX_PASSAGES = 3;      /* passages of the text shown per result */
  var MAX_NOTES = 3;         /* notes shown per result */

  var FACETS = [
    { key: 'sender', label: 'Sender', values: function (d) { return d.sender ? [d.sender] : []; } },
    { key: 'recipient', label: 'Recipient', values: function (d) { return d.recipient ? [d.recipient] : []; } },
    { key: 'year', label: 'Year', values: function (d) { return d.year ? [d.year] : []; } },
    { key: 'place', label: 'Place', values: function (d) { return Array.isArray(d.places) ? d.places : []; } }
  ];

  /* ----- Folding: case and diacritics, with a map back to the original ----- */

  function foldChar(c) {
    return c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function fold(s) {
    return foldChar(String(s || ''));
  }

  /* The folded text, and for each of its code units the index of the original code unit it came from. */
  function foldWithMap(s) {
    var out = '';
    var map = [];
    var i = 0;
    while (i < s.length) {
      var cp = s.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      var f = foldChar(ch);
      for (var k = 0; k < f.length; k++) map.push(i);
      out += f;
      i += ch.length;
    }
    map.push(s.length);
    return { text: out, map: map };
  }

  function terms(query) {
    var seen = {};
    return fold(query).split(/[\s,;]+/).filter(function (t) {
      if (t === '' || seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }

  /* Ranges [start, end) in the original string where any term occurs, merged. */
  function matchRanges(prepared, words) {
    var ranges = [];
    words.forEach(function (w) {
      var at = prepared.text.indexOf(w);
      while (at >= 0) {
        var lastChar = prepared.map[at + w.length - 1];
        var k = at + w.length;
        while (prepared.map[k] <= lastChar) k++;
        ranges.push([prepared.map[at], prepared.map[k]]);
        at = prepared.text.indexOf(w, at + w.length);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* ----- DOM helpers ----- */

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  /* A passage of s around the ranges, with each range in <mark>. */
  function passage(s, ranges) {
    var p = el('p', 'passage');
    var start = Math.max(0, ranges[0][0] - CONTEXT);
    var end = Math.min(s.length, ranges[ranges.length - 1][1] + CONTEXT);
    /* Do not cut words in two. */
    if (start > 0) {
      var space = s.indexOf(' ', start);
      if (space >= 0 && space < ranges[0][0]) start = space + 1;
    }
    if (end < s.length) {
      var back = s.lastIndexOf(' ', end);
      if (back > ranges[ranges.length - 1][1]) end = back;
    }
    if (start > 0) p.appendChild(document.createTextNode('… '));
    var at = start;
    ranges.forEach(function (r) {
      if (r[0] > at) p.appendChild(document.createTextNode(s.slice(at, r[0])));
      p.appendChild(el('mark', null, s.slice(r[0], r[1])));
      at = r[1];
    });
    if (end > at) p.appendChild(document.createTextNode(s.slice(at, end)));
    if (end < s.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  /* Group ranges that are close together into passages. */
  function passages(s, ranges, max) {
    var groups = [];
    ranges.forEach(function (r) {
      var last = groups[groups.length - 1];
      if (last && r[0] - last[last.length - 1][1] < CONTEXT * 2) last.push(r);
      else groups.push([r]);
    });
    return groups.slice(0, max).map(function (g) { return passage(s, g); });
  }

  /* ----- The page ----- */

  function init() {
    var root = document.getElementById('search');
    var input = document.getElementById('search-query');
    var facetsBox = document.getElementById('search-facets');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    if (!root || !input || !facetsBox || !status || !list) return;
    root.hidden = false;

    var index = window.EDITION_SEARCH_INDEX;
    if (!Array.isArray(index)) {
      status.textContent = 'The search index (search-index.js) did not load, so the search cannot run. Browse the list of documents instead.';
      input.disabled = true;
      return;
    }

    var docs = index.map(function (d) {
      var notes = (Array.isArray(d.notes) ? d.notes : []).map(function (n) {
        return { n: String(n.n || ''), text: String(n.text || ''), id: String(n.id || ''), prepared: foldWithMap(String(n.text || '')) };
      });
      return {
        data: d,
        text: String(d.text || ''),
        prepared: foldWithMap(String(d.text || '')),
        title: fold(d.title),
        notes: notes,
        facets: FACETS.map(function (f) { return f.values(d).map(String); })
      };
    });

    /* Facets: one fieldset of checkboxes each. */
    var selected = FACETS.map(function () { return {}; });
    var countSpans = FACETS.map(function () { return {}; });
    var checkboxes = FACETS.map(function () { return {}; });
    FACETS.forEach(function (facet, fi) {
      var values = {};
      docs.forEach(function (d) { d.facets[fi].forEach(function (v) { values[v] = true; }); });
      var names = Object.keys(values).sort(function (a, b) { return a.localeCompare(b); });
      if (names.length === 0) return;
      var fieldset = el('fieldset', 'facet');
      fieldset.appendChild(el('legend', null, facet.label));
      var ul = el('ul', 'facet-values');
      names.forEach(function (value, vi) {
        var li = el('li');
        var id = 'facet-' + facet.key + '-' + vi;
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.value = value;
        box.addEventListener('change', function () {
          if (box.checked) selected[fi][value] = true;
          else delete selected[fi][value];
          update();
        });
        var label = el('label');
        label.htmlFor = id;
        label.appendChild(document.createTextNode(value + ' '));
        var count = el('span', 'facet-count');
        label.appendChild(count);
        li.appendChild(box);
        li.appendChild(label);
        ul.appendChild(li);
        countSpans[fi][value] = count;
        checkboxes[fi][value] = box;
      });
      fieldset.appendChild(ul);
      facetsBox.appendChild(fieldset);
    });
    var clear = el('button', 'facet-clear', 'Clear filters');
    clear.type = 'button';
    clear.addEventListener('click', function () {
      FACETS.forEach(function (f, fi) {
        selected[fi] = {};
        Object.keys(checkboxes[fi]).forEach(function (v) { checkboxes[fi][v].checked = false; });
      });
      update();
    });
    facetsBox.appendChild(clear);

    function passesFacet(doc, fi) {
      var wanted = Object.keys(selected[fi]);
      if (wanted.length === 0) return true;
      return doc.facets[fi].some(function (v) { return selected[fi][v] === true; });
    }

    function passesFacetsExcept(doc, except) {
      for (var fi = 0; fi < FACETS.length; fi++) {
        if (fi !== except && !passesFacet(doc, fi)) return false;
      }
      return true;
    }

    /* Does the document hold every word (in its text, a note or its title)? */
    function matchesQuery(doc, words) {
      return words.every(function (w) {
        return doc.prepared.text.indexOf(w) >= 0 || doc.title.indexOf(w) >= 0 ||
          doc.notes.some(function (n) { return n.prepared.text.indexOf(w) >= 0; });
      });
    }

    function render(doc, words) {
      var d = doc.data;
      var li = el('li', 'search-result');
      var heading = el('h3', 'result-title');
      var link = el('a', null, (d.n ? 'No. ' + d.n + '. ' : '') + (d.title || d.id));
      link.href = String(d.page || '');
      heading.appendChild(link);
      li.appendChild(heading);
      var meta = [d.date, [d.sender || '?', d.recipient || '?'].join(' → ')].filter(function (x) { return x; });
      li.appendChild(el('p', 'result-meta', meta.join(' · ')));
      if (words.length === 0) return li;

      var found = el('ul', 'result-passages');
      var textRanges = matchRanges(doc.prepared, words);
      passages(doc.text, textRanges, MAX_PASSAGES).forEach(function (p) {
        var item = el('li', 'result-passage result-in-text');
        item.appendChild(el('span', 'passage-where', 'Text'));
        item.appendChild(p);
        found.appendChild(item);
      });
      var notesShown = 0;
      doc.notes.forEach(function (n) {
        var ranges = matchRanges(n.prepared, words);
        if (ranges.length === 0 || notesShown >= MAX_NOTES) return;
        notesShown++;
        var item = el('li', 'result-passage result-in-note');
        var where = el('a', 'passage-where', 'Note ' + n.n);
        where.href = String(d.page || '') + '#' + (n.id || (d.id + '-n' + n.n));
        where.setAttribute('aria-label', 'Note ' + n.n + ' of ' + (d.n ? 'No. ' + d.n : d.id));
        item.appendChild(where);
        passages(n.text, ranges, 1).forEach(function (p) { item.appendChild(p); });
        found.appendChild(item);
      });
      if (found.childNodes.length > 0) li.appendChild(found);
      return li;
    }

    function update() {
      var words = terms(input.value);
      var byQuery = docs.filter(function (d) { return matchesQuery(d, words); });
      var results = byQuery.filter(function (d) { return passesFacetsExcept(d, -1); });

      /* Counts: what each value would give, with the query and the other facets. */
      FACETS.forEach(function (facet, fi) {
        var counts = {};
        byQuery.forEach(function (d) {
          if (!passesFacetsExcept(d, fi)) return;
          d.facets[fi].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
        });
        Object.keys(countSpans[fi]).forEach(function (v) {
          var n = counts[v] || 0;
          countSpans[fi][v].textContent = '(' + n + ')';
          countSpans[fi][v].parentNode.parentNode.classList.toggle('facet-empty', n === 0);
        });
      });

      while (list.firstChild) list.removeChild(list.firstChild);
      results.forEach(function (d) { list.appendChild(render(d, words)); });
      var total = docs.length;
      var what = words.length ? ' matching “' + input.value.trim() + '”' : '';
      status.textContent = results.length === 0
        ? 'No documents' + what + '.'
        : (results.length === 1 ? '1 document' : results.length + ' documents') + what +
          (results.length < total && words.length === 0 ? ' (of ' + total + ')' : '') + '.';

      try {
        var url = new URL(window.location.href);
        if (input.value.trim()) url.searchParams.set('q', input.value.trim());
        else url.searchParams.delete('q');
        window.history.replaceState(null, '', url.href);
      } catch (e) {
        /* Some browsers refuse history changes under file://: the page still works. */
      }
    }

    var timer = null;
    input.addEventListener('input', function () {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(update, 120);
    });
    try {
      var q = new URL(window.location.href).searchParams.get('q');
      if (q) input.value = q;
    } catch (e) {
      /* No query in the address. */
    }
    update();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
