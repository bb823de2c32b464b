/**
 * The build's plan (src/site/plan.ts) as the pure function it is: sources,
 * the last build's manifest and summaries, and the published files in;
 * what to make and what to take over out. No stylesheet runs, no file is
 * written: each test edits the data a build would see and checks what the
 * plan decides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { FileSummary } from '../src/edition/files.js';
import type { BuildManifest } from '../src/site/manifest.js';
import { emptyManifest } from '../src/site/manifest.js';
import { compareCollectionOrder, corpusParams, documentOutputs, editionSources, fileKind, planBuild, planEditionDocuments, planEditionRegisters, planEditionText } from '../src/site/plan.js';
import type { BuildPlan, EditionPart, EditionRegistersPlan, EditionSources, Previous, Source } from '../src/site/plan.js';
import type { KeptSummary } from '../src/site/summaries.js';

const config = loadConfig(join(import.meta.dirname, '..', 'edition.config.json'));

function source(name: string, hash: string, summary: Partial<FileSummary> = {}): Source {
  const { kind, register } = fileKind(name, config);
  return {
    file: `/edition/tei/${name}`, name, bytes: new TextEncoder().encode(hash), text: `<TEI>${hash}</TEI>`, hash, errors: 0, warnings: 0,
    summary: { file: `/edition/tei/${name}`, name, kind, register, ids: [], pointers: [], n: undefined, letter: undefined, entryNames: undefined, entryKeys: undefined, ...summary },
  };
}

/** An edition header, a register of two entries, three letters (numbered 1, 2, 3, in another file order). */
function edition(edit: { letters?: Record<string, { hash?: string; n?: string }>; persons?: Record<string, string>; header?: string } = {}): EditionSources {
  const letter = (name: string, n: string): Source => source(name, edit.letters?.[name]?.hash ?? `bytes of ${name}`, { n: edit.letters?.[name]?.n ?? n });
  return editionSources([
    letter('b.xml', '1'),
    letter('c.xml', '2'),
    letter('a.xml', '3'),
    source('edition.xml', edit.header ?? 'header', { entryKeys: {} }),
    source('persons.xml', JSON.stringify(edit.persons ?? {}), { entryKeys: { trotsky: 'trotsky v1', lenin: 'lenin v1', ...edit.persons } }),
  ]);
}

/** What each document's summary says: the entries it names. */
const summaryOf = (name: string): string => `<s:document file="${name}"><s:names entries="${name === 'b.xml' ? 'person#trotsky' : 'person#lenin'}"/></s:document>`;

const nothing: Previous = { manifest: emptyManifest(), summaries: new Map(), published: new Set() };

/** The manifest, summaries and published files a build of `plan` leaves (as write.ts records them). */
function built(sources: EditionSources, plan: BuildPlan, pages: EditionPagesPlan): Previous {
  const manifest: BuildManifest = emptyManifest();
  const summaries = new Map<string, KeptSummary>();
  for (const d of plan.documents) {
    if (d.action === 'refuse') continue;
    const key = d.action === 'make' ? d.key : d.group.key;
    manifest.documents[d.source.name] = { key, outputs: [d.outputs.page, d.outputs.text, d.outputs.json] };
    summaries.set(d.source.name, { key, summary: summaryOf(d.source.name) });
  }
  for (const f of sources.all) manifest.sources[f.name] = { key: f.hash, outputs: [`tei/${f.name}`] };
  manifest.zip = { key: plan.zip.key, outputs: ['tei/edition.zip'] };
  manifest.search = { key: plan.search.key, outputs: ['search-index.js', 'search/terms-0.js'] };
  manifest.editionText = { key: planEditionText(plan, 'the head', nothing).key, outputs: ['text/edition.txt'] };
  manifest.editionDocuments = { key: pages.documents.key, outputs: ['index.html'] };
  manifest.editionRegisters = { key: pages.registers.key, outputs: ['persons.html'] };
  for (const [id, key] of pages.entryKeys) manifest.entries[id] = { key, outputs: [`persons/${id}.html`] };
  const published = new Set<string>();
  for (const group of [...Object.values(manifest.documents), ...Object.values(manifest.sources), manifest.zip, manifest.search, manifest.editionText, manifest.editionDocuments, manifest.editionRegisters, ...Object.values(manifest.entries)]) {
    for (const o of group.outputs) published.add(o);
  }
  return { manifest, summaries, published };
}

const summariesOf = (sources: EditionSources): string[] => sources.documents.map((d) => summaryOf(d.name));

/** Both parts of the edition-wide pages, as the build plans them: the registers' first, then the lists of the documents with the authority URIs the registers gave. */
interface EditionPagesPlan extends EditionRegistersPlan {
  documents: EditionPart;
}

