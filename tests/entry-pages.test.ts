/**
 * Register entry pages are kept from the last build unless something they
 * show changed: a change to one entry, or to the names in one letter,
 * remakes the pages of the entries concerned and no others; the output is
 * byte for byte what a cold build of the changed sources gives.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import type { BuildResult } from '../src/site/index.js';
import { entryPageKeys, parseEntryPages, parseEntryParts, readEntryParts, summaryEntryIds, summaryOwnEntryIds, writeEntryParts } from '../src/site/entry-pages.js';
import { genericConfig, loadConfig } from '../src/config.js';
import type { EditionConfig } from '../src/config.js';
import { pointedId } from '../src/edition/files.js';
import type { FileSummary } from '../src/edition/files.js';
import { treeDigest } from './robustness/build-helpers.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

const root = join(import.meta.dirname, '..');
const EPOCH = 86400 * 365 * 50;
let work: string;
let config: EditionConfig;

const entryPages = (digest: Record<string, string>): string[] => Object.keys(digest).filter((p) => /^(persons|places|orgs)\//.test(p)).sort();

/** Build the project's sources incrementally into dist/, and cold (--force, own cache) into cold/; both must agree. */
async function buildBoth(): Promise<{ result: BuildResult; digest: Record<string, string> }> {
  const result = await buildEdition({ config, cacheFolder: join(work, 'cache'), sourceDateEpoch: EPOCH, workers: 0 });
  expect(result.problems).toEqual([]);
  expect(result.published).toBe(true);
  const cold = await buildEdition({ config, out: join(work, 'cold'), cacheFolder: join(work, 'cold-cache'), sourceDateEpoch: EPOCH, force: true, workers: 0 });
  expect(cold.problems).toEqual([]);
  const digest = treeDigest(join(work, 'dist'));
  expect(digest).toEqual(treeDigest(join(work, 'cold')));
  return { result, digest };
}

