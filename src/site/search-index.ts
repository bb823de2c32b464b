/**
 * The search index for `search.html`, built from the JSON edition, in
 * parts the page loads as it needs them (`xslt/assets/search.js`). All
 * parts are script files rather than JSON, because Chromium refuses
 * fetch() of a local file under file://; the page loads a part by adding a
 * `<script src>` element.
 *
 * - `search-index.js`, the manifest (`window.EDITION_SEARCH_INDEX`): the
 *   number of documents, each document's length in words, its facet values
 *   (sender, recipient, year, places) as numbers into value lists, the first
 *   term of each term part and the first document of each document part.
 *   The page loads it with itself.
 * - `search/terms-N.js`: the postings of a range of terms (in code unit
 *   order): for each term, the documents that hold it and a weighted count
 *   (a word in the title counts three times).
 * - `search/positions-N.js`: for the same terms, each word's positions in
 *   each document, loaded only for a "quoted phrase".
 * - `search/titles-N.js`: the title lines of a run of documents (page,
 *   number, title, date: what a result shows above its passages; sender and
 *   recipient are the manifest's facet values), far more documents a part
 *   than documents-N.js holds. The page shows a page of results from these
 *   as soon as a query is answered, and loads them all after its first
 *   answer, so that a keystroke does not wait for the documents' texts.
 * - `search/documents-N.js`: the entries of a run of documents (title,
 *   date, correspondents, places, text, notes), loaded for the documents of
 *   the page of results shown, for the passages around the words found.
 *   An incremental build reads the entries of unchanged documents back from
 *   here (searchIndexEntries).
 *
 * A part script calls `window.EDITION_SEARCH_PART(name, data)`, which the
 * page defines before it loads any. Numbers are written as base-64
 * variable-length quantities (5 bits a character, low bits first, the
 * sixth bit saying that more follow), document numbers as differences.
 *
 * Words are what `words()` finds: runs of letters, digits and combining
 * marks, folded (decomposed, marks removed, lower case). `assets/search.js`
 * folds the query and the texts it highlights the same way, and
 * tests/search-index.test.ts holds the two to the same words.
 */

interface Correspondent {
  name?: string | null;
  /** The pointer of the correspondent's name (`#pmb2292`, `persons.xml#trotsky`), when it has one. */
  ref?: string | null;
  place?: string | null;
}

/** The names of one side of a correspondence, each a facet value of its own (a name may hold a comma: 'Schnitzler, Arthur'). */
function correspondentNames(side: readonly Correspondent[] | null | undefined): string[] {
  return [...new Set((side ?? []).map((c) => c.name).filter((name): name is string => !!name))];
}

/** The pointer of each correspondent's name that has one, by name. */
function correspondentRefs(sides: ReadonlyArray<readonly Correspondent[] | null | undefined>): Record<string, string> | undefined {
  let refs: Record<string, string> | undefined;
  for (const side of sides) {
    for (const c of side ?? []) {
      const ref = c.ref?.trim();
      if (c.name && ref) (refs ??= {})[c.name] ??= ref;
    }
  }
  return refs;
}

/** The parts of a document's JSON edition the index reads. */
interface JsonDocument {
  id?: string;
  file?: string;
  n?: string | null;
  title?: string | null;
  date?: { when?: string | null; text?: string | null } | null;
  /** Every sender and every recipient, each with the place of its correspAction (schema/edition-json.schema.json, `correspondents`). */
  sender?: Correspondent[] | null;
  recipient?: Correspondent[] | null;
  text?: string;
  entities?: Array<{ type?: string; ref?: string | null; start?: number; end?: number }>;
  notes?: Array<{ id?: string | null; n?: string | null; text?: string | null }>;
}

export interface SearchEntry {
  id: string;
  page: string;
  n: string;
  title: string;
  date: string;
  year: string;
  /** The senders' and the recipients' names, in the order of the JSON. */
  sender: string[];
  recipient: string[];
  /**
   * The pointer of each sender's and recipient's name that has one, by name.
   * The facets count a person by the pointer, so that one person written two
   * ways ("Hofmannsthal, Gerty" and "Hofmannsthal, Gerty von") is one value.
   */
  refs?: Record<string, string>;
  places: string[];
  text: string;
  /** Each note's number, its text, and the id of its list item on the page (the target of docNNN.html#id). */
  notes: Array<{ n: string; text: string; id: string }>;
}