function pagesOf(sources: EditionSources, previous: Previous, toolchainKey = 'toolchain 1', summaries = summariesOf(sources), schemaText = '<grammar/>', authorityUris = ''): EditionPagesPlan {
  const input = { config, sources, summaries, schemaText, previous, toolchainKey };
  return { ...planEditionRegisters(input), documents: planEditionDocuments(input, authorityUris) };
}

/** A cold build of `sources`, and what it leaves for the next one. */
function cold(sources: EditionSources, toolchainKey = 'toolchain 1'): Previous {
  const plan = planBuild({ sources, previous: nothing, toolchainKey, epoch: undefined });
  return built(sources, plan, pagesOf(sources, nothing, toolchainKey));
}

const actions = (plan: BuildPlan): Record<string, string> => Object.fromEntries(plan.documents.map((d) => [d.source.name, d.action]));
const remadeDownloads = (plan: BuildPlan): string[] => plan.downloads.filter((d) => !d.reuse).map((d) => d.path);

describe('the sources', () => {
  test('each file has one kind, from its name and the configuration; documents come in collection order', () => {
    const sources = edition();
    expect(sources.header?.name).toBe('edition.xml');
    expect(sources.registers.map((r) => r.name)).toEqual(['persons.xml']);
    expect(sources.documents.map((d) => d.name)).toEqual(['b.xml', 'c.xml', 'a.xml']);
    expect(fileKind('places.xml', config)).toEqual({ kind: 'register', register: 'places' });
    // A foreign folder (no edition rules) has documents only.
    expect(fileKind('persons.xml', { ...config, editionRules: false })).toEqual({ kind: 'document', register: undefined });
  });

  test('collection order: by number; unnumbered letters by date of sending (less precise first, undated last), then by file name', () => {
    const places = [
      { n: undefined, date: undefined, name: 'L00001.xml' },
      { n: undefined, date: '1930-05-02', name: 'L00002.xml' },
      { n: undefined, date: '1902-11-20', name: 'L02550.xml' },
      { n: undefined, date: '1902-11', name: 'L09999.xml' },
      { n: undefined, date: '1902-11-20', name: 'L02549.xml' },
      { n: '69', date: '1920-03-22', name: 'doc069.xml' },
      { n: '68', date: '1920-03-21', name: 'doc068.xml' },
      { n: '70', date: undefined, name: 'doc070.xml' },
    ];
    expect([...places].sort(compareCollectionOrder).map((p) => p.name)).toEqual([
      'doc068.xml', 'doc069.xml', 'doc070.xml', 'L09999.xml', 'L02549.xml', 'L02550.xml', 'L00002.xml', 'L00001.xml',
    ]);
  });
});

