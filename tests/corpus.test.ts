/**
 * corpus.xsl makes every edition-wide output in one transformation, from
 * the edition header, the registers and the documents' summaries
 * (made beside each document's page by build.xsl, as in a build); the
 * summaries must carry what the documents' own outputs say of them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeEdition } from '../src/dev/bench/generate.js';
import { collectionOrder, outputBaseName } from '../src/site/plan.js';
import { assembleEditionInput } from '../src/site/corpus.js';
import { parseEntryPages, parseEntryParts, summaryEntryIds } from '../src/site/entry-pages.js';
import { loadConfig } from '../src/config.js';
import { buildEntry, callTemplate, parseForTransform, transform } from '../src/transform/saxon.js';
import type { StylesheetParams } from '../src/transform/saxon.js';
import { loadStylesheets } from '../src/transform/stylesheets.js';
import type { CompiledStylesheet } from '../src/transform/stylesheets.js';
import { validate } from '../src/validate/index.js';
import { testStylesheetParams } from './helpers/edition.js';

const root = join(import.meta.dirname, '..');
let work: string;
let build: CompiledStylesheet;

const params: StylesheetParams = {
  ...testStylesheetParams,
  'doc-file': '',
  'prev-doc': '',
  'next-doc': '',
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-corpus-'));
  writeEdition({ letters: 12, seed: 7, folder: join(work, 'generated'), projectRoot: root });
  ({ build } = await loadStylesheets(join(root, 'xslt'), join(root, '.cache'), ['build']));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Edition {
  /** The edition-wide input a build of the edition assembles. */
  input: string;
  /** The edition header's text, if any. */
  header: string | undefined;
  /** Each document in collection order: its output base name, its own JSON and its summary. */
  documents: Array<{ base: string; json: string; summary: string }>;
}

/** What a build of the edition configured in `configFile` gives corpus.xsl, and each document's JSON. */
async function editionOf(configFile: string): Promise<Edition> {
  const config = loadConfig(configFile);
  const { files } = await validate({ config });
  const readable = files.filter((f) => f.text !== undefined && f.summary !== undefined);
  const header = readable.find((f) => f.summary!.kind === 'header');
  const documents: Edition['documents'] = [];
  for (const d of collectionOrder(readable)) {
    const base = outputBaseName(d.name)!;
    const made = new Map<string, string>();
    callTemplate(build, buildEntry.oneDocument, await parseForTransform(d.text!), { ...params, 'doc-file': base }, (href, content) => made.set(href, content));
    documents.push({ base, json: made.get(`json/${base}.json`)!, summary: made.get(`summary/${base}.xml`)! });
  }
  const input = assembleEditionInput({
    header: header?.text,
    registers: readable.filter((f) => f.summary!.kind === 'register').map((f) => f.text!),
    summaries: documents.map((d) => d.summary),
  });
  return { input, header: header?.text, documents };
}

async function corpusOutputs(input: string, p: StylesheetParams = params): Promise<Map<string, string>> {
  const made = new Map<string, string>();
  transform(build, await parseForTransform(input), p, (href, content) => void made.set(href, content));
  return made;
}