/** The entry of one document: `base` is its output base name (the id when the JSON has none), `page` its page (documentOutputs). */
export function searchEntry(json: string, base: string, page: string): SearchEntry {
  const d = JSON.parse(json) as JsonDocument;
  const text = d.text ?? '';
  const places = new Set<string>();
  for (const c of [...(d.sender ?? []), ...(d.recipient ?? [])]) if (c.place) places.add(c.place);
  // Entity offsets count code points, as XPath does.
  let codePoints: string[] | undefined;
  for (const e of d.entities ?? []) {
    if (e.type === 'place' && e.start !== undefined && e.end !== undefined) {
      codePoints ??= Array.from(text);
      places.add(codePoints.slice(e.start, e.end).join('').trim());
    }
  }
  const when = d.date?.when ?? '';
  const refs = correspondentRefs([d.sender, d.recipient]);
  return {
    id: d.id ?? base,
    page,
    n: d.n ?? '',
    title: d.title ?? '',
    date: d.date?.text ?? when,
    year: /^\d{4}/.exec(when)?.[0] ?? '',
    sender: correspondentNames(d.sender),
    recipient: correspondentNames(d.recipient),
    ...(refs ? { refs } : {}),
    places: [...places].filter((p) => p !== '').sort(),
    text,
    notes: (d.notes ?? []).map((n) => ({ n: n.n ?? '', text: n.text ?? '', id: n.id ?? '' })),
  };
}

// --- words -------------------------------------------------------------------

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const marks = /\p{M}/gu;
const ascii = /^[\x00-\x7f]*$/;

/** A word as the index holds it: decomposed, without combining marks, in lower case. */
export function foldWord(word: string): string {
  return ascii.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(marks, '').toLowerCase();
}

/** Call `each` with the folded words of a text, in order (words of marks only left out). */
function eachWord(text: string, each: (word: string) => void): void {
  wordPattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = wordPattern.exec(text)) !== null) {
    const w = foldWord(m[0]);
    if (w !== '') each(w);
  }
}

/** The folded words of a text, in order (words of marks only left out). */
export function words(text: string): string[] {
  const out: string[] = [];
  eachWord(text, (w) => out.push(w));
  return out;
}

// --- numbers -----------------------------------------------------------------

const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const digitCodes = Uint8Array.from(digits, (c) => c.charCodeAt(0));
let scratch = Buffer.alloc(1 << 16);

/** Non-negative integers as base-64 variable-length quantities: 5 bits a character, low bits first, 32 added while more follow. */
function numbers(list: readonly number[]): string {
  // Seven characters hold any safe integer below 2^35; documents and positions stay far below.
  if (scratch.length < list.length * 7) scratch = Buffer.alloc(list.length * 7);
  let at = 0;
  for (const n of list) {
    let v = n;
    do {
      const low = v & 31;
      v = Math.floor(v / 32);
      scratch[at++] = digitCodes[v > 0 ? low | 32 : low]!;
    } while (v > 0);
  }
  return scratch.toString('latin1', 0, at);
}

/** The numbers of a string numbers() wrote. */
export function readNumbers(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 1;
  for (let i = 0; i < s.length; i++) {
    const d = digits.indexOf(s[i]!);
    if (d < 0) throw new Error(`not a number digit: ${s[i]}`);
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

// --- the index ---------------------------------------------------------------

/** How much a word in the title counts against one in the text or a note. */
export const TITLE_WEIGHT = 3;

/** Sizes a part is cut at (characters): a part ends with the term or document that reaches it. */
export interface PartSizes {
  terms: number;
  titles: number;
  documents: number;
}

export const defaultPartSizes: PartSizes = { terms: 32 * 1024, titles: 96 * 1024, documents: 8 * 1024 };

/** A document's line in the list of results: its page, its number, its title (its id when it has none) and its date as shown. */
export type TitleLine = [page: string, n: string, title: string, date: string];

export function titleLine(entry: SearchEntry): TitleLine {
  return [entry.page, entry.n, entry.title || entry.id, entry.date];
}

/** A facet value of one document: what identifies it (a person's pointer, else the text) and the text shown. */
interface FacetValue {
  key: string;
  label: string;
}

const byText = (values: readonly string[]): FacetValue[] => values.map((v) => ({ key: `text:${v}`, label: v }));
const byPerson = (e: SearchEntry, names: readonly string[]): FacetValue[] =>
  names.map((name) => {
    const ref = e.refs?.[name];
    return ref ? { key: `ref:${ref}`, label: name } : { key: `text:${name}`, label: name };
  });

/** The facets, in the order of the manifest. */
const facetValues: Record<string, (e: SearchEntry) => FacetValue[]> = {
  sender: (e) => byPerson(e, e.sender),
  recipient: (e) => byPerson(e, e.recipient),
  year: (e) => byText(e.year ? [e.year] : []),
  place: (e) => byText(e.places),
};

const codeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each facet value's label: of the ways one person is written, the most
 * frequent (ties: the first in code unit order); two values that would
 * read alike are told apart by their pointers.
 */
function facetLabels(uses: ReadonlyMap<string, Map<string, number>>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [key, spellings] of uses) {
    const [label] = [...spellings].sort((a, b) => b[1] - a[1] || codeUnitOrder(a[0], b[0]))[0]!;
    labels.set(key, label);
  }
  const keysOf = new Map<string, string[]>();
  for (const [key, label] of labels) keysOf.set(label, [...(keysOf.get(label) ?? []), key]);
  for (const keys of keysOf.values()) {
    if (keys.length < 2) continue;
    for (const key of keys) if (key.startsWith('ref:')) labels.set(key, `${labels.get(key)!} (${key.slice(4).replace(/^.*#/, '')})`);
  }
  return labels;
}

export interface SearchManifest {
  format: number;
  documents: number;
  /** Each document's length in words (title, text and notes), as numbers(). */
  lengths: string;
  /** The first term of each part search/terms-N.js (and search/positions-N.js). */
  termParts: string[];
  /** The first document (its index) of each part search/titles-N.js. */
  titleParts: number[];
  /** The first document (its index) of each part search/documents-N.js. */
  documentParts: number[];
  /** Per facet: its values, the most frequent first, and per document the count of its values followed by their indexes, as numbers(). */
  facets: Record<string, { values: string[]; documents: string }>;
}

export const SEARCH_INDEX_FORMAT = 4;

/** What the index of one term gathers while the documents are read. */
interface TermPostings {
  /** Per document that holds it: the difference to the document before, its weight. */
  postings: number[];
  /** Per document that holds it: the count of its positions, then their differences. */
  positions: number[];
  /** The last document added to postings (-1: none yet). */
  lastDocument: number;
  /** The document being read, its weight and positions in it so far. */
  document: number;
  weight: number;
  here: number[];
}

/** A script that calls `fn(name, data)`; `<` and the line separators escaped so the data can never close a tag or break a line. */
function script(prefix: string, data: unknown, suffix: string): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `${prefix}${json}${suffix}`;
}