function edit(file: string, from: string, to: string): void {
  const path = join(work, 'tei', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** The entry pages whose bytes differ between two builds. */
const changedPages = (before: Record<string, string>, after: Record<string, string>): string[] =>
  entryPages(after).filter((p) => before[p] !== after[p]);

let first: Record<string, string>;
let pageCount: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-entry-pages-'));
  for (const part of ['tei', 'schema', 'edition.config.json']) cpSync(join(root, part), join(work, part), { recursive: true });
  config = loadConfig(join(work, 'edition.config.json'));
  const { result, digest } = await buildBoth();
  expect(result.entryPagesKept).toBe(0);
  first = digest;
  pageCount = entryPages(first).length;
  expect(pageCount).toBeGreaterThan(20);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('register entry pages in an incremental build', () => {
  test('one entry changed: its page is made again, every other entry page is kept', async () => {
    edit('persons.xml', 'Chairman of the Revolutionary Military Council', 'Chairman of the Revolutionary Military Council of the Republic');
    const { result, digest } = await buildBoth();
    expect(result.corpusTransformed).toBe(true);
    expect(result.entryPagesKept).toBe(pageCount - 1);
    // The lists of the documents do not read the registers.
    expect(digest['index.html']).toBe(first['index.html']);
    expect(digest['json/index.json']).toBe(first['json/index.json']);
    expect(changedPages(first, digest)).toEqual(['persons/trotsky.html']);
    first = digest;
  });

  test('an entry whose note names another entry is made again when that entry changes', async () => {
    edit('persons.xml', 'Sender of the telegrams of 17 and 28 March 1920', 'Sender (to <persName ref="persons.xml#stalin">Stalin</persName>) of the telegrams of 17 and 28 March 1920');
    const named = await buildBoth();
    // Lenin's page changed; Stalin's is made again (to the same bytes), since an element now points at his entry.
    expect(named.result.entryPagesKept).toBe(pageCount - 2);
    expect(changedPages(first, named.digest)).toEqual(['persons/lenin.html']);
    edit('persons.xml', 'addressee of No. 68 at Kharkov', 'addressee of No. 68 at Kharkov (Ukraine)');
    const { result, digest } = await buildBoth();
    // Stalin's page changed; Lenin's is made again (to the same bytes), since it points at Stalin's entry.
    expect(result.entryPagesKept).toBe(pageCount - 2);
    expect(changedPages(named.digest, digest)).toEqual(['persons/stalin.html']);
    first = digest;
  });

  test('a letter that names another entry remakes the pages of the entries it named and names, and no others', async () => {
    const letter = readFileSync(join(work, 'tei', 'doc069.xml'), 'utf8');
    const names = new Set([...letter.matchAll(/ref="(?:persons|places|orgs)\.xml#([^"]+)"/g)].map((m) => m[1]!));
    expect(names.has('kvashonkin')).toBe(false);
    // The first name in the text of No. 69 that points at Trotsky now points at Kvashonkin.
    const body = letter.indexOf('<body');
    const at = letter.indexOf('ref="persons.xml#trotsky"', body);
    expect(at).toBeGreaterThan(body);
    writeFileSync(join(work, 'tei', 'doc069.xml'), `${letter.slice(0, at)}ref="persons.xml#kvashonkin"${letter.slice(at + 'ref="persons.xml#trotsky"'.length)}`);
    const { result, digest } = await buildBoth();
    // Every entry No. 69 names, and Kvashonkin's, is made again; the rest are kept.
    const remade = pageCount - result.entryPagesKept;
    expect(remade).toBe(names.size + 1);
    // The names in a letter's text are not in the lists of the documents.
    expect(digest['index.html']).toBe(first['index.html']);
    expect(digest['json/index.json']).toBe(first['json/index.json']);
    expect(changedPages(first, digest)).toContain('persons/kvashonkin.html');
    first = digest;
  });

  test('a change to the edition header remakes every entry page', async () => {
    // The version, which every page's footer shows.
    edit('edition.xml', '<edition n="0.1.0">', '<edition n="0.1.1">');
    const { result, digest } = await buildBoth();
    expect(result.entryPagesKept).toBe(0);
    expect(digest['index.html']).not.toBe(first['index.html']);
    expect(changedPages(first, digest)).toEqual(entryPages(digest));
    first = digest;
  });

  test("a change to a letter's header remakes the lists of the documents", async () => {
    edit('doc069.xml', '<title>', '<title>Revised: ');
    const { result, digest } = await buildBoth();
    expect(result.corpusTransformed).toBe(true);
    expect(digest['index.html']).not.toBe(first['index.html']);
    expect(digest['json/index.json']).not.toBe(first['json/index.json']);
  });
});

describe('the id a pointer names', () => {
  test('is what follows the #, whatever comes before it', () => {
    expect(pointedId('persons.xml#trotsky')).toBe('trotsky');
    expect(pointedId('#doc068-a2')).toBe('doc068-a2');
    // The stylesheets count an absolute pointer to a register file as an occurrence too.
    expect(pointedId('https://example.org/edition/persons.xml#stalin')).toBe('stalin');
    expect(pointedId('doc068.xml')).toBeUndefined();
    expect(pointedId('persons.xml#')).toBeUndefined();
  });
});

describe('the entries a summary names', () => {
  test('are the ids of its s:names/@entries, whatever their register', () => {
    const summary = '<s:document xmlns:s="urn:edition:summary" file="doc1" title="entries=&quot;x&quot;">'
      + '<s:names doc="doc1" role="text" entries="persons#trotsky places#baku"/><s:names doc="doc1" role="note" entries="orgs#a&amp;b persons#trotsky"/></s:document>';
    expect([...summaryEntryIds(summary)].sort()).toEqual(['a&b', 'baku', 'trotsky']);
    expect(summaryEntryIds('<s:document xmlns:s="urn:edition:summary" file="doc2"/>').size).toBe(0);
  });
});

describe("the entries a foreign letter's summary carries from its own lists", () => {
  const own = (name: string, label: string): string => '<s:document xmlns:s="urn:edition:summary" file="L1">'
    + `<s:entries><person xmlns="http://www.tei-c.org/ns/1.0" xml:id="p3"><persName>${label}</persName></person>`
    + '<place xmlns="http://www.tei-c.org/ns/1.0" xml:id="pl&amp;9"><placeName>Wien</placeName></place></s:entries>'
    + `<s:names doc="${name}" role="text" entries="persons#p3"/></s:document>`;

  test('are the ids of the entries inside its s:entries, and no others', () => {
    expect([...summaryOwnEntryIds(own('L1', 'Anna'))].sort()).toEqual(['p3', 'pl&9']);
    expect(summaryOwnEntryIds('<s:document xmlns:s="urn:edition:summary" file="L1"><s:names doc="L1" role="text" entries="persons#p3"/></s:document>').size).toBe(0);
  });

  test("key the entry's page: a change to the letter describing it remakes it, a letter naming nothing else does not", () => {
    const keys = (describing: string, other: string): Map<string, string> => entryPageKeys({
      shared: 's', registers: [],
      documents: [{ name: 'L1.xml', summary: describing }, { name: 'L2.xml', summary: other }],
      foreign: true,
    });
    const other = '<s:document xmlns:s="urn:edition:summary" file="L2"/>';
    const before = keys(own('L1', 'Anna'), other);
    expect([...before.keys()].sort()).toEqual(['p3', 'pl&9']);
    expect(keys(own('L1', 'Anna Zweig'), other).get('p3')).not.toBe(before.get('p3'));
    expect(keys(own('L1', 'Anna'), '<s:document xmlns:s="urn:edition:summary" file="L2" title="x"/>').get('p3')).toBe(before.get('p3'));
  });
});

describe('the keys of entry pages, and which entries have pages', () => {
  const register = { name: 'listplace.xml', summary: { kind: 'register', entryKeys: { pmb4: 'a', pmb5: 'b' } } as unknown as FileSummary };
  const header = { name: 'edition.xml', summary: { kind: 'header', entryKeys: {} } as unknown as FileSummary };
  const naming = (entries: string): string => `<s:document xmlns:s="urn:edition:summary" file="L2"><s:names doc="L2" role="text" entries="${entries}"/></s:document>`;
  const keys = (registers: Array<typeof register>, entries: string, foreign: boolean): Map<string, string> =>
    entryPageKeys({ shared: 's', registers, documents: [{ name: 'L2.xml', summary: naming(entries) }], foreign });

  test('in a foreign folder, a letter that begins to name an entry changes the key of every page (each may link to it)', () => {
    expect(keys([register], 'places#pmb4', true).get('pmb5')).not.toBe(keys([register], 'places#pmb9', true).get('pmb5'));
    // An entry no register or letter describes has no page: naming it changes nothing.
    expect(keys([register], 'places#pmb9', true).get('pmb5')).toBe(keys([register], '', true).get('pmb5'));
  });

  test('in a configured edition, every entry has a page: only the pages of the entries named change', () => {
    expect(keys([header, register], 'places#pmb4', false).get('pmb5')).toBe(keys([header, register], 'places#pmb9', false).get('pmb5'));
    expect(keys([register], 'places#pmb4', false).get('pmb5')).toBe(keys([register], 'places#pmb9', false).get('pmb5'));
  });
});

describe('the list of entry pages', () => {
  test('reads the lines corpus.xsl writes, and nothing else', () => {
    expect(parseEntryPages('trotsky\tpersons/trotsky.html\nmoscow\tplaces/moscow.html\n')).toEqual([
      { id: 'trotsky', page: 'persons/trotsky.html' },
      { id: 'moscow', page: 'places/moscow.html' },
    ]);
    expect(parseEntryPages('')).toEqual([]);
    expect(parseEntryPages('\n\tno-id\n')).toEqual([]);
  });
});

describe("the entries' parts", () => {
  test('reads the records corpus.xsl writes: a JSON array of six strings, the object as it is, a line with one tab', () => {
    const object = '{\n      "id": "a",\n      "note": "tab \\t and newline \\n escaped"\n    }';
    const text = `["persons#a#1", "a", "a", "A, \\"the\\" first", "1870–1924", "in 1 note"]\n${object}\n\t\n`
      + `["places#b#1", "b", "b", "B", "", "not named in the documents"]\n{}\n\t\n`;
    expect(parseEntryParts(text)).toEqual([
      ['persons#a#1', 'a', 'a', 'A, "the" first', '1870–1924', 'in 1 note', object],
      ['places#b#1', 'b', 'b', 'B', '', 'not named in the documents', '{}'],
    ]);
    expect(parseEntryParts('')).toEqual([]);
    // A record cut short is left out, not half read.
    expect(parseEntryParts('["persons#a#1", "a", "a", "A", "", "x"]\n{\n')).toEqual([]);
  });

  test('are kept from one build to the next in a file of their own; a damaged file keeps nothing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'edition-entry-parts-')), 'build', 'x.entry-parts.txt');
    const kept = new Map([
      ['a', { key: 'key of a', parts: [['persons#a#1', 'a', 'a', 'A', '1870–1924', 'in 1 note', '{\n      "id": "a"\n    }'], ['places#a#1', 'a', 'a', 'A', '', 'x', '{}']] }],
      ['b', { key: 'key of b', parts: [['orgs#b#1', 'b', 'b', 'B "the" org', '', 'y', '{\n      "note": "\\t"\n    }']] }],
    ]);
    writeEntryParts(file, kept);
    expect(readEntryParts(file)).toEqual(kept);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -10));
    expect(readEntryParts(file)).toEqual(new Map());
    expect(readEntryParts(`${file}.missing`)).toEqual(new Map());
  });
});

