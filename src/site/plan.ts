/**
 * plan: what a build makes and what it takes over from the last one.
 *
 * Pure: no file is read or written here. The inputs are data (the sources
 * as validation read them, the last build's manifest and summaries, the
 * list of files in the published folder, the options); the outputs are
 * data that the transform and write stages (transform.ts, write.ts) act on.
 *
 * It is also where the build decides what each source is (fileKind) and the
 * names of its outputs (outputBaseNames in output-names.ts, for every file
 * at once, before any transformation; documentOutputs), which register
 * entries each document names (foreign.ts), and a foreign corpus's
 * identity (editionParams).
 *
 * The plan has two parts, because the edition-wide pages depend on what the
 * documents contribute (their summaries), which a changed document gives
 * only once it is transformed:
 *   planBuild        the documents, the TEI downloads and the ZIP;
 *   planEditionRegisters, planEditionDocuments
 *                    the edition-wide pages in two parts, once every
 *                    document's summary is known.
 */
import type { EditionConfig } from '../config.js';
import type { FileKind, FileSummary, RegisterKind } from '../edition/files.js';
import { hashText } from '../validate/cache.js';
import type { CheckedFile } from '../validate/index.js';
import type { StylesheetParams } from '../transform/saxon.js';
import { assembleEditionInput } from './corpus.js';
import { entryPageKeys } from './entry-pages.js';
import type { BuildManifest, OutputGroup } from './manifest.js';
import { isSafeOutputPath } from './output-paths.js';
import { outputBaseNames } from './output-names.js';
import { corpusIdentity, documentFilesOf, documentFilesParam, registerEntriesOf, registerEntryIndex } from './foreign.js';
import type { KeptSummary } from './summaries.js';
import { citationParams } from './citation.js';
import { isUnset } from './unset-values.js';

/**
 * What a source file is in the edition, decided here and nowhere else: by
 * its name and the configuration (this edition's header and registers),
 * else by its content: `byContent` is the register kind its body's lists
 * make it (registerByContent in src/edition/files.ts: undefined for a
 * listBibl, null for no list), whatever its name. Validation calls it for
 * every file it parses, and the rules and this plan read the kind from the
 * file's summary.
 */
export function fileKind(name: string, config: EditionConfig, byContent: RegisterKind | undefined | null = null): { kind: FileKind; register: RegisterKind | undefined } {
  if (config.editionRules) {
    if (config.header === name) return { kind: 'header', register: undefined };
    for (const register of ['persons', 'places', 'orgs'] as const) {
      if (config.registers[register] === name) return { kind: 'register', register };
    }
  }
  if (byContent !== null) return { kind: 'register', register: byContent };
  return { kind: 'document', register: undefined };
}

/** The base name a document's outputs take from its file name (`doc068.xml` → `doc068`), if it is safe. */
export function outputBaseName(sourceName: string): string | undefined {
  const base = sourceName.replace(/\.xml$/i, '');
  return isSafeOutputPath(base) && !base.includes('/') ? base : undefined;
}

/** The outputs of one document (the stylesheets name them the same way from the base name, `doc-file`). */
export interface DocumentOutputs {
  page: string;
  text: string;
  json: string;
}

export function documentOutputs(base: string): DocumentOutputs {
  return { page: `${base}.html`, text: `text/${base}.txt`, json: `json/${base}.json` };
}

/**
 * A source the build uses: one record per file, read, decoded and hashed
 * once by validation (CheckedFile), well-formed, with its summary.
 */
export type Source = CheckedFile & { text: string; summary: FileSummary };

/** The sources by kind. */
export interface EditionSources {
  /** Every usable source, in file-name order (the TEI downloads and the ZIP). */
  all: Source[];
  header: Source | undefined;
  registers: Source[];
  /** The documents in collection order: by number, then by date of sending, then by file name. */
  documents: Source[];
  /** Every source's output base name, by file name (output-names.ts): decided here, before any transformation. */
  bases: Map<string, string>;
}

function collectionNumber(n: string | undefined): number {
  const number = Number.parseInt(n ?? '', 10);
  return Number.isNaN(number) ? Number.POSITIVE_INFINITY : number;
}

/** What decides a document's place in the collection: its number, its date of sending, its file name. */
export interface CollectionPlace {
  n: string | undefined;
  /** ISO date of sending (`LetterMetadata.date`). */
  date?: string | undefined;
  name: string;
}

/** A document's place in the collection, from its summary. */
export function collectionPlace(summary: { n: string | undefined; name: string; letter?: { date: string | undefined } | undefined }): CollectionPlace {
  return { n: summary.n, date: summary.letter?.date, name: summary.name };
}