/** The members of a document object that index.json and the document's own JSON share. */
const shared = (d: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(['id', 'file', 'n', 'title', 'type', 'date', 'sender', 'recipient'].map((k) => [k, d[k]]));

describe('corpus.xsl', () => {
  for (const [label, configFile] of [
    ['the project edition', (): string => join(root, 'edition.config.json')],
    ['a generated edition of 12 letters', (): string => join(work, 'generated', 'edition.config.json')],
  ] as const) {
    test(`makes every edition-wide output of ${label} from the summaries, and omits the entry pages it is told to`, async () => {
      const edition = await editionOf(configFile());
      const all = await corpusOutputs(edition.input);
      // The list of entry pages, which the build takes out, names every entry page made, each with its entry's id.
      const listing = all.get('entry-pages.txt') ?? '';
      const listed = parseEntryPages(listing);
      all.delete('entry-pages.txt');
      all.delete('authority-uris.txt');
      expect(all.has('edition-header.txt')).toBe(true);
      const entryPages = [...all.keys()].filter((href) => /^(persons|places|orgs)\//.test(href)).sort();
      expect(entryPages.length).toBeGreaterThan(3);
      expect(listed.map((l) => l.page).sort()).toEqual(entryPages);
      for (const { id, page } of listed) expect(page).toMatch(new RegExp(`/${id}\\.html$`));
      for (const href of ['index.html', 'persons.html', 'places.html', 'orgs.html', 'about.html', 'search.html', 'cmif.xml',
        'json/index.json', 'json/persons.json', 'json/places.json', 'json/orgs.json']) expect(all.has(href), href).toBe(true);

      // The list of the documents describes each one as its own JSON does, in collection order.
      const index = JSON.parse(all.get('json/index.json')!) as { documents: Array<Record<string, unknown>> };
      expect(index.documents.map(shared)).toEqual(edition.documents.map((d) => shared(JSON.parse(d.json) as Record<string, unknown>)));
      // Every entry a summary names has its page, and that page links to the document.
      for (const d of edition.documents) {
        for (const id of summaryEntryIds(d.summary)) {
          const page = listed.find((l) => l.id === id)?.page;
          if (page) expect(all.get(page), page).toContain(`../${d.base}.html`);
        }
      }

      // The build makes the edition-wide outputs in two parts: the registers' from the whole, then the lists of the
      // documents from an input without the registers and the authority URIs the registers' part gave for CMIF.
      // Together they are the outputs of the whole, byte for byte: the lists of the documents read nothing else
      // from a register.
      const parts = new Map<string, string>();
      callTemplate(build, buildEntry.editionRegisters, await parseForTransform(edition.input), params, (href, content) => void parts.set(href, content));
      expect(parts.has('persons.html') && !parts.has('index.html') && !parts.has('cmif.xml')).toBe(true);
      const authorityUris = parts.get('authority-uris.txt')!;
      parts.delete('authority-uris.txt');
      if (label === 'the project edition') expect(authorityUris).toMatch(/^persons\.xml#\S+\thttps?:\/\/\S+$/m);
      const documentsInput = assembleEditionInput({ header: edition.header, registers: [], summaries: edition.documents.map((d) => d.summary) });
      callTemplate(build, buildEntry.editionDocuments, await parseForTransform(documentsInput), { ...params, 'authority-uris': authorityUris }, (href, content) => {
        expect(parts.has(href), href).toBe(false);
        parts.set(href, content);
      });
      expect(parts.has('index.html') && parts.has('json/index.json') && parts.has('cmif.xml')).toBe(true);
      parts.delete('entry-pages.txt');
      expect([...parts.keys()].sort()).toEqual([...all.keys()].sort());
      for (const [href, content] of parts) expect(content, href).toBe(all.get(href));

      // Entry pages omitted by id are not made; everything else is made as before.
      const omitted = listed.filter((_, i) => i % 2 === 0);
      const some = await corpusOutputs(edition.input, { ...params, 'entry-pages-omitted': omitted.map((l) => l.id).join(' ') });
      // The list still names every entry page, made or not.
      expect(some.get('entry-pages.txt')).toBe(listing);
      some.delete('entry-pages.txt');
      some.delete('authority-uris.txt');
      const omittedPages = new Set(omitted.map((l) => l.page));
      expect([...some.keys()].sort()).toEqual([...all.keys()].filter((href) => !omittedPages.has(href)).sort());
      for (const [href, content] of some) expect(content, href).toBe(all.get(href));

      // The parts of the omitted entries handed back (as the build keeps them): the lists and the JSON are the
      // same bytes, and only the other entries' parts are made.
      const partsOf = (outputs: Map<string, string>): string[][] => [...outputs].filter(([href]) => href.startsWith('entry-parts/')).flatMap(([, content]) => parseEntryParts(content));
      const made = partsOf(all);
      expect(made.map((p) => p[1]).sort()).toEqual([...new Set(listed.map((l) => l.id))].sort());
      const omittedIds = new Set(omitted.map((l) => l.id));
      const kept = made.filter((p) => omittedIds.has(p[1]!));
      expect(kept.length).toBeGreaterThan(0);
      const withParts = await corpusOutputs(edition.input, { ...params, 'entry-pages-omitted': [...omittedIds].join(' '), 'kept-entry-parts': kept.flat() });
      expect(partsOf(withParts).map((p) => p[1]).sort()).toEqual(made.map((p) => p[1]).filter((id) => !omittedIds.has(id!)).sort());
      for (const href of ['persons.html', 'places.html', 'orgs.html', 'json/persons.json', 'json/places.json', 'json/orgs.json']) {
        expect(withParts.get(href), href).toBe(all.get(href));
      }
      // A kept part is taken as it is: a changed label shows in the list.
      const altered = kept.map((p, i) => (i === 0 ? [p[0]!, p[1]!, p[2]!, 'A label from the last build', ...p.slice(4)] : p));
      const relabelled = await corpusOutputs(edition.input, { ...params, 'entry-pages-omitted': [...omittedIds].join(' '), 'kept-entry-parts': altered.flat() });
      const kind = kept[0]![0]!.split('#')[0]!;
      expect(relabelled.get(`${kind}.html`)).toContain('A label from the last build');
    });
  }
});

describe('the summaries', () => {
  test('carry what the edition-wide outputs read of a letter: its kind, and the number, id and kind of every note', async () => {
    // A letter whose kind only the first div of its body names (f:doc-type reads it when the header does not).
    const project = join(work, 'project-copy');
    for (const part of ['tei', 'schema', 'edition.config.json']) cpSync(join(root, part), join(project, part), { recursive: true });
    const letter = join(project, 'tei', 'doc069.xml');
    const text = readFileSync(letter, 'utf8');
    expect(text).toContain('<objectDesc form="leaf">');
    // Notes without @n or xml:id (numbered and named by position), with @resp and no @type (editorial), nested,
    // with names in them: the summary must keep each note's number, id and kind.
    const notes = ' <note resp="#compilers">An unnumbered note on <persName ref="persons.xml#lenin">Lenin</persName>'
      + '<note>nested, on <placeName ref="places.xml#moscow">Moscow</placeName></note></note>'
      + '<note type="compilers">Another, on <rs type="place" ref="places.xml#baku">the city</rs>.</note>';
    expect(text).toContain('Received encryption.');
    writeFileSync(letter, text.replace('<objectDesc form="leaf">', '<objectDesc>').replace('Received encryption.', `Received encryption.${notes}`));
    const edition = await editionOf(join(project, 'edition.config.json'));
    const made = await corpusOutputs(edition.input);
    // The kind reached the list of the documents, the names in the new notes the entry pages.
    expect(JSON.parse(made.get('json/index.json')!).documents.map((d: { type: string | null }) => d.type)).toContain('telegram');
    expect(made.get('places/moscow.html')).toContain('doc069.html#doc069-note-at-');
    expect(made.get('persons/lenin.html')).toMatch(/doc069\.html#doc069-note-at-\d+">[^<]*editorial note \d/);
    // Each note's id is the one the letter's own JSON gives it.
    const own = JSON.parse(edition.documents.find((d) => d.base === 'doc069')!.json) as { notes: Array<{ id: string }> };
    for (const id of /doc069-note-at-\d+/g[Symbol.match](made.get('places/moscow.html')!) ?? []) expect(own.notes.map((n) => n.id)).toContain(id);
  });
});
