/**
 * corpus.xsl makes every output of the teiCorpus in one transformation; it
 * must make exactly what html.xsl, json.xsl, cmif.xsl and text.xsl make of
 * the corpus one by one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeEdition } from '../src/bench/generate.js';
import { collectionOrder } from '../src/build/index.js';
import { assembleCorpus, corpusDocument, rootElementText } from '../src/build/corpus.js';
import { parseEntryPages } from '../src/build/entry-pages.js';
import { loadConfig } from '../src/config.js';
import { parseForTransform, transform } from '../src/transform/saxon.js';
import type { StylesheetParams } from '../src/transform/saxon.js';
import { loadStylesheets } from '../src/transform/stylesheets.js';
import type { Stylesheets } from '../src/transform/stylesheets.js';
import { validate } from '../src/validate/index.js';
import { testStylesheetParams } from './helpers/edition.js';

const root = join(import.meta.dirname, '..');
let work: string;
let sheets: Stylesheets;

const params: StylesheetParams = {
  ...testStylesheetParams,
  'doc-file': '',
  'prev-doc': '',
  'next-doc': '',
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-corpus-'));
  writeEdition({ letters: 12, seed: 7, folder: join(work, 'generated'), projectRoot: root });
  sheets = await loadStylesheets(join(root, 'xslt'), join(root, '.cache'));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The teiCorpus a build of the edition configured in `configFile` assembles;
 * `whole`: with the documents as they are instead (each with the xml:base
 * the build gives it).
 */
async function corpusOf(configFile: string, whole = false): Promise<string> {
  const config = loadConfig(configFile);
  const { files } = await validate({ config });
  const readable = files.filter((f) => f.text !== undefined && f.summary !== undefined);
  const header = readable.find((f) => f.summary!.kind === 'header');
  return assembleCorpus({
    header: header?.text,
    registers: readable.filter((f) => f.summary!.kind === 'register').map((f) => f.text!),
    documents: collectionOrder(readable).map((d) => whole
      ? rootElementText(d.text!).replace(/^<TEI\b/, `<TEI xml:base="${d.name}"`)
      : corpusDocument(d.text!, d.summary!)),
    title: config.title,
  });
}

function collect(into: Map<string, string>, prefix = ''): (href: string, content: string) => void {
  return (href, content) => void into.set(`${prefix}${href}`, content);
}