describe('planBuild', () => {
  test('a first build makes every document, with its neighbours and its outputs named from its file name', () => {
    const plan = planBuild({ sources: edition(), previous: nothing, toolchainKey: 'toolchain 1', epoch: undefined });
    expect(actions(plan)).toEqual({ 'b.xml': 'make', 'c.xml': 'make', 'a.xml': 'make' });
    const c = plan.documents[1]!;
    expect(c).toMatchObject({ action: 'make', base: 'c', prev: 'b', next: 'a', outputs: { page: 'c.html', text: 'text/c.txt', json: 'json/c.json' } });
    expect(documentOutputs('c')).toEqual({ page: 'c.html', text: 'text/c.txt', json: 'json/c.json' });
    expect(remadeDownloads(plan)).toHaveLength(5);
    expect(plan.zip.reuse).toBe(false);
  });

  test('nothing changed: every document, download and the ZIP are taken over, each document with its summary', () => {
    const sources = edition();
    const previous = cold(sources);
    const plan = planBuild({ sources, previous, toolchainKey: 'toolchain 1', epoch: undefined });
    expect(actions(plan)).toEqual({ 'b.xml': 'reuse', 'c.xml': 'reuse', 'a.xml': 'reuse' });
    const b = plan.documents[0]!;
    expect(b.action === 'reuse' && b.summary.summary).toBe(summaryOf('b.xml'));
    expect(remadeDownloads(plan)).toEqual([]);
    expect(plan.zip.reuse).toBe(true);
    // The search index and edition.txt too (the latter while the head the lists of the documents give is the same).
    expect(plan.search.reuse).toBe(true);
    expect(planEditionText(plan, 'the head', previous).reuse).toBe(true);
    expect(planEditionText(plan, 'the head, revised', previous).reuse).toBe(false);
  });

  test("a letter changed: only it is made again, its download too, and the ZIP with every source", () => {
    const previous = cold(edition());
    const sources = edition({ letters: { 'c.xml': { hash: 'new bytes of c.xml' } } });
    const plan = planBuild({ sources, previous, toolchainKey: 'toolchain 1', epoch: undefined });
    expect(actions(plan)).toEqual({ 'b.xml': 'reuse', 'c.xml': 'make', 'a.xml': 'reuse' });
    expect(remadeDownloads(plan)).toEqual(['tei/c.xml']);
    expect(plan.zip.reuse).toBe(false);
    expect(plan.search.reuse).toBe(false);
    expect(planEditionText(plan, 'the head', previous).reuse).toBe(false);
    expect(plan.zip.members.map((m) => m.name).sort()).toEqual(['a.xml', 'b.xml', 'c.xml', 'edition.xml', 'persons.xml']);
  });

  test("a letter moved in the collection: it and its old and new neighbours are made again (their links change)", () => {
    const previous = cold(edition());
    // a.xml (no. 3) becomes no. 0: order a, b, c instead of b, c, a.
    const plan = planBuild({ sources: edition({ letters: { 'a.xml': { n: '0' } } }), previous, toolchainKey: 'toolchain 1', epoch: undefined });
    expect(plan.documents.map((d) => d.source.name)).toEqual(['a.xml', 'b.xml', 'c.xml']);
    expect(actions(plan)).toEqual({ 'a.xml': 'make', 'b.xml': 'make', 'c.xml': 'make' });
  });

  test('a register or the edition header changed: no letter is made again, only their downloads', () => {
    const previous = cold(edition());
    for (const sources of [edition({ persons: { trotsky: 'trotsky v2' } }), edition({ header: 'header, revised' })]) {
      const plan = planBuild({ sources, previous, toolchainKey: 'toolchain 1', epoch: undefined });
      expect(actions(plan)).toEqual({ 'b.xml': 'reuse', 'c.xml': 'reuse', 'a.xml': 'reuse' });
      expect(remadeDownloads(plan)).toHaveLength(1);
    }
  });

  test('the stylesheets (or toolchain, or parameters) changed: every document and the ZIP are made again, the downloads kept', () => {
    const sources = edition();
    const plan = planBuild({ sources, previous: cold(sources), toolchainKey: 'toolchain 1, stylesheets edited', epoch: undefined });
    expect(actions(plan)).toEqual({ 'b.xml': 'make', 'c.xml': 'make', 'a.xml': 'make' });
    expect(plan.zip.reuse).toBe(false);
    expect(remadeDownloads(plan)).toEqual([]);
  });

  test('an output missing from the published folder, or a summary of another key, makes the document again', () => {
    const sources = edition();
    const previous = cold(sources);
    const published = new Set(previous.published);
    published.delete('json/a.json');
    const summaries = new Map(previous.summaries);
    summaries.set('b.xml', { key: 'stale', summary: summaryOf('b.xml') });
    const plan = planBuild({ sources, previous: { ...previous, published, summaries }, toolchainKey: 'toolchain 1', epoch: undefined });
    expect(actions(plan)).toEqual({ 'b.xml': 'make', 'c.xml': 'reuse', 'a.xml': 'make' });
  });

  test('a file name that cannot name an output gets a safe one, decided in the plan, and its neighbours link to it', () => {
    const sources = editionSources([source('b.xml', 'b', { n: '1' }), source('bad name.xml', 'x', { n: '2' }), source('a.xml', 'a', { n: '3' })]);
    const plan = planBuild({ sources, previous: nothing, toolchainKey: 'toolchain 1', epoch: undefined });
    expect(plan.documents[1]).toMatchObject({ action: 'make', base: 'bad-name', outputs: { page: 'bad-name.html', text: 'text/bad-name.txt', json: 'json/bad-name.json' } });
    expect(plan.documents[0]).toMatchObject({ action: 'make', next: 'bad-name' });
    expect(plan.documents[2]).toMatchObject({ action: 'make', prev: 'bad-name' });
    expect(plan.downloads.map((d) => d.path)).toEqual(expect.arrayContaining(['tei/bad-name.xml', 'tei/a.xml', 'tei/b.xml']));
  });
});

/** Which parts of the edition-wide outputs a plan takes over. */
const reused = (pages: EditionPagesPlan): { documents: boolean; registers: boolean } => ({ documents: pages.documents.reuse, registers: pages.registers.reuse });

