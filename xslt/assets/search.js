/*
  search.js: the search page (search.html, html/edition.xsl
  fp:search-content) over the index the build writes
  (src/site/search-index.ts): the manifest search-index.js
  (window.EDITION_SEARCH_INDEX), loaded with the page, and the parts in
  search/ (terms-N.js, positions-N.js, documents-N.js), loaded as a query
  needs them by adding <script src> elements: a part calls
  window.EDITION_SEARCH_PART(name, data). So the search works from file://,
  where fetch() of a local file is refused, and under a CSP of
  script-src 'self'.

  - Words in any order, all of them required; the last word, while it is
    being typed, also finds the words that begin with it (from its second
    letter on: a single letter being typed is not searched yet); "quoted
    words" are found as a phrase. Capitals and accents do not matter: words are
    folded as the index folds them (foldWord, words()).
  - Results ranked (BM25 over the text, the notes and the title, a word in
    the title counting three times), in pages of PAGE_SIZE: only the page
    shown is rendered, and only its documents' texts are loaded.
  - Facets (sender, recipient, year, place) in collapsible <details>, the
    values with the most results first, no value without results unless it
    is selected, FACET_SHOWN of them until "Show all", a filter box for a
    long one. Counts: what each value would give with the query and the
    other facets.
  - The query, the selected values and the page live in the address
    (search.html?q=…&place=…&page=2), restored on load and on back/forward.
  Everything is built as DOM nodes with textContent: no data ever reaches
  innerHTML.
*/
(function () {
  'use strict';

  var PAGE_SIZE = 10;        /* results on a page */
  var CONTEXT = 70;          /* characters of context on each side of a match */
  var PASSAGE_SPAN = 160;    /* characters from the first match of a passage to its last, at most */
  var MAX_PASSAGES = 3;      /* passages of the text shown per result */
  var MAX_NOTES = 3;         /* notes shown per result */
  var FACET_SHOWN = 10;      /* values of a facet shown until "Show all" */
  var FACET_MAX = 100;       /* values of a facet shown at most (the filter box finds the others) */
  var FACET_FILTER_FROM = 11; /* a facet with this many values gets a filter box */
  var BM25_K1 = 1.2;
  var BM25_B = 0.75;
  var PARTS = 'search/';

  var FACETS = [
    { key: 'sender', label: 'Sender', plural: 'senders' },
    { key: 'recipient', label: 'Recipient', plural: 'recipients' },
    { key: 'year', label: 'Year', plural: 'years' },
    { key: 'place', label: 'Place', plural: 'places' }
  ];

  /* ----- Words: as src/site/search-index.ts makes them ----- */

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var MARKS = /\p{M}/gu;
  var ASCII = /^[\x00-\x7f]*$/;

  function foldWord(w) {
    return ASCII.test(w) ? w.toLowerCase() : w.normalize('NFD').replace(MARKS, '').toLowerCase();
  }

  /* The words of a text with where they stand: [{word, start, end}]. */
  function wordsAt(text) {
    var out = [];
    var re = new RegExp(WORD.source, 'gu');
    var m;
    while ((m = re.exec(text)) !== null) {
      var w = foldWord(m[0]);
      if (w !== '') out.push({ word: w, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  function words(text) {
    return wordsAt(text).map(function (t) { return t.word; });
  }

  /*
    The query: a list of elements, each {kind: 'word' | 'prefix' | 'phrase',
    words: [...]}. Text in quotation marks ("…", “…”, „…“) is a phrase (one
    word in quotes is a word); the last word outside quotes is a prefix
    while the query ends with it.
  */
  function parseQuery(q) {
    var elements = [];
    var seen = {};
    function add(kind, ws) {
      var key = kind + ':' + ws.join(' ');
      if (seen[key]) return;
      seen[key] = true;
      elements.push({ kind: kind, words: ws });
    }
    var parts = String(q || '').split(/["“”„]/);
    var lastOutside = null;
    parts.forEach(function (part, i) {
      var ws = words(part);
      if (i % 2 === 1) {
        if (ws.length === 1) add('word', ws);
        else if (ws.length > 1) add('phrase', ws);
      } else {
        ws.forEach(function (w) { add('word', [w]); });
        if (i === parts.length - 1 && ws.length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(part)) lastOutside = ws[ws.length - 1];
      }
    });
    if (lastOutside !== null) {
      var last = elements[elements.length - 1];
      if (last && last.kind === 'word' && last.words[0] === lastOutside) {
        /* One letter being typed begins too many words to narrow anything: it counts from the second on. */
        if (Array.from(lastOutside).length < 2) elements.pop();
        else last.kind = 'prefix';
      }
    }
    return elements;
  }

  /* ----- Numbers: base-64 variable-length quantities (search-index.ts numbers()) ----- */

  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var DIGIT_VALUE = {};
  for (var di = 0; di < DIGITS.length; di++) DIGIT_VALUE[DIGITS.charCodeAt(di)] = di;

  function readNumbers(s) {
    var out = [];
    var value = 0;
    var shift = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT_VALUE[s.charCodeAt(i)];
      value += (d & 31) * shift;
      if (d & 32) shift *= 32;
      else {
        out.push(value);
        value = 0;
        shift = 1;
      }
    }
    return out;
  }

  /* ----- Parts: script files in search/, each loaded once ----- */

  var received = {};
  var loading = {};
  window.EDITION_SEARCH_PART = function (name, data) { received[name] = data; };

  function loadPart(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = PARTS + name + '.js';
        s.onload = function () {
          if (Object.prototype.hasOwnProperty.call(received, name)) {
            resolve(received[name]);
            delete received[name];
          } else reject(new Error(PARTS + name + '.js is not a part of this search index'));
        };
        s.onerror = function () {
          delete loading[name];
          reject(new Error(PARTS + name + '.js did not load'));
        };
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }

  /* The last index i with list[i] <= x (0 when none is). */
  function partOf(list, x) {
    var lo = 0;
    var hi = list.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (list[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /* ----- The index ----- */

  function SearchIndex(manifest) {
    this.size = manifest.documents;
    this.lengths = readNumbers(manifest.lengths);
    var total = 0;
    this.lengths.forEach(function (n) { total += n; });
    this.averageLength = this.size > 0 ? total / this.size : 1;
    this.termParts = manifest.termParts;
    this.documentParts = manifest.documentParts;
    this.postingsCache = {};
    this.positionsCache = {};
    var self = this;
    /* Per facet: its values, and per document the offsets into one list of value numbers. */
    this.facets = FACETS.map(function (f) {
      var data = (manifest.facets || {})[f.key] || { values: [], documents: '' };
      var nums = readNumbers(data.documents);
      var offsets = new Int32Array(self.size + 1);
      var values = [];
      var at = 0;
      for (var d = 0; d < self.size; d++) {
        offsets[d] = values.length;
        var count = nums[at++] || 0;
        for (var k = 0; k < count; k++) values.push(nums[at++]);
      }
      offsets[self.size] = values.length;
      var names = data.values;
      /* Ties in the counts go by name. */
      var byName = names.map(function (n, i) { return i; }).sort(function (a, b) { return names[a].localeCompare(names[b]); });
      var rank = new Int32Array(names.length);
      byName.forEach(function (v, r) { rank[v] = r; });
      var folded = names.map(function (n) { return words(n).join(' '); });
      return { key: f.key, names: names, folded: folded, rank: rank, offsets: offsets, values: Int32Array.from(values) };
    });
  }

  SearchIndex.prototype.termPart = function (term) {
    return 'terms-' + partOf(this.termParts, term);
  };

  /* The term parts that may hold words beginning with prefix. */
  SearchIndex.prototype.prefixParts = function (prefix) {
    var first = partOf(this.termParts, prefix);
    var names = ['terms-' + first];
    for (var i = first + 1; i < this.termParts.length && this.termParts[i].lastIndexOf(prefix, 0) === 0; i++) names.push('terms-' + i);
    return names;
  };

  /* {docs, weights} of a term, or null; its part must be loaded (part = its data). */
  SearchIndex.prototype.postings = function (term, part) {
    if (this.postingsCache[term] !== undefined) return this.postingsCache[term];
    var encoded = Object.prototype.hasOwnProperty.call(part, term) ? part[term] : null;
    var result = null;
    if (encoded !== null) {
      var nums = readNumbers(encoded);
      var n = nums.length / 2;
      var docs = new Int32Array(n);
      var weights = new Int32Array(n);
      var doc = 0;
      for (var i = 0; i < n; i++) {
        doc += nums[2 * i];
        docs[i] = doc;
        weights[i] = nums[2 * i + 1];
      }
      result = { docs: docs, weights: weights };
    }
    this.postingsCache[term] = result;
    return result;
  };

  /* Per document of the term's postings, its positions; the positions part must be loaded. */
  SearchIndex.prototype.positions = function (term, part) {
    if (this.positionsCache[term] !== undefined) return this.positionsCache[term];
    var nums = readNumbers(part[term] || '');
    var lists = [];
    var at = 0;
    while (at < nums.length) {
      var count = nums[at++];
      var list = new Int32Array(count);
      var p = 0;
      for (var k = 0; k < count; k++) {
        p += nums[at++];
        list[k] = p;
      }
      lists.push(list);
    }
    this.positionsCache[term] = lists;
    return lists;
  };

  SearchIndex.prototype.score = function (weight, doc, documentsWithTerm) {
    var idf = Math.log(1 + (this.size - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5));
    var norm = BM25_K1 * (1 - BM25_B + BM25_B * this.lengths[doc] / this.averageLength);
    return idf * weight * (BM25_K1 + 1) / (weight + norm);
  };

  /* A term's documents and their scores: {docs: Int32Array, scores: Float64Array}. */
  SearchIndex.prototype.scored = function (p) {
    var scores = new Float64Array(p.docs.length);
    for (var i = 0; i < p.docs.length; i++) scores[i] = this.score(p.weights[i], p.docs[i], p.docs.length);
    return { docs: p.docs, scores: scores };
  };

  var NONE = { docs: new Int32Array(0), scores: new Float64Array(0) };

  function contains(sorted, x) {
    var lo = 0;
    var hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === x) return true;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /* The documents and scores of one element of the query (a promise). */
  SearchIndex.prototype.element = function (el) {
    var self = this;
    if (el.kind === 'word') {
      var name = self.termPart(el.words[0]);
      return loadPart(name).then(function (part) {
        var p = self.postings(el.words[0], part);
        return p ? self.scored(p) : NONE;
      });
    }
    if (el.kind === 'prefix') {
      var prefix = el.words[0];
      return Promise.all(self.prefixParts(prefix).map(loadPart)).then(function (parts) {
        var sum = new Float64Array(self.size);
        var hit = new Uint8Array(self.size);
        var found = 0;
        parts.forEach(function (part) {
          Object.keys(part).forEach(function (term) {
            if (term.lastIndexOf(prefix, 0) !== 0) return;
            var p = self.postings(term, part);
            for (var i = 0; i < p.docs.length; i++) {
              var d = p.docs[i];
              if (!hit[d]) { hit[d] = 1; found++; }
              sum[d] += self.score(p.weights[i], d, p.docs.length);
            }
          });
        });
        var docs = new Int32Array(found);
        var scores = new Float64Array(found);
        for (var d = 0, k = 0; d < self.size; d++) {
          if (hit[d]) { docs[k] = d; scores[k] = sum[d]; k++; }
        }
        return { docs: docs, scores: scores };
      });
    }
    /* A phrase: the documents holding every word, then the positions. */
    var terms = el.words;
    var termNames = terms.map(function (t) { return self.termPart(t); });
    return Promise.all(termNames.map(loadPart)).then(function (parts) {
      var postings = terms.map(function (t, i) { return self.postings(t, parts[i]); });
      if (postings.some(function (p) { return p === null; })) return NONE;
      var names = termNames.map(function (n) { return n.replace('terms-', 'positions-'); });
      return Promise.all(names.map(loadPart)).then(function (positionParts) {
        var positions = terms.map(function (t, i) { return self.positions(t, positionParts[i]); });
        var docs = [];
        var scores = [];
        var at = terms.map(function () { return 0; });
        var first = postings[0];
        for (var i = 0; i < first.docs.length; i++) {
          var d = first.docs[i];
          var all = true;
          for (var t = 1; t < terms.length && all; t++) {
            var p = postings[t];
            while (at[t] < p.docs.length && p.docs[at[t]] < d) at[t]++;
            all = at[t] < p.docs.length && p.docs[at[t]] === d;
          }
          if (!all) continue;
          at[0] = i;
          var starts = positions[0][i];
          var found = false;
          for (var s = 0; s < starts.length && !found; s++) {
            var ok = true;
            for (var w = 1; w < terms.length && ok; w++) ok = contains(positions[w][at[w]], starts[s] + w);
            found = ok;
          }
          if (!found) continue;
          var score = 0;
          for (var u = 0; u < terms.length; u++) score += self.score(postings[u].weights[at[u]], d, postings[u].docs.length);
          docs.push(d);
          scores.push(score);
        }
        return { docs: Int32Array.from(docs), scores: Float64Array.from(scores) };
      });
    });
  };

  /* The documents that match every element, with their summed scores. */
  SearchIndex.prototype.match = function (elements) {
    var self = this;
    if (elements.length === 0) {
      var docs = new Int32Array(self.size);
      for (var d = 0; d < self.size; d++) docs[d] = d;
      return Promise.resolve({ docs: docs, scores: new Float64Array(self.size) });
    }
    return Promise.all(elements.map(function (el) { return self.element(el); })).then(function (sets) {
      sets.sort(function (a, b) { return a.docs.length - b.docs.length; });
      var docs = Array.from(sets[0].docs);
      var scores = Array.from(sets[0].scores);
      for (var k = 1; k < sets.length; k++) {
        var other = sets[k];
        var keptDocs = [];
        var keptScores = [];
        var j = 0;
        for (var i = 0; i < docs.length; i++) {
          while (j < other.docs.length && other.docs[j] < docs[i]) j++;
          if (j < other.docs.length && other.docs[j] === docs[i]) {
            keptDocs.push(docs[i]);
            keptScores.push(scores[i] + other.scores[j]);
          }
        }
        docs = keptDocs;
        scores = keptScores;
      }
      return { docs: Int32Array.from(docs), scores: Float64Array.from(scores) };
    });
  };

  /* The entries of documents (a promise of an array, in the order asked for). */
  SearchIndex.prototype.entries = function (docs) {
    var self = this;
    var names = {};
    docs.forEach(function (d) { names['documents-' + partOf(self.documentParts, d)] = true; });
    var list = Object.keys(names);
    return Promise.all(list.map(loadPart)).then(function (parts) {
      var byName = {};
      list.forEach(function (n, i) { byName[n] = parts[i]; });
      return docs.map(function (d) {
        var p = partOf(self.documentParts, d);
        return byName['documents-' + p][d - self.documentParts[p]];
      });
    });
  };

  /* ----- Highlighting ----- */

  /* Ranges [start, end) of s where the query's words and phrases stand, merged. */
  function matchRanges(s, elements) {
    var tokens = wordsAt(s);
    var ranges = [];
    var exact = {};
    var prefixes = [];
    var phrases = [];
    elements.forEach(function (el) {
      if (el.kind === 'word') exact[el.words[0]] = true;
      else if (el.kind === 'prefix') prefixes.push(el.words[0]);
      else phrases.push(el.words);
    });
    tokens.forEach(function (t, i) {
      var hit = exact[t.word] === true || prefixes.some(function (p) { return t.word.lastIndexOf(p, 0) === 0; });
      if (hit) ranges.push([t.start, t.end]);
      phrases.forEach(function (ph) {
        if (i + ph.length > tokens.length) return;
        for (var k = 0; k < ph.length; k++) if (tokens[i + k].word !== ph[k]) return;
        ranges.push([t.start, tokens[i + ph.length - 1].end]);
      });
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

  /* A passage of s around the ranges, with each range in <mark>, within [from, until); {p, end}. */
  function passage(s, ranges, from, until) {
    var p = el('p', 'passage');
    var start = Math.max(from, ranges[0][0] - CONTEXT);
    var end = Math.min(until, ranges[ranges.length - 1][1] + CONTEXT);
    /* Do not cut words in two. */
    if (start > from) {
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
    return { p: p, end: end };
  }

  /* Group ranges that are close together into passages, none longer than PASSAGE_SPAN around its context. */
  function passages(s, ranges, max) {
    var groups = [];
    for (var i = 0; i < ranges.length && groups.length <= max; i++) {
      var r = ranges[i];
      var last = groups[groups.length - 1];
      if (last && r[0] - last[last.length - 1][1] < CONTEXT * 2 && r[1] - last[0][0] <= PASSAGE_SPAN) last.push(r);
      else groups.push([r]);
    }
    var from = 0;
    return groups.slice(0, max).map(function (g, i) {
      var next = groups[i + 1];
      var made = passage(s, g, from, next ? next[0][0] : s.length);
      from = made.end;
      return made.p;
    });
  }

  function renderResult(d, elements) {
    var li = el('li', 'search-result');
    var heading = el('h3', 'result-title');
    var link = el('a', null, (d.n ? 'No. ' + d.n + '. ' : '') + (d.title || d.id));
    link.href = String(d.page || '');
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = [d.date, [d.sender || '?', d.recipient || '?'].join(' → ')].filter(function (x) { return x; });
    li.appendChild(el('p', 'result-meta', meta.join(' · ')));
    if (elements.length === 0) return li;

    var found = el('ul', 'result-passages');
    var text = String(d.text || '');
    passages(text, matchRanges(text, elements), MAX_PASSAGES).forEach(function (p) {
      var item = el('li', 'result-passage result-in-text');
      item.appendChild(el('span', 'passage-where', 'Text'));
      item.appendChild(p);
      found.appendChild(item);
    });
    var notesShown = 0;
    (Array.isArray(d.notes) ? d.notes : []).forEach(function (n) {
      if (notesShown >= MAX_NOTES) return;
      var noteText = String(n.text || '');
      var ranges = matchRanges(noteText, elements);
      if (ranges.length === 0) return;
      notesShown++;
      var item = el('li', 'result-passage result-in-note');
      var where = el('a', 'passage-where', 'Note ' + n.n);
      where.href = String(d.page || '') + '#' + (n.id || (d.id + '-n' + n.n));
      where.setAttribute('aria-label', 'Note ' + n.n + ' of ' + (d.n ? 'No. ' + d.n : d.id));
      item.appendChild(where);
      passages(noteText, ranges, 1).forEach(function (p) { item.appendChild(p); });
      found.appendChild(item);
    });
    if (found.childNodes.length > 0) li.appendChild(found);
    return li;
  }

  /* ----- The address: q, one parameter per selected facet value, page ----- */

  function readAddress(href) {
    var state = { q: '', page: 1, selected: {} };
    FACETS.forEach(function (f) { state.selected[f.key] = []; });
    try {
      var params = new URL(href).searchParams;
      state.q = params.get('q') || '';
      var page = parseInt(params.get('page') || '1', 10);
      state.page = page > 0 ? page : 1;
      FACETS.forEach(function (f) { state.selected[f.key] = params.getAll(f.key); });
    } catch (e) {
      /* No usable address: the defaults. */
    }
    return state;
  }

  function addressOf(state) {
    var url = new URL(window.location.href);
    var params = new URLSearchParams();
    /* As typed: a space at the end says the last word is whole, not a beginning. */
    if (state.q.trim()) params.set('q', state.q);
    FACETS.forEach(function (f) { state.selected[f.key].forEach(function (v) { params.append(f.key, v); }); });
    if (state.page > 1) params.set('page', String(state.page));
    url.search = params.toString();
    url.hash = '';
    return url.href;
  }

  /* ----- The page ----- */

  function init() {
    var root = document.getElementById('search');
    var input = document.getElementById('search-query');
    var facetsBox = document.getElementById('search-facets');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var pager = document.getElementById('search-pages');
    var resultsHeading = document.getElementById('results-heading');
    if (!root || !input || !facetsBox || !status || !list) return;
    root.hidden = false;

    var manifest = window.EDITION_SEARCH_INDEX;
    if (!manifest || typeof manifest !== 'object' || !Array.isArray(manifest.termParts)) {
      status.textContent = 'The search index (search-index.js) did not load, so the search cannot run. Browse the list of documents instead.';
      input.disabled = true;
      return;
    }
    var index = new SearchIndex(manifest);
    var state = readAddress(window.location.href);
    input.value = state.q;

    /* Facet boxes, made once; their lists are made again as counts change. */
    var facetViews = FACETS.map(function (f, fi) {
      var data = index.facets[fi];
      var details = el('details', 'facet');
      details.open = true;
      var summary = el('summary', 'facet-summary');
      var summaryLabel = el('span', 'facet-label', f.label);
      var summaryNote = el('span', 'facet-selected');
      summary.appendChild(summaryLabel);
      summary.appendChild(summaryNote);
      details.appendChild(summary);
      var filter = null;
      if (data.names.length >= FACET_FILTER_FROM) {
        filter = document.createElement('input');
        filter.type = 'search';
        filter.className = 'facet-filter';
        filter.setAttribute('aria-label', 'Filter ' + f.plural);
        filter.placeholder = 'Filter ' + f.plural + '…';
        filter.autocomplete = 'off';
        details.appendChild(filter);
      }
      var ul = el('ul', 'facet-values');
      ul.setAttribute('aria-label', f.label);
      details.appendChild(ul);
      var note = el('p', 'facet-note');
      note.hidden = true;
      details.appendChild(note);
      var more = el('button', 'facet-more');
      more.type = 'button';
      more.hidden = true;
      details.appendChild(more);
      if (data.names.length === 0) details.hidden = true;
      facetsBox.appendChild(details);
      var view = {
        facet: f, data: data, details: details, summaryNote: summaryNote, filter: filter, list: ul, note: note, more: more,
        expanded: false, shown: [], items: {}, counts: null
      };
      more.addEventListener('click', function () {
        view.expanded = !view.expanded;
        renderFacet(view);
      });
      if (filter) filter.addEventListener('input', function () { renderFacet(view); });
      return view;
    });
    var clear = el('button', 'facet-clear', 'Clear filters');
    clear.type = 'button';
    clear.hidden = true;
    clear.addEventListener('click', function () {
      FACETS.forEach(function (f) { state.selected[f.key] = []; });
      state.page = 1;
      changed(true);
      input.focus();
    });
    facetsBox.appendChild(clear);

    /* The selected values as sets of value numbers (unknown names are dropped). */
    function selectedNumbers(fi) {
      var data = index.facets[fi];
      var set = {};
      state.selected[FACETS[fi].key].forEach(function (name) {
        var v = data.names.indexOf(name);
        if (v >= 0) set[v] = true;
      });
      return set;
    }

    function facetItem(view, v) {
      if (view.items[v]) return view.items[v];
      var f = view.facet;
      var li = el('li');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'facet-' + f.key + '-' + v;
      box.value = view.data.names[v];
      box.addEventListener('change', function () {
        var name = view.data.names[v];
        var current = state.selected[f.key].filter(function (x) { return x !== name; });
        if (box.checked) current.push(name);
        state.selected[f.key] = current;
        state.page = 1;
        changed(true);
      });
      var label = el('label');
      label.htmlFor = box.id;
      label.appendChild(document.createTextNode(view.data.names[v] + ' '));
      var count = el('span', 'facet-count');
      label.appendChild(count);
      li.appendChild(box);
      li.appendChild(label);
      view.items[v] = { li: li, box: box, count: count };
      return view.items[v];
    }

    function renderFacet(view) {
      var counts = view.counts;
      if (!counts) return;
      var data = view.data;
      var fi = FACETS.indexOf(view.facet);
      var selected = selectedNumbers(fi);
      var wanted = view.filter ? words(view.filter.value).join(' ') : '';
      var candidates = [];
      for (var v = 0; v < data.names.length; v++) {
        if (counts[v] === 0 && !selected[v]) continue;
        if (wanted && data.folded[v].indexOf(wanted) < 0 && !selected[v]) continue;
        candidates.push(v);
      }
      candidates.sort(function (a, b) { return counts[b] - counts[a] || data.rank[a] - data.rank[b]; });
      var limit = view.expanded ? FACET_MAX : FACET_SHOWN;
      var shown = candidates.filter(function (v, i) { return i < limit || selected[v]; });
      var same = shown.length === view.shown.length && shown.every(function (v, i) { return view.shown[i] === v; });
      if (!same) {
        var fragment = document.createDocumentFragment();
        shown.forEach(function (v) { fragment.appendChild(facetItem(view, v).li); });
        while (view.list.firstChild) view.list.removeChild(view.list.firstChild);
        view.list.appendChild(fragment);
        view.shown = shown;
      }
      shown.forEach(function (v) {
        var item = facetItem(view, v);
        item.count.textContent = '(' + counts[v] + ')';
        item.box.checked = selected[v] === true;
        item.li.classList.toggle('facet-empty', counts[v] === 0);
      });
      var chosen = Object.keys(selected).length;
      view.summaryNote.textContent = chosen > 0 ? ' (' + chosen + ' selected)' : '';
      if (candidates.length > FACET_SHOWN) {
        view.more.hidden = false;
        view.more.textContent = view.expanded ? 'Show fewer' : 'Show all ' + candidates.length;
        view.more.setAttribute('aria-expanded', view.expanded ? 'true' : 'false');
      } else view.more.hidden = true;
      if (view.expanded && candidates.length > FACET_MAX) {
        view.note.hidden = false;
        view.note.textContent = 'The first ' + FACET_MAX + ' of ' + candidates.length + ' ' + view.facet.plural + ': type in the filter box to find the others.';
      } else if (shown.length === 0 && wanted) {
        view.note.hidden = false;
        view.note.textContent = 'No ' + view.facet.plural + ' match “' + view.filter.value.trim() + '”.';
      } else view.note.hidden = true;
    }

    /* Facet filtering and counts over the documents that match the query. */
    function filterAndCount(docs) {
      var sets = FACETS.map(function (f, fi) { return selectedNumbers(fi); });
      var active = sets.map(function (s) { return Object.keys(s).length > 0; });
      var counts = index.facets.map(function (data) { return new Int32Array(data.names.length); });
      var kept = [];
      for (var i = 0; i < docs.length; i++) {
        var d = docs[i];
        var failed = -1;
        var failures = 0;
        for (var fi = 0; fi < FACETS.length && failures < 2; fi++) {
          if (!active[fi]) continue;
          var data = index.facets[fi];
          var pass = false;
          for (var k = data.offsets[d]; k < data.offsets[d + 1]; k++) if (sets[fi][data.values[k]]) { pass = true; break; }
          if (!pass) { failures++; failed = fi; }
        }
        if (failures >= 2) continue;
        for (var fj = 0; fj < FACETS.length; fj++) {
          if (failures === 1 && fj !== failed) continue;
          var fd = index.facets[fj];
          for (var m = fd.offsets[d]; m < fd.offsets[d + 1]; m++) counts[fj][fd.values[m]]++;
        }
        if (failures === 0) kept.push(i);
      }
      return { kept: kept, counts: counts };
    }

    function pageLink(page, text, current) {
      var li = el('li');
      if (current) {
        var here = el('span', 'page-current', text);
        here.setAttribute('aria-current', 'page');
        li.appendChild(here);
        return li;
      }
      var a = el('a', null, text);
      a.href = addressOf({ q: state.q, selected: state.selected, page: page });
      a.addEventListener('click', function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        state.page = page;
        changed(true).then(function () {
          resultsHeading.setAttribute('tabindex', '-1');
          resultsHeading.focus();
        });
      });
      li.appendChild(a);
      return li;
    }

    function renderPager(pages) {
      if (!pager) return;
      while (pager.firstChild) pager.removeChild(pager.firstChild);
      pager.hidden = pages <= 1;
      if (pages <= 1) return;
      var ul = el('ul', 'page-list');
      var page = state.page;
      if (page > 1) {
        var prev = pageLink(page - 1, 'Previous', false);
        prev.firstChild.setAttribute('rel', 'prev');
        ul.appendChild(prev);
      }
      var last = 0;
      for (var p = 1; p <= pages; p++) {
        if (p !== 1 && p !== pages && Math.abs(p - page) > 2) continue;
        if (last && p > last + 1) ul.appendChild(el('li', 'page-gap', '…'));
        ul.appendChild(pageLink(p, String(p), p === page));
        last = p;
      }
      if (page < pages) {
        var next = pageLink(page + 1, 'Next', false);
        next.firstChild.setAttribute('rel', 'next');
        ul.appendChild(next);
      }
      pager.appendChild(ul);
    }

    var generation = 0;

    /* Run the search of the current state and show its page of results. */
    function run() {
      var mine = ++generation;
      var elements = parseQuery(state.q);
      return index.match(elements).then(function (matched) {
        if (mine !== generation) return null;
        var filtered = filterAndCount(matched.docs);
        var order = filtered.kept;
        if (elements.length > 0) {
          order.sort(function (a, b) { return matched.scores[b] - matched.scores[a] || matched.docs[a] - matched.docs[b]; });
        }
        var total = order.length;
        var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        if (state.page > pages) state.page = pages;
        var from = (state.page - 1) * PAGE_SIZE;
        var docs = order.slice(from, from + PAGE_SIZE).map(function (i) { return matched.docs[i]; });
        return index.entries(docs).then(function (entries) {
          if (mine !== generation) return null;
          var fragment = document.createDocumentFragment();
          entries.forEach(function (d) { fragment.appendChild(renderResult(d, elements)); });
          while (list.firstChild) list.removeChild(list.firstChild);
          list.appendChild(fragment);
          list.start = from + 1;
          var query = elements.length > 0 ? state.q.trim() : '';
          var what = !query ? '' : /["“”„]/.test(query) ? ' matching ' + query : ' matching “' + query + '”';
          var filters = FACETS.some(function (f) { return state.selected[f.key].length > 0; });
          status.textContent = total === 0
            ? 'No documents' + what + (filters ? ' with these filters' : '') + '.'
            : (total === 1 ? '1 document' : total.toLocaleString('en') + ' documents') + what +
              (total < index.size && !query ? ' (of ' + index.size.toLocaleString('en') + ')' : '') + '.' +
              (pages > 1 ? ' Showing ' + (from + 1) + '–' + (from + docs.length) + '.' : '');
          renderPager(pages);
          facetViews.forEach(function (view, fi) {
            view.counts = filtered.counts[fi];
            renderFacet(view);
          });
          clear.hidden = !filters;
          return total;
        });
      }).catch(function (error) {
        if (mine !== generation) return null;
        status.textContent = 'Part of the search index did not load (' + error.message + '), so the search cannot answer. Browse the list of documents instead.';
        return null;
      });
    }

    /*
      The state changed: put it in the address, then search. `push` makes a
      new history entry (a filter, a page, the first keystroke of a query);
      otherwise the entry is replaced (the next keystrokes).
    */
    var typing = false;
    function changed(push) {
      try {
        var href = addressOf(state);
        if (href !== window.location.href) {
          if (push) window.history.pushState(null, '', href);
          else window.history.replaceState(null, '', href);
        }
      } catch (e) {
        /* A browser that refuses history changes under file://: the page still works. */
      }
      if (push) typing = false;
      return run();
    }

    input.addEventListener('input', function () {
      state.q = input.value;
      state.page = 1;
      var push = !typing;
      changed(push);
      typing = true;
    });
    window.addEventListener('popstate', function () {
      state = readAddress(window.location.href);
      input.value = state.q;
      typing = false;
      run();
    });
    run();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
