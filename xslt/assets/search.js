/*
  search.js: the search page (search.html, html/edition.xsl
  fp:search-content) over the index the build writes
  (src/site/search-index.ts): the manifest search-index.js
  (window.EDITION_SEARCH_INDEX), loaded with the page, and the parts in
  search/ (terms-N.js, positions-N.js, titles-N.js, documents-N.js),
  loaded as a query needs them by adding <script src> elements: a part calls
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
    shown is ranked in full (firstRanked) and rendered, and only its
    documents' texts are loaded.
  - A keystroke waits for as little as it can. A page of results is shown
    from the title lines (titles-N.js, many documents a part, all of them
    loaded after the first answer) as soon as the query is answered; the
    passages follow when the documents' texts have loaded, the list being
    aria-busy meanwhile. A single letter at the end of the query is not
    searched, but the term parts of the words it begins are loaded, so that
    its second letter finds them at hand. The answer to a query that has
    been typed over is dropped at each step.
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
  var PREFETCH_TERM_PARTS = 8;    /* a letter being typed loads the term parts of its words when they are no more */
  var PREFETCH_TITLE_PARTS = 64;  /* title parts loaded after the first answer, at most */
  var TITLE_PARTS_AT_ONCE = 8;    /* of them, loaded at a time */

  var FACETS = [
    { key: 'sender', label: 'Sender', plural: 'senders' },
    { key: 'recipient', label: 'Recipient', plural: 'recipients' },
    { key: 'year', label: 'Year', plural: 'years' },
    { key: 'place', label: 'Place', plural: 'places' }
  ];
  var FACET_INDEX = {};
  FACETS.forEach(function (f, i) { FACET_INDEX[f.key] = i; });

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

  /* wordsAt of the texts highlighted lately: consecutive keystrokes mostly show the same documents. */
  var wordsAtCache = new Map();
  var WORDS_AT_KEPT = 200;

  function wordsAtRecent(text) {
    var tokens = wordsAtCache.get(text);
    if (!tokens) {
      if (wordsAtCache.size >= WORDS_AT_KEPT) wordsAtCache.clear();
      tokens = wordsAt(text);
      wordsAtCache.set(text, tokens);
    }
    return tokens;
  }

  function words(text) {
    return wordsAt(text).map(function (t) { return t.word; });
  }

  /*
    The query: a list of elements, each {kind: 'word' | 'prefix' | 'phrase',
    words: [...]}. Text in quotation marks ("…", “…”, „…“) is a phrase (one
    word in quotes is a word); the last word outside quotes is a prefix
    while the query ends with it. A last word of one letter is left out, and
    the list's `beginning` is that letter.
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
        if (Array.from(lastOutside).length < 2) {
          elements.pop();
          elements.beginning = lastOutside;
        } else last.kind = 'prefix';
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
  var arrived = {};  /* the data of each part whose script has run */
  window.EDITION_SEARCH_PART = function (name, data) { received[name] = data; };

  function loadPart(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = PARTS + name + '.js';
        s.onload = function () {
          if (Object.prototype.hasOwnProperty.call(received, name)) {
            arrived[name] = received[name];
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

  /* Load a part that may be needed soon; a failure is left to the query that needs it. */
  function preload(name) {
    loadPart(name).catch(function () { /* loadPart forgets it, so the next query tries again */ });
  }

  /* Run fn once the next frame has been painted: work that should not delay it. */
  function afterNextFrame(fn) {
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }


  /* The first index i of a sorted list with list[i] >= x (list.length when none is). */
  function firstAtLeast(list, x) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
    /* BM25's length normalisation of each document, worked out once. */
    this.lengthNorms = new Float64Array(this.size);
    for (var ln = 0; ln < this.size; ln++) this.lengthNorms[ln] = BM25_K1 * (1 - BM25_B + BM25_B * this.lengths[ln] / this.averageLength);
    this.termParts = manifest.termParts;
    this.titleParts = manifest.titleParts;
    this.documentParts = manifest.documentParts;
    this.postingsCache = {};
    this.positionsCache = {};
    this.partTerms = new Map();
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

  /* Load the term parts of the words a letter being typed begins, when they are few: its next letter will need one of them. */
  SearchIndex.prototype.preloadBeginning = function (letter) {
    var names = this.prefixParts(letter);
    if (names.length <= PREFETCH_TERM_PARTS) names.forEach(preload);
  };

  /* The terms of a term part, in code unit order (as the index sorts them), listed once a part. */
  SearchIndex.prototype.termsOf = function (part) {
    var known = this.partTerms.get(part);
    if (!known) {
      known = Object.keys(part).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
      this.partTerms.set(part, known);
    }
    return known;
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

  /* BM25's inverse document frequency of a term found in documentsWithTerm documents. */
  SearchIndex.prototype.idf = function (documentsWithTerm) {
    return Math.log(1 + (this.size - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5));
  };

  SearchIndex.prototype.score = function (weight, doc, documentsWithTerm) {
    return this.idf(documentsWithTerm) * weight * (BM25_K1 + 1) / (weight + this.lengthNorms[doc]);
  };

  /* A term's documents and their scores: {docs: Int32Array, scores: Float64Array}, worked out once a term. */
  SearchIndex.prototype.scored = function (p) {
    if (!p.scored) {
      var scores = new Float64Array(p.docs.length);
      var idf = this.idf(p.docs.length);
      var norms = this.lengthNorms;
      for (var i = 0; i < p.docs.length; i++) {
        var weight = p.weights[i];
        scores[i] = idf * weight * (BM25_K1 + 1) / (weight + norms[p.docs[i]]);
      }
      p.scored = { docs: p.docs, scores: scores };
    }
    return p.scored;
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
          var terms = self.termsOf(part);
          for (var t = firstAtLeast(terms, prefix); t < terms.length && terms[t].lastIndexOf(prefix, 0) === 0; t++) {
            var p = self.scored(self.postings(terms[t], part));
            for (var i = 0; i < p.docs.length; i++) {
              var d = p.docs[i];
              if (!hit[d]) { hit[d] = 1; found++; }
              sum[d] += p.scores[i];
            }
          }
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
      var docs = sets[0].docs;
      var scores = sets[0].scores;
      for (var k = 1; k < sets.length; k++) {
        var other = sets[k];
        var keptDocs = new Int32Array(docs.length);
        var keptScores = new Float64Array(docs.length);
        var kept = 0;
        var j = 0;
        for (var i = 0; i < docs.length; i++) {
          while (j < other.docs.length && other.docs[j] < docs[i]) j++;
          if (j < other.docs.length && other.docs[j] === docs[i]) {
            keptDocs[kept] = docs[i];
            keptScores[kept] = scores[i] + other.scores[j];
            kept++;
          }
        }
        docs = keptDocs.subarray(0, kept);
        scores = keptScores.subarray(0, kept);
      }
      return { docs: docs, scores: scores };
    });
  };

  /*
    What the parts of a kind say of documents: 'titles' (title lines:
    [page, n, title, date]) or 'documents' (entries: title, text, notes …),
    in the order asked for.
  */
  SearchIndex.prototype.partName = function (kind, doc) {
    return kind + '-' + partOf(kind === 'titles' ? this.titleParts : this.documentParts, doc);
  };

  SearchIndex.prototype.itemOf = function (kind, doc, part) {
    var firsts = kind === 'titles' ? this.titleParts : this.documentParts;
    return part[doc - firsts[partOf(firsts, doc)]];
  };

  /* A promise of the items. */
  SearchIndex.prototype.items = function (kind, docs) {
    var self = this;
    var names = docs.map(function (d) { return self.partName(kind, d); });
    return Promise.all(names.map(loadPart)).then(function (parts) {
      return docs.map(function (d, i) { return self.itemOf(kind, d, parts[i]); });
    });
  };

  /* The items, when every part that holds them has arrived; else null. */
  SearchIndex.prototype.itemsAtHand = function (kind, docs) {
    var self = this;
    var items = [];
    for (var i = 0; i < docs.length; i++) {
      var name = self.partName(kind, docs[i]);
      if (!Object.prototype.hasOwnProperty.call(arrived, name)) return null;
      items.push(self.itemOf(kind, docs[i], arrived[name]));
    }
    return items;
  };

  /* The title line of a document's entry, as titles-N.js gives it (search-index.ts titleLine). */
  function titleLineOf(entry) {
    return [entry.page, entry.n, entry.title || entry.id, entry.date];
  }

  /* A result's title line, with its sender and recipient from the facets: {page, n, title, date, sender, recipient}. */
  SearchIndex.prototype.resultLine = function (doc, line) {
    var self = this;
    function names(key) {
      var data = self.facets[FACET_INDEX[key]];
      var out = [];
      for (var k = data.offsets[doc]; k < data.offsets[doc + 1]; k++) out.push(data.names[data.values[k]]);
      // '; ' between persons: a name may hold a comma ('Schnitzler, Arthur').
      return out.join('; ');
    }
    return { page: line[0], n: line[1], title: line[2], date: line[3], sender: names('sender'), recipient: names('recipient') };
  };

  /* The title parts not yet loaded, a few at a time, so that later keystrokes find every title line at hand. */
  SearchIndex.prototype.preloadTitles = function () {
    var self = this;
    if (self.preloadingTitles) return;
    self.preloadingTitles = true;
    var next = 0;
    function step() {
      var batch = [];
      for (; next < self.titleParts.length && next < PREFETCH_TITLE_PARTS && batch.length < TITLE_PARTS_AT_ONCE; next++) {
        if (!loading['titles-' + next]) batch.push(loadPart('titles-' + next));
      }
      if (batch.length > 0) Promise.all(batch).then(step, function () { /* a query that needs one tries again */ });
    }
    step();
  };

  /* The title line of each document, from its title part or its entry, whichever has arrived; null if neither has for one. */
  SearchIndex.prototype.titleLinesAtHand = function (docs) {
    var lines = [];
    for (var i = 0; i < docs.length; i++) {
      var titles = this.partName('titles', docs[i]);
      var texts = this.partName('documents', docs[i]);
      if (Object.prototype.hasOwnProperty.call(arrived, titles)) lines.push(this.itemOf('titles', docs[i], arrived[titles]));
      else if (Object.prototype.hasOwnProperty.call(arrived, texts)) lines.push(titleLineOf(this.itemOf('documents', docs[i], arrived[texts])));
      else return null;
    }
    return lines;
  };

  /*
    The first `count` of the kept results (indexes into docs and scores) in
    rank order: score, then collection order. One pass that keeps the best
    `count` in order, which is what a keystroke needs for the first page; a
    sort of them all when `count` is many or a large share of them.
  */
  var RANKED_BY_PASS = 100;  /* the most results firstRanked keeps in one pass */

  function firstRanked(kept, docs, scores, count) {
    function before(a, b) {
      return scores[a] > scores[b] || (scores[a] === scores[b] && docs[a] < docs[b]);
    }
    if (count > RANKED_BY_PASS || count * 4 >= kept.length) {
      return kept.slice().sort(function (a, b) { return before(a, b) ? -1 : before(b, a) ? 1 : 0; }).slice(0, count);
    }
    var best = [];
    for (var i = 0; i < kept.length; i++) {
      var x = kept[i];
      if (best.length === count && !before(x, best[count - 1])) continue;
      var at = best.length === count ? count - 1 : best.length;
      while (at > 0 && before(x, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = x;
    }
    return best;
  }

  /* ----- Highlighting ----- */

  /* Ranges [start, end) of s where the query's words and phrases stand, merged. */
  function matchRanges(s, elements) {
    var tokens = wordsAtRecent(s);
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

  /* A result as its title line shows it (SearchIndex.resultLine); its passages are added when its text has loaded. */
  function renderResult(line) {
    var li = el('li', 'search-result');
    var heading = el('h3', 'result-title');
    var link = el('a', null, (line.n ? 'No. ' + line.n + '. ' : '') + line.title);
    link.href = String(line.page || '');
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = [line.date, [line.sender || '?', line.recipient || '?'].join(' → ')].filter(function (x) { return x; });
    li.appendChild(el('p', 'result-meta', meta.join(' · ')));
    return li;
  }

  /* The passages of a document (its entry, d) where the query's words stand, added to its result. */
  function addPassages(li, d, elements) {
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
    if (!manifest || typeof manifest !== 'object' || !Array.isArray(manifest.termParts) || !Array.isArray(manifest.titleParts)) {
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
        var count = '(' + counts[v] + ')';
        if (item.count.textContent !== count) item.count.textContent = count;
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

    /*
      Facet filtering and counts over the documents that match the query: a
      document is kept when it has a selected value of every facet with a
      selection; it counts towards a facet's values when it would be kept
      with that facet's own selection left out. Facet by facet, over typed
      arrays: a keystroke runs this over every document matched.
    */
    function filterAndCount(docs) {
      var n = docs.length;
      /* Per document: how many facets it fails, and the last one. */
      var failures = new Uint8Array(n);
      var failed = new Int8Array(n);
      index.facets.forEach(function (data, fi) {
        var wanted = selectedNumbers(fi);
        var chosen = Object.keys(wanted);
        if (chosen.length === 0) return;
        var selected = new Uint8Array(data.names.length);
        chosen.forEach(function (v) { selected[v] = 1; });
        var offsets = data.offsets;
        var values = data.values;
        for (var i = 0; i < n; i++) {
          var d = docs[i];
          var pass = false;
          for (var k = offsets[d]; k < offsets[d + 1] && !pass; k++) pass = selected[values[k]] === 1;
          if (!pass) {
            failures[i]++;
            failed[i] = fi;
          }
        }
      });
      var counts = index.facets.map(function (data, fj) {
        var count = new Int32Array(data.names.length);
        var offsets = data.offsets;
        var values = data.values;
        for (var i = 0; i < n; i++) {
          if (failures[i] > 1 || (failures[i] === 1 && failed[i] !== fj)) continue;
          var d = docs[i];
          for (var m = offsets[d]; m < offsets[d + 1]; m++) count[values[m]]++;
        }
        return count;
      });
      var kept = [];
      for (var i = 0; i < n; i++) if (failures[i] === 0) kept.push(i);
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

    /* What the list of results shows: its query's elements, first position and documents, and whether its passages are in. */
    var shown = { key: '', whole: false };

    /* The status line, the pages, the facets' counts and the "Clear filters" button of an answer. */
    function showAround(answer, elements) {
      var total = answer.total;
      var query = elements.length > 0 ? state.q.trim() : '';
      var what = !query ? '' : /["“”„]/.test(query) ? ' matching ' + query : ' matching “' + query + '”';
      var filters = FACETS.some(function (f) { return state.selected[f.key].length > 0; });
      status.textContent = total === 0
        ? 'No documents' + what + (filters ? ' with these filters' : '') + '.'
        : (total === 1 ? '1 document' : total.toLocaleString('en') + ' documents') + what +
          (total < index.size && !query ? ' (of ' + index.size.toLocaleString('en') + ')' : '') + '.' +
          (answer.pages > 1 ? ' Showing ' + (answer.from + 1) + '–' + (answer.from + answer.docs.length) + '.' : '');
      renderPager(answer.pages);
      facetViews.forEach(function (view, fi) {
        view.counts = answer.counts[fi];
        renderFacet(view);
      });
      clear.hidden = !filters;
    }

    /*
      Run the search of the current state and show its page of results: the
      title lines as soon as they are at hand, the passages when the texts
      are. Each step first asks whether a later query has begun, and stops
      if one has. A page of results the list already shows whole (the same
      elements and documents: a keystroke that changes nothing found, such
      as a space or a first letter) is left as it is.
    */
    function run() {
      var mine = ++generation;
      var elements = parseQuery(state.q);
      return index.match(elements).then(function (matched) {
        if (mine !== generation) return null;
        var filtered = filterAndCount(matched.docs);
        var total = filtered.kept.length;
        var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        if (state.page > pages) state.page = pages;
        var from = (state.page - 1) * PAGE_SIZE;
        /* Without words every score is 0 and the kept results are in collection order already. */
        var first = elements.length > 0
          ? firstRanked(filtered.kept, matched.docs, matched.scores, from + PAGE_SIZE)
          : filtered.kept.slice(0, from + PAGE_SIZE);
        var docs = first.slice(from).map(function (i) { return matched.docs[i]; });
        var answer = { total: total, pages: pages, from: from, docs: docs, counts: filtered.counts };
        var key = JSON.stringify(elements) + '@' + from + ':' + docs.join(',');
        if (key === shown.key && shown.whole) {
          showAround(answer, elements);
          afterAnswer(elements);
          return total;
        }
        /*
          The texts, for the passages, are loaded for a query of words. The
          title lines shown are those at hand (every title part is loaded
          after the first answer); else those of the texts, when they are
          loaded anyway (a query's first answer needs no title part then);
          else those of their title parts.
        */
        var texts = elements.length > 0 ? index.items('documents', docs) : null;
        if (texts) texts.catch(function () { /* reported below, if still current */ });
        var atHand = index.titleLinesAtHand(docs);
        var lines = atHand ? Promise.resolve(atHand)
          : texts ? texts.then(function (entries) { return entries.map(titleLineOf); })
          : index.items('titles', docs);
        return lines.then(function (lines) {
          if (mine !== generation) return null;
          var items = lines.map(function (line, i) { return renderResult(index.resultLine(docs[i], line)); });
          var entries = texts ? index.itemsAtHand('documents', docs) : null;
          if (entries) entries.forEach(function (d, i) { addPassages(items[i], d, elements); });
          var fragment = document.createDocumentFragment();
          items.forEach(function (li) { fragment.appendChild(li); });
          list.textContent = '';
          list.appendChild(fragment);
          list.start = from + 1;
          shown = { key: key, whole: !texts || entries !== null };
          showAround(answer, elements);
          afterAnswer(elements);
          if (shown.whole) {
            list.removeAttribute('aria-busy');
            return total;
          }
          list.setAttribute('aria-busy', 'true');
          texts.then(function (loaded) {
            if (mine !== generation) return;
            loaded.forEach(function (d, i) { addPassages(items[i], d, elements); });
            shown.whole = true;
            list.removeAttribute('aria-busy');
          }, function (error) {
            if (mine !== generation) return;
            list.removeAttribute('aria-busy');
            status.textContent += ' The texts of these results did not load (' + error.message + '), so no passages are shown.';
          });
          return total;
        });
      }).catch(function (error) {
        if (mine !== generation) return null;
        status.textContent = 'Part of the search index did not load (' + error.message + '), so the search cannot answer. Browse the list of documents instead.';
        return null;
      });
    }

    /*
      Once an answer is painted: the parts the next keystrokes may need. The
      term parts of the words a letter being typed begins (its next letter
      searches them), and the title parts not loaded yet.
    */
    function afterAnswer(elements) {
      afterNextFrame(function () {
        if (elements.beginning) index.preloadBeginning(elements.beginning);
        index.preloadTitles();
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