describe('register entry pages of a foreign folder in an incremental build', () => {
  // Only the entries a letter names have pages there, and an entry's page links to the entries it
  // names only when they have one: Zollernstraße's page links to Aachen's once a letter names Aachen.
  const register = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Orte</title></titleStmt><publicationStmt><p>-</p></publicationStmt><sourceDesc><p>-</p></sourceDesc></fileDesc></teiHeader>
  <text><body><listPlace>
    <place xml:id="pmb4"><placeName>Aachen</placeName></place>
    <place xml:id="pmb5"><placeName>Zollernstraße 3</placeName>
      <location type="located_in_place"><placeName key="pmb4">Aachen</placeName></location></place>
  </listPlace></body></text>
</TEI>
`;
  const letter = (id: string, body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${id}">
  <teiHeader><fileDesc><titleStmt><title>Brief ${id}</title></titleStmt><publicationStmt><p>-</p></publicationStmt><sourceDesc><p>-</p></sourceDesc></fileDesc></teiHeader>
  <text><body><p>${body}</p></body></text>
</TEI>
`;
  let folder: string;
  let foreign: EditionConfig;

  /** Build incrementally into dist/ and cold into cold/; both must agree. */
  async function buildForeign(): Promise<Record<string, string>> {
    const result = await buildEdition({ config: foreign, out: join(folder, 'dist'), cacheFolder: join(folder, 'cache'), sourceDateEpoch: EPOCH, workers: 0 });
    expect(result.published).toBe(true);
    rmSync(join(folder, 'cold'), { recursive: true, force: true });
    await buildEdition({ config: foreign, out: join(folder, 'cold'), cacheFolder: join(folder, 'cold-cache'), sourceDateEpoch: EPOCH, force: true, workers: 0 });
    const digest = treeDigest(join(folder, 'dist'));
    expect(digest).toEqual(treeDigest(join(folder, 'cold')));
    return digest;
  }
  const street = (): string => readFileSync(join(folder, 'dist', 'places', 'pmb5.html'), 'utf8');

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'edition-entry-pages-foreign-'));
    mkdirSync(join(folder, 'letters'));
    writeFileSync(join(folder, 'letters', 'listplace.xml'), register);
    writeFileSync(join(folder, 'letters', 'L1.xml'), letter('L1', 'In der <placeName ref="#pmb5">Zollernstraße</placeName>.'));
    writeFileSync(join(folder, 'letters', 'L2.xml'), letter('L2', 'Nichts.'));
    foreign = genericConfig(join(folder, 'letters'), undefined);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('a letter that begins to name an entry, and then names it no more, gives the pages a cold build gives', async () => {
    const before = await buildForeign();
    expect(before['places/pmb4.html']).toBeUndefined();
    expect(street()).not.toContain('pmb4.html');
    writeFileSync(join(folder, 'letters', 'L2.xml'), letter('L2', 'In <placeName ref="#pmb4">Aachen</placeName>.'));
    const named = await buildForeign();
    expect(named['places/pmb4.html']).toBeDefined();
    expect(street()).toContain('<a href="../places/pmb4.html">Aachen</a>');
    writeFileSync(join(folder, 'letters', 'L2.xml'), letter('L2', 'Nichts.'));
    const unnamed = await buildForeign();
    expect(unnamed['places/pmb4.html']).toBeUndefined();
    expect(street()).not.toContain('pmb4.html');
  });
});