describe('corpus.xsl', () => {
  for (const [label, configFile] of [
    ['the project edition', (): string => join(root, 'edition.config.json')],
    ['a generated edition of 12 letters', (): string => join(work, 'generated', 'edition.config.json')],
  ] as const) {
    test(`makes of ${label} what the four stylesheets make one by one, byte for byte`, async () => {
      const corpus = await parseForTransform(await corpusOf(configFile()));
      const separate = new Map<string, string>();
      transform(sheets.html, corpus, params, collect(separate));
      transform(sheets.json, corpus, params, collect(separate, 'json/'));
      separate.set('cmif.xml', transform(sheets.cmif, corpus, params).principal);
      separate.set('edition-header.txt', transform(sheets.text, corpus, params).principal);
      const together = new Map<string, string>();
      transform(sheets.corpus, corpus, params, collect(together));
      // The list of entry pages, which only corpus.xsl writes, names every entry page, each with its entry's id.
      const listing = together.get('entry-pages.txt') ?? '';
      const listed = parseEntryPages(listing);
      together.delete('entry-pages.txt');
      const entryPages = [...separate.keys()].filter((href) => /^(persons|places|orgs)\//.test(href)).sort();
      expect(entryPages.length).toBeGreaterThan(3);
      expect(listed.map((l) => l.page).sort()).toEqual(entryPages);
      for (const { id, page } of listed) expect(page).toMatch(new RegExp(`/${id}\\.html$`));
      expect([...together.keys()].sort()).toEqual([...separate.keys()].sort());
      expect(together.size).toBeGreaterThan(10);
      for (const [href, content] of separate) expect(together.get(href), href).toBe(content);

      // Entry pages omitted by id are not made; everything else is made as before.
      const omitted = listed.filter((_, i) => i % 2 === 0);
      const some = new Map<string, string>();
      transform(sheets.corpus, corpus, { ...params, 'entry-pages-omitted': omitted.map((l) => l.id).join(' ') }, collect(some));
      // The list still names every entry page, made or not.
      expect(some.get('entry-pages.txt')).toBe(listing);
      some.delete('entry-pages.txt');
      const omittedPages = new Set(omitted.map((l) => l.page));
      expect([...some.keys()].sort()).toEqual([...separate.keys()].filter((href) => !omittedPages.has(href)).sort());
      for (const [href, content] of some) expect(content, href).toBe(separate.get(href));

      // Without the lists of the documents, everything else is made as before.
      const withoutLists = new Map<string, string>();
      transform(sheets.corpus, corpus, { ...params, 'omit-document-lists': 'yes' }, collect(withoutLists));
      withoutLists.delete('entry-pages.txt');
      expect([...withoutLists.keys()].sort()).toEqual([...separate.keys()].filter((href) => href !== 'index.html' && href !== 'json/index.json').sort());
      for (const [href, content] of withoutLists) expect(content, href).toBe(separate.get(href));
    });
  }
});

/** corpus.xsl's outputs of the corpus the build assembles, which must be those of the whole documents; returned. */
async function expectReducedAsWhole(configFile: string): Promise<Map<string, string>> {
  const outputs = async (whole: boolean): Promise<Map<string, string>> => {
    const made = new Map<string, string>();
    transform(sheets.corpus, await parseForTransform(await corpusOf(configFile, whole)), params, collect(made));
    return made;
  };
  const reduced = await outputs(false);
  const whole = await outputs(true);
  expect([...reduced.keys()].sort()).toEqual([...whole.keys()].sort());
  for (const [href, content] of whole) expect(reduced.get(href), href).toBe(content);
  return reduced;
}

describe('the corpus the build assembles', () => {
  test('gives every edition-wide output the whole documents give', async () => {
    // A letter whose kind only the first div of its body names (f:doc-type reads it when the header does not).
    const project = join(work, 'project-copy');
    for (const part of ['tei', 'schema', 'edition.config.json']) cpSync(join(root, part), join(project, part), { recursive: true });
    const letter = join(project, 'tei', 'doc069.xml');
    const text = readFileSync(letter, 'utf8');
    expect(text).toContain('<objectDesc form="leaf">');
    // Notes without @n or xml:id (numbered and named by position), with @resp and no @type (editorial), nested,
    // with names in them: the reduced letter must keep each note's number, id and kind.
    const notes = ' <note resp="#compilers">An unnumbered note on <persName ref="persons.xml#lenin">Lenin</persName>'
      + '<note>nested, on <placeName ref="places.xml#moscow">Moscow</placeName></note></note>'
      + '<note type="compilers">Another, on <rs type="place" ref="places.xml#baku">the city</rs>.</note>';
    expect(text).toContain('Received encryption.');
    writeFileSync(letter, text.replace('<objectDesc form="leaf">', '<objectDesc>').replace('Received encryption.', `Received encryption.${notes}`));
    const reduced = await expectReducedAsWhole(join(project, 'edition.config.json'));
    // The kind reached the list of the documents, the names in the new notes the entry pages.
    expect(JSON.parse(reduced.get('json/index.json')!).documents.map((d: { type: string | null }) => d.type)).toContain('telegram');
    expect(reduced.get('places/moscow.html')).toContain('doc069.html#doc069-note-at-');
    expect(reduced.get('persons/lenin.html')).toMatch(/doc069\.html#doc069-note-at-\d+">[^<]*editorial note \d/);
  });

  test('gives every edition-wide output the whole documents give, for generated letters', async () => {
    const reduced = await expectReducedAsWhole(join(work, 'generated', 'edition.config.json'));
    expect(reduced.size).toBeGreaterThan(30);
  });
});