const manifestPrefix = 'window.EDITION_SEARCH_INDEX = ';
const manifestSuffix = ';\n';
const partPrefix = (name: string): string => `window.EDITION_SEARCH_PART(${JSON.stringify(name)}, `;
const partSuffix = ');\n';

/** Runs of consecutive items, each ended by the item that brings its size to `limit`; each with the index of its first item. */
function runs<T>(items: readonly T[], sizeOf: (item: T) => number, limit: number): Array<{ first: number; items: T[] }> {
  const out: Array<{ first: number; items: T[] }> = [];
  let size = limit;
  items.forEach((item, i) => {
    if (size >= limit) {
      out.push({ first: i, items: [] });
      size = 0;
    }
    out[out.length - 1]!.items.push(item);
    size += sizeOf(item);
  });
  return out;
}

/** The files of the index, by path relative to the site: `search-index.js` first, then the parts in search/. */
export function searchIndexFiles(entries: readonly SearchEntry[], sizes: PartSizes = defaultPartSizes): Map<string, string> {
  const files = new Map<string, string>();
  const terms = new Map<string, TermPostings>();
  const lengths: number[] = [];

  entries.forEach((entry, doc) => {
    // One stream of words per document: the title, the text, each note; a
    // position left out between them, so a phrase never spans two.
    let position = 0;
    const touched: TermPostings[] = [];
    const add = (text: string, weight: number): void => {
      eachWord(text, (w) => {
        let t = terms.get(w);
        if (t === undefined) terms.set(w, (t = { postings: [], positions: [], lastDocument: -1, document: -1, weight: 0, here: [] }));
        if (t.document !== doc) {
          t.document = doc;
          t.weight = 0;
          t.here.length = 0;
          touched.push(t);
        }
        t.weight += weight;
        t.here.push(position++);
      });
      position++;
    };
    add(entry.title, TITLE_WEIGHT);
    add(entry.text, 1);
    for (const note of entry.notes) add(note.text, 1);
    lengths.push(position);
    for (const t of touched) {
      t.postings.push(doc - Math.max(t.lastDocument, 0), t.weight);
      t.lastDocument = doc;
      t.positions.push(t.here.length);
      let last = 0;
      for (const q of t.here) {
        t.positions.push(q - last);
        last = q;
      }
    }
  });

  // Term parts: terms in code unit order, cut when a part reaches its size.
  const sorted = [...terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const termParts: string[] = [];
  let postings: Record<string, string> = {};
  let places: Record<string, string> = {};
  let size = 0;
  const flushTerms = (): void => {
    if (size === 0) return;
    const n = termParts.length - 1;
    files.set(`search/terms-${n}.js`, script(partPrefix(`terms-${n}`), postings, partSuffix));
    files.set(`search/positions-${n}.js`, script(partPrefix(`positions-${n}`), places, partSuffix));
    postings = {};
    places = {};
    size = 0;
  };
  for (const term of sorted) {
    if (size === 0) termParts.push(term);
    const t = terms.get(term)!;
    const encoded = numbers(t.postings);
    postings[term] = encoded;
    places[term] = numbers(t.positions);
    size += term.length + encoded.length + 6;
    if (size >= sizes.terms) flushTerms();
  }
  flushTerms();

  // Title parts and document parts: runs of documents' title lines, and of their entries, in collection order.
  const titleRuns = runs(entries.map(titleLine), (line) => line.reduce((sum, field) => sum + field.length + 3, 2), sizes.titles);
  titleRuns.forEach((r, n) => files.set(`search/titles-${n}.js`, script(partPrefix(`titles-${n}`), r.items, partSuffix)));
  const titleParts = titleRuns.map((r) => r.first);
  const documentRuns = runs(entries, (e) => e.text.length + e.title.length + e.notes.reduce((sum, n) => sum + n.text.length, 0) + 200, sizes.documents);
  documentRuns.forEach((r, n) => files.set(`search/documents-${n}.js`, script(partPrefix(`documents-${n}`), r.items, partSuffix)));
  const documentParts = documentRuns.map((r) => r.first);

  // Facets: values by frequency (small numbers for frequent values), ties by name.
  const facets: SearchManifest['facets'] = {};
  for (const [facet, valuesOf] of Object.entries(facetValues)) {
    const frequency = new Map<string, number>();
    const uses = new Map<string, Map<string, number>>();
    const perEntry = entries.map((e) => {
      const mine = new Map<string, string>();
      for (const v of valuesOf(e)) if (!mine.has(v.key)) mine.set(v.key, v.label);
      for (const [key, label] of mine) {
        frequency.set(key, (frequency.get(key) ?? 0) + 1);
        const spellings = uses.get(key) ?? new Map<string, number>();
        uses.set(key, spellings.set(label, (spellings.get(label) ?? 0) + 1));
      }
      return [...mine.keys()];
    });
    const labels = facetLabels(uses);
    const keys = [...frequency.keys()].sort((a, b) => frequency.get(b)! - frequency.get(a)! || codeUnitOrder(labels.get(a)!, labels.get(b)!));
    const number = new Map(keys.map((k, i) => [k, i]));
    const perDocument: number[] = [];
    for (const mine of perEntry) perDocument.push(mine.length, ...mine.map((k) => number.get(k)!));
    facets[facet] = { values: keys.map((k) => labels.get(k)!), documents: numbers(perDocument) };
  }

  const manifest: SearchManifest = {
    format: SEARCH_INDEX_FORMAT,
    documents: entries.length,
    lengths: numbers(lengths),
    termParts,
    titleParts,
    documentParts,
    facets,
  };
  const all = new Map<string, string>([['search-index.js', script(manifestPrefix, manifest, manifestSuffix)]]);
  for (const [path, content] of files) all.set(path, content);
  return all;
}

function parseScript(script: string, prefix: string, suffix: string): unknown {
  if (!script.startsWith(prefix) || !script.endsWith(suffix)) return undefined;
  try {
    return JSON.parse(script.slice(prefix.length, -suffix.length)) as unknown;
  } catch {
    return undefined;
  }
}

/** The manifest of a search-index.js searchIndexFiles() wrote; undefined when it is not one (or of another format). */
export function readManifest(script: string): SearchManifest | undefined {
  const data = parseScript(script, manifestPrefix, manifestSuffix) as SearchManifest | undefined;
  if (typeof data !== 'object' || data === null || data.format !== SEARCH_INDEX_FORMAT || !Array.isArray(data.documentParts) || !Array.isArray(data.titleParts)) return undefined;
  return data;
}

/** The data of a part script searchIndexFiles() wrote, when it is the part named. */
export function readPart(script: string, name: string): unknown {
  return parseScript(script, partPrefix(name), partSuffix);
}

/**
 * The entries of an index searchIndexFiles() wrote, by page, read through
 * `read` (a path relative to the site → the file's text); none when the
 * manifest is not one of ours, and none of a part that is missing or not
 * ours. An incremental build takes the entries of unchanged documents from
 * here instead of reading their JSON again.
 */
export function searchIndexEntries(read: (path: string) => string | undefined): Map<string, SearchEntry> {
  const entries = new Map<string, SearchEntry>();
  const manifest = readManifest(read('search-index.js') ?? '');
  if (manifest === undefined) return entries;
  for (let n = 0; n < manifest.documentParts.length; n++) {
    const data = readPart(read(`search/documents-${n}.js`) ?? '', `documents-${n}`);
    if (!Array.isArray(data)) continue;
    for (const e of data as SearchEntry[]) if (typeof e?.page === 'string') entries.set(e.page, e);
  }
  return entries;
}