/**
 * The collection's order of two documents: by number (`TEI/@n`;
 * unnumbered last), then by date of sending (an ISO date of less precision
 * first, `1893` before `1893-07`; undated last), then by file name. An
 * edition that numbers its documents keeps its numbers' order; a folder of
 * unnumbered letters reads in the order they were written.
 */
export function compareCollectionOrder(a: CollectionPlace, b: CollectionPlace): number {
  const byNumber = collectionNumber(a.n) - collectionNumber(b.n);
  if (byNumber !== 0 && !Number.isNaN(byNumber)) return byNumber;
  const da = a.date || undefined;
  const db = b.date || undefined;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? -1 : 1;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Documents in the collection's order: by number, then by date, then by file name. */
export function collectionOrder<F extends CheckedFile>(files: readonly F[]): F[] {
  return files
    .filter((f) => f.summary?.kind === 'document')
    .map((f) => ({ f, place: collectionPlace({ n: f.summary!.n, letter: f.summary!.letter, name: f.name }) }))
    .sort((a, b) => compareCollectionOrder(a.place, b.place))
    .map(({ f }) => f);
}

/** The files validation could read and parse, by kind. */
export function editionSources(files: readonly CheckedFile[]): EditionSources {
  const all = files.filter((f): f is Source => f.text !== undefined && f.summary !== undefined);
  return {
    all,
    header: all.find((f) => f.summary.kind === 'header'),
    registers: all.filter((f) => f.summary.kind === 'register'),
    documents: collectionOrder(all),
    bases: outputBaseNames(all.map((f) => ({ name: f.name, document: f.summary.kind === 'document' }))),
  };
}

function editionVersion(header: string | undefined): string {
  if (!header) return '';
  const m = /<edition\b[^>]*\bn\s*=\s*["']([^"']*)["']/.exec(header);
  return m?.[1] ?? '';
}

function isoDate(epochSeconds: number | undefined): string {
  if (epochSeconds === undefined || !Number.isFinite(epochSeconds)) return '';
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}

/**
 * The parameters every transformation of the build gets. A foreign
 * folder's title, licence and language come from its own headers (or
 * --title, --lang), never from this edition's configuration.
 */
export function editionParams(config: EditionConfig, sources: EditionSources, epoch: number | undefined): StylesheetParams {
  const foreign = !config.editionRules;
  const identity = foreign ? corpusIdentity(sources.documents.map((d) => d.text)) : { title: undefined, licenceUrl: undefined, lang: undefined };
  return {
    'edition-title': config.title !== '' ? config.title : (identity.title ?? 'TEI documents'),
    'edition-version': editionVersion(sources.header?.text),
    // An unset value (empty or a placeholder, src/site/unset-values.ts) reaches no page: the build warns about it instead.
    'base-url': isUnset(config.baseUrl) ? '' : config.baseUrl,
    // An unset licence is passed as it is (a batch needs one, xslt/build.xsl); the stylesheets show no placeholder (common/params.xsl).
    licence: foreign ? (identity.licenceUrl ?? '') : config.licence.url,
    // A foreign licence is named by its URL: its header's licence text may be pages of legal prose.
    'licence-label': foreign ? (identity.licenceUrl ?? '') : config.licence.label,
    ...(foreign ? {} : citationParams(sources.header?.text)),
    'generated-date': isoDate(epoch),
    'text-lang': config.lang ?? identity.lang ?? '',
    // This edition's wording and links stay as they are; a foreign folder's pages say only what its sources do.
    // A foreign folder's documents link to each other by their output names: each document is given the
    // ones it names (planBuild), the edition-wide pages all of them (corpusParams).
    ...(foreign ? { 'edition-profile': 'foreign' } : {}),
  };
}

/**
 * The parameters of the edition-wide transformation: the edition's, with no single document, the
 * register entry pages kept from the last build, and, for a foreign folder, every document with its
 * output name, title and date of sending (its pages link to the documents; an empty ref reads as
 * their title or date).
 */
export function corpusParams(params: StylesheetParams, sources: EditionSources, keptEntries: readonly string[]): StylesheetParams {
  // With each document's title and date, as the documents' own transformations have them (planBuild): an
  // empty ref in a register entry's note reads as the letters read it.
  const letters = new Map(sources.documents.map((d) => [d.name, d.summary.letter] as const));
  return {
    ...params, 'doc-file': '', 'prev-doc': '', 'next-doc': '', 'entry-pages-omitted': keptEntries.join(' '),
    ...(params['edition-profile'] === 'foreign' ? { 'document-files': documentFilesParam(sources.bases, sources.documents.map((d) => d.name), letters) } : {}),
  };
}

/** What the last build left that a plan may take over. */
export interface Previous {
  /** The last build's manifest (empty with --force, or when nothing is published). */
  manifest: BuildManifest;
  /** The documents' summaries of the last build, by source file name. */
  summaries: ReadonlyMap<string, KeptSummary>;
  /** Every file in the published folder (relative, `/`-separated). */
  published: ReadonlySet<string>;
}

/** Whether a group of outputs can be taken over: same key, and every file still published. */
export function reusable(group: OutputGroup | undefined, key: string, published: ReadonlySet<string>): group is OutputGroup {
  return group !== undefined && group.key === key && group.outputs.every((o) => published.has(o));
}

/** What the build does with one document, in collection order (`index`). */
export type DocumentPlan =
  /** Its file name cannot name an output: reported, not built. */
  | { action: 'refuse'; index: number; source: Source; message: string }
  /** Unchanged: its published outputs are taken over, with its summary of the last build. */
  | { action: 'reuse'; index: number; source: Source; base: string; outputs: DocumentOutputs; group: OutputGroup; summary: KeptSummary }
  /** Transformed. `prev`, `next`: the neighbours' base names ('' for none); `registerEntries`: the register entries it names (foreign.ts). */
  | { action: 'make'; index: number; source: Source; base: string; outputs: DocumentOutputs; key: string; prev: string; next: string; registerEntries: string; documentFiles: string };

export interface BuildPlan {
  /** Every document, in collection order. */
  documents: DocumentPlan[];
  /** The copy of each source for download (`tei/NAME`), in file-name order. */
  downloads: Array<{ source: Source; path: string; reuse: boolean }>;
  /** tei/edition.zip. */
  zip: {
    key: string;
    reuse: boolean;
    /** Its members, in file-name order. */
    members: Source[];
  };
  /**
   * The search index (search-index.js and search/): made from the
   * documents' JSON, so keyed by every document's key and output name in
   * collection order; taken over when none changed.
   */
  search: { key: string; reuse: boolean };
}

export interface BuildPlanInput {
  sources: EditionSources;
  previous: Previous;
  /** The hash of what every output is made with: the toolchain, the stylesheets (their hash) and the parameters; when it changes, every output is made again. */
  toolchainKey: string;
  /** $SOURCE_DATE_EPOCH, which dates the ZIP's members. */
  epoch: number | undefined;
  /** A foreign folder: the entries of the documents' own lists count as register entries (foreign.ts). */
  foreign?: boolean;
}

/** The documents, the downloads and the ZIP. */
export function planBuild({ sources, previous, toolchainKey, epoch, foreign = false }: BuildPlanInput): BuildPlan {
  const { documents } = sources;
  const { manifest, published } = previous;
  const baseOf = (i: number): string => (i >= 0 && i < documents.length ? sources.bases.get(documents[i]!.name)! : '');
  // The register entries '#id' pointers name, found in the registers by their content (and in a foreign folder in the documents' own lists).
  const entryIndex = registerEntryIndex(sources.registers.map((r) => r.summary), foreign ? documents.map((d) => d.summary) : []);
  const registerFiles = new Set(sources.registers.map((r) => r.name));
  const documentNames = new Set(documents.map((d) => d.name));
  const letters = new Map(documents.map((d) => [d.name, d.summary.letter] as const));
  const planned: DocumentPlan[] = documents.map((source, index) => {
    const base = baseOf(index);
    const prev = baseOf(index - 1);
    const next = baseOf(index + 1);
    const registerEntries = registerEntriesOf(source.summary, entryIndex, registerFiles);
    const documentFiles = foreign ? documentFilesOf(source.summary, documentNames, sources.bases, letters) : '';
    // The text is decoded from the file's bytes, by the toolchain whose version is in `toolchainKey`.
    const key = hashText(toolchainKey, source.name, source.hash, prev, next, registerEntries, documentFiles);
    const outputs = documentOutputs(base);
    const group = manifest.documents[source.name];
    const summary = previous.summaries.get(source.name);
    if (summary?.key === key && reusable(group, key, published)) return { action: 'reuse', index, source, base, outputs, group, summary };
    return { action: 'make', index, source, base, outputs, key, prev, next, registerEntries, documentFiles };
  });
  const zipKey = hashText(toolchainKey, String(epoch ?? ''), ...sources.all.flatMap((f) => [f.name, f.hash]));
  const searchKey = documentsKey(toolchainKey, planned);
  return {
    documents: planned,
    search: { key: searchKey, reuse: reusable(manifest.search, searchKey, published) },
    downloads: sources.all.map((source) => ({
      source,
      // A document's source beside its other outputs, by its output name; a register or header keeps a safe name of its own.
      path: source.summary.kind !== 'document' && isSafeOutputPath(`tei/${source.name}`) && `${sources.bases.get(source.name)!}.xml` === source.name
        ? `tei/${source.name}` : `tei/${sources.bases.get(source.name)!}.xml`,
      reuse: reusable(manifest.sources[source.name], source.hash, published),
    })),
    zip: {
      key: zipKey,
      reuse: reusable(manifest.zip, zipKey, published),
      members: sources.all,
    },
  };
}

/** A key for what is made from every document's outputs, in collection order: each document's name, output name and key. */
function documentsKey(toolchainKey: string, documents: readonly DocumentPlan[]): string {
  return hashText(toolchainKey, ...documents.flatMap((d) => (d.action === 'refuse' ? [] : [d.source.name, d.base, d.action === 'make' ? d.key : d.group.key])));
}

/**
 * text/edition.txt: the head the lists of the documents give, then every
 * document's text; taken over when neither changed.
 */
export function planEditionText(plan: BuildPlan, editionHeader: string, previous: Previous): { key: string; reuse: boolean } {
  const key = hashText(plan.search.key, editionHeader);
  return { key, reuse: reusable(previous.manifest.editionText, key, previous.published) };
}

/** One part of the edition-wide outputs (xslt/corpus.xsl): its input, its key, and whether the published outputs are taken over. */
export interface EditionPart {
  /** The edition-wide input of its transformation (src/site/corpus.ts), put together when asked for (only a part made again needs it). */
  input: () => string;
  /** A hash of what goes into the input (and of what else the part depends on), without putting the input together. */
  key: string;
  /** Unchanged: the published outputs of its group are taken over. */
  reuse: boolean;
}

/**
 * The edition-wide outputs are made in two parts, each taken over or made
 * again on its own, the registers' first:
 *   - the registers' pages and JSON and the entry pages, from the edition
 *     header, the registers and the summaries (`planEditionRegisters`);
 *     they also give what CMIF reads of the registers, the first
 *     authority URI of each entry the summaries point at;
 *   - the lists of the documents (index, search and about pages, citation
 *     files, json/index.json, CMIF, the head of edition.txt) and the
 *     schema's page, from the edition header, the summaries and those
 *     authority URIs (`planEditionDocuments`). Their input has no
 *     registers, so nothing in them can depend on more of a register: a
 *     change to an entry's note does not make them again.
 */
export interface EditionRegistersPlan {
  registers: EditionPart;
  /** The key of every register entry page, by entry id (worked out only when the registers' part is made again: empty otherwise). */
  entryKeys: Map<string, string>;
  /** When the registers part is made again: the entry pages kept (corpus.xsl is told not to make them), by id. */
  keptEntries: string[];
}

export interface EditionPagesInput {
  config: EditionConfig;
  sources: EditionSources;
  /** Every document's summary in collection order ('' when it has none: refused or failed). */
  summaries: readonly string[];
  /** The edition's RelaxNG schema ('' for none). */
  schemaText: string;
  previous: Previous;
  toolchainKey: string;
}

export function planEditionRegisters({ config, sources, summaries, previous, toolchainKey }: EditionPagesInput): EditionRegistersPlan {
  const { header, registers, documents } = sources;
  const { manifest, published } = previous;
  const made = summaries.filter((t) => t !== '');
  const input = (): string => assembleEditionInput({ header: header?.text, registers: registers.map((r) => r.text), summaries: made });
  const key = hashText(toolchainKey, config.title, header?.text ?? '', 'registers', ...registers.map((r) => r.text), 'summaries', ...made);
  const entryGroupsPublished = Object.values(manifest.entries).every((g) => g.outputs.every((o) => published.has(o)));
  if (entryGroupsPublished && reusable(manifest.editionRegisters, key, published)) {
    return { registers: { input, key, reuse: true }, entryKeys: new Map(), keptEntries: [] };
  }
  const entryKeys = entryPageKeys({
    shared: hashText(toolchainKey, header?.hash ?? '', config.title),
    registers: [...(header ? [header] : []), ...registers].map((f) => ({ name: f.name, summary: f.summary })),
    documents: documents.map((d, i) => ({ name: d.name, summary: summaries[i]! })),
    foreign: !config.editionRules,
  });
  const keptEntries = [...entryKeys].filter(([id, k]) => reusable(manifest.entries[id], k, published)).map(([id]) => id);
  return { registers: { input, key, reuse: false }, entryKeys, keptEntries };
}

/** The lists of the documents, once the registers' part has given the authority URIs CMIF reads (`authorityUris`). */
export function planEditionDocuments({ config, sources, summaries, schemaText, previous, toolchainKey }: EditionPagesInput, authorityUris: string): EditionPart {
  const header = sources.header?.text;
  const made = summaries.filter((t) => t !== '');
  const input = (): string => assembleEditionInput({ header, registers: [], summaries: made });
  const key = hashText(toolchainKey, config.title, header ?? '', 'summaries', ...made, 'schema', schemaText, authorityUris);
  return { input, key, reuse: reusable(previous.manifest.editionDocuments, key, previous.published) };
}