describe('planEditionRegisters and planEditionDocuments', () => {
  test('nothing changed: the edition-wide pages are all taken over', () => {
    const sources = edition();
    const pages = pagesOf(sources, cold(sources));
    expect(reused(pages)).toEqual({ documents: true, registers: true });
  });

  test('a letter whose summary is unchanged leaves them as they are; one whose summary changed remakes both parts, but for the entry pages it does not touch', () => {
    const previous = cold(edition());
    const sources = edition({ letters: { 'c.xml': { hash: 'new bytes of c.xml' } } });
    expect(reused(pagesOf(sources, previous))).toEqual({ documents: true, registers: true });
    // b.xml names trotsky; its summary now says more.
    const summaries = summariesOf(sources).map((s, i) => (i === 0 ? s.replace('</s:document>', '<s:title>Revised</s:title></s:document>') : s));
    const pages = pagesOf(sources, previous, 'toolchain 1', summaries);
    expect(reused(pages)).toEqual({ documents: false, registers: false });
    expect(pages.keptEntries).toEqual(['lenin']);
  });

  test("a register entry changed: the registers' part is made again, and of the entry pages only that entry's; the lists of the documents are taken over", () => {
    const previous = cold(edition());
    const pages = pagesOf(edition({ persons: { lenin: 'lenin v2' } }), previous);
    expect(reused(pages)).toEqual({ documents: true, registers: false });
    expect(pages.keptEntries).toEqual(['trotsky']);
    // The documents' part has no register in its input; the registers' part has them.
    expect(pages.documents.input()).not.toContain('lenin v2');
    expect(pages.registers.input()).toContain('lenin v2');
  });

  test('the edition header or the stylesheets changed: both parts and every entry page are made again', () => {
    const previous = cold(edition());
    for (const pages of [pagesOf(edition({ header: 'header, revised' }), previous), pagesOf(edition(), previous, 'toolchain 1, stylesheets edited')]) {
      expect(reused(pages)).toEqual({ documents: false, registers: false });
      expect(pages.keptEntries).toEqual([]);
    }
  });

  test("the schema changed: only the documents' part is made again (it holds schema.html)", () => {
    const sources = edition();
    const pages = pagesOf(sources, cold(sources), 'toolchain 1', summariesOf(sources), '<grammar>revised</grammar>');
    expect(reused(pages)).toEqual({ documents: false, registers: true });
  });

  test("an authority URI CMIF reads changed: the lists of the documents are made again (they hold CMIF)", () => {
    const sources = edition();
    const pages = pagesOf(sources, cold(sources), 'toolchain 1', summariesOf(sources), '<grammar/>', 'persons.xml#lenin\thttp://viaf.org/viaf/1\n');
    expect(reused(pages)).toEqual({ documents: false, registers: true });
  });

  test('an entry page missing from the published folder is made again, with the pages of the registers', () => {
    const sources = edition();
    const previous = cold(sources);
    const published = new Set(previous.published);
    published.delete('persons/lenin.html');
    const pages = pagesOf(sources, { ...previous, published });
    expect(reused(pages)).toEqual({ documents: true, registers: false });
    expect(pages.keptEntries).toEqual(['trotsky']);
  });
});

describe("the stages' boundaries", () => {
  const src = join(import.meta.dirname, '..', 'src');
  const importsOf = (file: string): string[] => [...readFileSync(join(src, file), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);

  test('the plan does no I/O: it imports nothing from node: but types', () => {
    const source = readFileSync(join(src, 'site/plan.ts'), 'utf8');
    expect(source).not.toMatch(/from 'node:/);
    expect(importsOf('site/plan.ts')).not.toContain('./publish.js');
  });

  test('the transform stage imports nothing of the write stage', () => {
    const files = ['site/transform.ts', ...readdirSync(join(src, 'transform')).map((f) => `transform/${f}`)];
    for (const file of files) {
      for (const imported of importsOf(file)) expect(imported, file).not.toMatch(/(^|\/)(write|publish|manifest|summaries)\.js$/);
    }
  });
});

describe('corpusParams', () => {
  test("a foreign folder's edition-wide document-files give each document's title and date, as its letters' own do", () => {
    const letter = (title: string, date: string) => ({ letter: { title, date, senders: [], recipients: [], notes: 0 } });
    const sources = editionSources([source('L1.xml', 'one', { n: '1', ...letter('Muster an Beispiel', '1890-05-01') }), source('L2.xml', 'two', { n: '2', ...letter('Beispiel an Muster', '1890-05-03') })]);
    expect(corpusParams({ 'edition-profile': 'foreign' }, sources, [])['document-files'])
      .toBe('L1.xml\tL1\tMuster an Beispiel\t1890-05-01\nL2.xml\tL2\tBeispiel an Muster\t1890-05-03');
    expect(corpusParams({}, sources, [])['document-files']).toBeUndefined();
  });
});
