/**
 * The search index writer (src/site/search-index.ts): what its files say,
 * read the way xslt/assets/search.js reads them (each part run as the
 * script it is, calling EDITION_SEARCH_PART).
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import type { SearchEntry, SearchManifest } from '../src/site/search-index.js';
import { foldWord, readManifest, readNumbers, searchEntry, searchIndexFiles, TITLE_WEIGHT, titleLine, words } from '../src/site/search-index.js';

function entry(n: number, fields: Partial<SearchEntry>): SearchEntry {
  return {
    id: `doc${n}`, page: `doc${n}.html`, n: String(n), title: '', date: '', year: '', sender: [], recipient: [], places: [], text: '', notes: [],
    ...fields,
  };
}

/** A facet's values of each document, read back from the manifest as the page reads them: per document a count, then the values' numbers. */
function facetValuesByDocument(manifest: SearchManifest, key: string): string[][] {
  const { values, documents } = manifest.facets[key]!;
  const numbers = readNumbers(documents);
  const out: string[][] = [];
  for (let at = 0; at < numbers.length;) {
    const count = numbers[at++]!;
    out.push(numbers.slice(at, at + count).map((v) => values[v]!));
    at += count;
  }
  return out;
}

/** Run every file as a script in a sandbox: the manifest and the parts by name, as the page gets them. */
function load(files: Map<string, string>): { manifest: SearchManifest; parts: Map<string, unknown> } {
  const parts = new Map<string, unknown>();
  const window: Record<string, unknown> = {
    EDITION_SEARCH_PART: (name: string, data: unknown) => {
      if (parts.has(name)) throw new Error(`part ${name} given twice`);
      parts.set(name, data);
    },
  };
  for (const [path, content] of files) {
    runInNewContext(content, { window, EDITION_SEARCH_PART: window['EDITION_SEARCH_PART'] }, { filename: path });
    if (path !== 'search-index.js') expect(parts.has(path.replace(/^search\//, '').replace(/\.js$/, ''))).toBe(true);
  }
  return { manifest: window['EDITION_SEARCH_INDEX'] as SearchManifest, parts };
}

/** A term's postings as [document, weight] pairs, from the term part the manifest points to. */
function postings(manifest: SearchManifest, parts: Map<string, unknown>, term: string): Array<[number, number]> {
  let part = 0;
  for (let i = 0; i < manifest.termParts.length; i++) if (manifest.termParts[i]! <= term) part = i;
  const encoded = (parts.get(`terms-${part}`) as Record<string, string>)[term];
  if (encoded === undefined) return [];
  const numbers = readNumbers(encoded);
  const out: Array<[number, number]> = [];
  let doc = 0;
  for (let i = 0; i < numbers.length; i += 2) {
    doc += numbers[i]!;
    out.push([doc, numbers[i + 1]!]);
  }
  return out;
}

/** A term's positions, per document of its postings. */
function positions(manifest: SearchManifest, parts: Map<string, unknown>, term: string): number[][] {
  let part = 0;
  for (let i = 0; i < manifest.termParts.length; i++) if (manifest.termParts[i]! <= term) part = i;
  const numbers = readNumbers((parts.get(`positions-${part}`) as Record<string, string>)[term] ?? '');
  const out: number[][] = [];
  for (let at = 0; at < numbers.length;) {
    const count = numbers[at++]!;
    const list: number[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) list.push((p += numbers[at++]!));
    out.push(list);
  }
  return out;
}

describe('words', () => {
  test('are folded: case and accents do not matter, other letters stay', () => {
    expect(words('BÁKU, Baku и Ба́ку — Trotsky’s “oil-fields” 1920')).toEqual(['baku', 'baku', 'и', 'баку', 'trotsky', 's', 'oil', 'fields', '1920']);
    expect(foldWord('Ärger')).toBe('arger');
    expect(foldWord('ß')).toBe('ß');
    expect(words('… — !')).toEqual([]);
  });
});

describe('the index', () => {
  const entries = [
    entry(1, { title: 'Oil report', text: 'Oil and oil fields.', notes: [{ n: '1', id: 'n1', text: 'No oil.' }], sender: ['Trotsky'], recipient: ['Stalin'], year: '1920', places: ['Baku', 'Grozny'] }),
    entry(2, { title: 'Fields', text: 'The fields, oil!', sender: ['Stalin'], recipient: ['Trotsky'], year: '1920', places: ['Baku'] }),
    entry(3, { title: 'Nothing', text: 'Fields end here.', notes: [{ n: '1', id: 'n1', text: 'Oil starts a note.' }], sender: ['Trotsky'], year: '1921' }),
  ];

  test('a term lists the documents that hold it, with a word in the title counting more', () => {
    const { manifest, parts } = load(searchIndexFiles(entries));
    expect(manifest.documents).toBe(3);
    // doc 1: title 1, text 2, note 1; doc 2: text 1; doc 3: a note 1.
    expect(postings(manifest, parts, 'oil')).toEqual([[0, TITLE_WEIGHT + 3], [1, 1], [2, 1]]);
    expect(postings(manifest, parts, 'fields')).toEqual([[0, 1], [1, TITLE_WEIGHT + 1], [2, 1]]);
    expect(postings(manifest, parts, 'report')).toEqual([[0, TITLE_WEIGHT]]);
    expect(postings(manifest, parts, 'missing')).toEqual([]);
  });

  test('positions: one stream per document, a gap between title, text and each note, so no phrase spans two', () => {
    const { manifest, parts } = load(searchIndexFiles(entries));
    // doc 1: "oil report" 0 1 | gap 2 | "oil and oil fields" 3 4 5 6 | gap 7 | "no oil" 8 9 | gap 10
    expect(positions(manifest, parts, 'oil')[0]).toEqual([0, 3, 5, 9]);
    expect(positions(manifest, parts, 'fields')[0]).toEqual([6]);
    // doc 3: "fields" ends the text, "oil" begins the note: not next to each other.
    const fields = positions(manifest, parts, 'fields')[2]!;
    const oil = positions(manifest, parts, 'oil')[2]!;
    expect(oil[0]! - fields[0]!).toBeGreaterThan(1);
    expect(readNumbers(manifest.lengths)).toEqual([11, 6, 11]);
  });

  test('facets: values by frequency, per document the numbers of its values', () => {
    const { manifest } = load(searchIndexFiles(entries));
    const decode = (key: string): string[][] => facetValuesByDocument(manifest, key);
    expect(manifest.facets['sender']!.values).toEqual(['Trotsky', 'Stalin']);
    expect(decode('sender')).toEqual([['Trotsky'], ['Stalin'], ['Trotsky']]);
    expect(decode('recipient')).toEqual([['Stalin'], ['Trotsky'], []]);
    expect(manifest.facets['year']!.values).toEqual(['1920', '1921']);
    expect(manifest.facets['place']!.values).toEqual(['Baku', 'Grozny']);
    expect(decode('place')).toEqual([['Baku', 'Grozny'], ['Baku'], []]);
  });

  test("a document's entry keeps the pointers of its correspondents' names, and none where there are none", () => {
    const json = JSON.stringify({
      id: 'L1', sender: [{ name: 'Hofmannsthal, Gerty', ref: '#pmb2292', place: 'Rodaun' }], recipient: [{ name: 'Schnitzler, Arthur', ref: null }, { name: null, ref: '#x' }],
    });
    const e = searchEntry(json, 'L1', 'L1.html');
    expect(e.sender).toEqual(['Hofmannsthal, Gerty']);
    expect(e.recipient).toEqual(['Schnitzler, Arthur']);
    expect(e.refs).toEqual({ 'Hofmannsthal, Gerty': '#pmb2292' });
    expect(searchEntry(JSON.stringify({ id: 'L2', sender: [{ name: 'A' }] }), 'L2', 'L2.html').refs).toBeUndefined();
  });

  test('facets: one person written two ways is one value, named as most documents write it; two people of one name stay apart', () => {
    const people = [
      entry(1, { sender: ['Hofmannsthal, Gerty von'], refs: { 'Hofmannsthal, Gerty von': '#pmb2292' }, recipient: ['Schnitzler, Arthur'] }),
      entry(2, { sender: ['Hofmannsthal, Gerty'], refs: { 'Hofmannsthal, Gerty': '#pmb2292' } }),
      entry(3, { sender: ['Hofmannsthal, Gerty von'], refs: { 'Hofmannsthal, Gerty von': '#pmb2292' } }),
      // One name, two people (two pointers), and the same name once without a pointer.
      entry(4, { sender: ['Müller'], refs: { Müller: 'persons.xml#mueller-a' } }),
      entry(5, { sender: ['Müller'], refs: { Müller: 'persons.xml#mueller-b' } }),
      entry(6, { sender: ['Müller'] }),
    ];
    const { manifest } = load(searchIndexFiles(people));
    expect(manifest.facets['sender']!.values).toEqual(['Hofmannsthal, Gerty von', 'Müller', 'Müller (mueller-a)', 'Müller (mueller-b)']);
    expect(facetValuesByDocument(manifest, 'sender')).toEqual([
      ['Hofmannsthal, Gerty von'], ['Hofmannsthal, Gerty von'], ['Hofmannsthal, Gerty von'],
      ['Müller (mueller-a)'], ['Müller (mueller-b)'], ['Müller'],
    ]);
    // The recipient facet counts by pointer too, apart from the senders.
    expect(manifest.facets['recipient']!.values).toEqual(['Schnitzler, Arthur']);
  });

  test('parts: every term in the part whose range holds it, every document in its part, in order', () => {
    const many = Array.from({ length: 40 }, (_, i) => entry(i, { title: `Letter ${i}`, text: `word${i % 7} common text ${'x'.repeat(i)} шаг${i}` }));
    const files = searchIndexFiles(many, { terms: 60, titles: 200, documents: 100 });
    const { manifest, parts } = load(files);
    expect(manifest.termParts.length).toBeGreaterThan(3);
    expect(manifest.documentParts.length).toBeGreaterThan(3);
    // Title lines are far smaller than entries: fewer parts of them at a larger size.
    expect(manifest.titleParts.length).toBeGreaterThan(3);
    expect(manifest.titleParts.length).toBeLessThan(manifest.documentParts.length);
    expect([...manifest.termParts].sort()).toEqual(manifest.termParts);
    manifest.termParts.forEach((first, i) => {
      // (Object.keys puts keys like "15" first: sorted here in code unit order, as the index sorts.)
      const terms = Object.keys(parts.get(`terms-${i}`) as object).sort();
      expect(Object.keys(parts.get(`positions-${i}`) as object).sort()).toEqual(terms);
      expect(terms[0]).toBe(first);
      const next = manifest.termParts[i + 1];
      for (const t of terms) if (next !== undefined) expect(t < next).toBe(true);
    });
    // Every word of every document is found through its part.
    many.forEach((e, doc) => {
      for (const w of words(`${e.title} ${e.text}`)) expect(postings(manifest, parts, w).map(([d]) => d)).toContain(doc);
    });
    const read: SearchEntry[] = [];
    manifest.documentParts.forEach((first, i) => {
      expect(read.length).toBe(first);
      read.push(...(parts.get(`documents-${i}`) as SearchEntry[]));
    });
    expect(read).toEqual(many);
    const lines: unknown[] = [];
    manifest.titleParts.forEach((first, i) => {
      expect(lines.length).toBe(first);
      lines.push(...(parts.get(`titles-${i}`) as unknown[]));
    });
    expect(lines).toEqual(many.map((e) => [e.page, e.n, e.title, e.date]));
    // Large numbers (documents far apart) survive the encoding.
    expect(postings(manifest, parts, 'шаг39')).toEqual([[39, 1]]);
  });

  test('the scripts cannot close a tag or break a line, and hold the text as it was', () => {
    const hostile = [entry(1, { title: '</script><script>alert(1)</script>', text: 'a\u2028b\u2029c <!-- d', places: ['</script>'] })];
    const files = searchIndexFiles(hostile);
    for (const content of files.values()) {
      expect(content).not.toMatch(/<\/script|<!--/i);
      expect(content).not.toMatch(/[\u2028\u2029]/);
    }
    const { parts } = load(files);
    expect((parts.get('documents-0') as SearchEntry[])[0]).toEqual(hostile[0]);
    expect((parts.get('titles-0') as unknown[])[0]).toEqual(titleLine(hostile[0]!));
  });

  test('a title line: page, number, title (the id when there is none) and date as shown', () => {
    expect(titleLine(entry(9, { title: 'Telegram', date: '20 March [1920]' }))).toEqual(['doc9.html', '9', 'Telegram', '20 March [1920]']);
    expect(titleLine(entry(9, { title: '' }))).toEqual(['doc9.html', '9', 'doc9', '']);
  });

  test('no documents give an empty index that still loads', () => {
    const files = searchIndexFiles([]);
    expect([...files.keys()]).toEqual(['search-index.js']);
    const manifest = readManifest(files.get('search-index.js')!);
    expect(manifest).toMatchObject({ documents: 0, termParts: [], titleParts: [], documentParts: [] });
  });
});
