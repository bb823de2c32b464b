/**
 * build: validate exactly as `validate` does; when no file has an error,
 * transform the edition-wide corpus and every document with the XSLT
 * stylesheets into a staging folder, then publish it in one swap.
 *
 * Incremental: outputs whose inputs (source text, neighbours, stylesheets,
 * parameters, toolchain version) are unchanged since the last build are
 * carried over as hard links instead of being transformed again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { EditionConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckedFile, Progress, ValidationResult } from '../validate/index.js';
import { validate } from '../validate/index.js';
import { hashText } from '../validate/cache.js';
import { toolFingerprint } from '../version.js';
import { assembleEditionInput } from './corpus.js';
import { entryPageKeys, parseEntryPages } from './entry-pages.js';
import type { KeptSummary } from './summaries.js';
import { readSummaries, summariesPath, writeSummaries } from './summaries.js';
import type { BuildManifest, OutputGroup } from './manifest.js';
import { emptyManifest, manifestPath, readManifest, writeManifest } from './manifest.js';
import { isSafeOutputPath, OutputPathError } from './output-paths.js';
import { outputBaseNames } from './output-names.js';
import { corpusIdentity, documentFilesParam, registerEntriesOf, registerEntryIndex } from './foreign.js';
import { lockOutput, recoverOutput, StagedOutput } from './publish.js';
import { createZip, storedMembers } from './zip.js';
import type { StoredMember, ZipEntry } from './zip.js';
import type { SearchEntry } from './search-index.js';
import { searchEntry, searchIndexEntries, searchIndexScript } from './search-index.js';
import { loadStylesheets } from '../transform/stylesheets.js';
import type { StylesheetParams } from '../transform/saxon.js';
import { TransformError } from '../transform/saxon.js';
import { makeCorpusOutputs } from '../transform/corpus.js';
import type { CorpusJob } from '../transform/corpus.js';
import { startPool } from '../transform/pool.js';
import { transformDocuments } from '../transform/document.js';
import type { DocumentContext, DocumentJob, DocumentResult } from '../transform/document.js';
import { filesUnder } from '../read/folders.js';

export interface BuildProgress {
  stage: Progress['stage'] | 'compile' | 'transform' | 'publish';
  done: number;
  total: number;
}

export interface BuildOptions {
  config: EditionConfig;
  /** Output folder (default: the configured one). */
  out?: string;
  /** Folder of the stylesheets (default: the toolchain's own xslt/). */
  xsltFolder?: string;
  /** Cache folder for validation and the build manifest (default: the configuration's, else .cache/ in the current folder). */
  cacheFolder?: string;
  /** Cache folder for compiled stylesheets (default: .cache/ beside the stylesheets' folder). */
  stylesheetCacheFolder?: string;
  /** Seconds since the epoch for every date the build writes (default: $SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number;
  /** Transform everything, ignoring what the last build made. */
  force?: boolean;
  onProgress?: (progress: BuildProgress) => void;
  /**
   * Worker threads for the documents (default: one per core, up to two, when there are many documents).
   * A corpus of many documents is also transformed on a worker of its own. 0: everything in this thread.
   */
  workers?: number;
  /** Aborting stops the build between documents; nothing is published and the staging folder is removed. */
  signal?: AbortSignal;
  /**
   * A foreign folder (no edition configuration) is built despite errors in
   * its files: what is not well-formed is left out, what a given schema
   * refuses is built all the same. `strict` gates it as this edition is
   * always gated: any error, and nothing is written.
   */
  strict?: boolean;
}

export class BuildAbortedError extends Error {
  override name = 'BuildAbortedError';
}

export interface BuildResult {
  validation: ValidationResult;
  /** Problems found while building (transform failures, refused output paths). */
  problems: Diagnostic[];
  published: boolean;
  out: string;
  documents: number;
  /** Documents transformed in this build (the rest were unchanged). */
  transformed: number;
  /** Whether the edition-wide pages were made again. */
  corpusTransformed: boolean;
  /** Register entry pages kept from the last build when the edition-wide outputs were remade. */
  entryPagesKept: number;
  outputs: number;
  /** Outputs carried over or found identical to the published ones (hard links). */
  unchanged: number;
  /** What recovery did before the build (restored or removed folders). */
  recovered: string[];
}

const toolRoot = resolve(new URL('../..', import.meta.url).pathname);

function collectionNumber(file: CheckedFile): number {
  const n = Number.parseInt(file.summary?.n ?? '', 10);
  return Number.isNaN(n) ? Number.POSITIVE_INFINITY : n;
}

/** Documents in the collection's order: by number, then by file name. */
export function collectionOrder(files: readonly CheckedFile[]): CheckedFile[] {
  return files
    .filter((f) => f.summary?.kind === 'document')
    .sort((a, b) => collectionNumber(a) - collectionNumber(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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


/** Below this many documents to transform, starting workers costs more than it saves. */
const POOL_MIN_DOCUMENTS = 48;
const MAX_WORKERS = 2;
/** Documents per batch transformation (build.xsl's initial template) (one SaxonJS set-up serves them all). */
const BATCH_SIZE = 8;

function problem(file: string, rule: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, source: 'edition', message };
}

function interrupted(): BuildAbortedError {
  return new BuildAbortedError('The build was interrupted; the published output is unchanged');
}

export async function buildEdition(options: BuildOptions): Promise<BuildResult> {
  const { config, onProgress } = options;
  const out = resolve(options.out ?? config.output);
  const cacheFolder = options.cacheFolder ?? config.cacheFolder ?? join(process.cwd(), '.cache');
  const validation = await validate({ config, cacheFolder, toolVersion: toolFingerprint(), ...(onProgress ? { onProgress } : {}) });
  const result: BuildResult = {
    validation, problems: [], published: false, out, documents: 0, transformed: 0, corpusTransformed: false, entryPagesKept: 0, outputs: 0, unchanged: 0, recovered: [],
  };
  if (validation.errors > 0 && (config.editionRules || options.strict)) return result;
  if (options.signal?.aborted) throw interrupted();

  const xsltFolder = options.xsltFolder ?? join(toolRoot, 'xslt');
  onProgress?.({ stage: 'compile', done: 0, total: 1 });
  // Compiled stylesheets depend only on the stylesheets, so they are cached
  // beside them (the toolchain's .cache/), shared by every edition built with them.
  const stylesheetCacheFolder = options.stylesheetCacheFolder ?? join(dirname(xsltFolder), '.cache');
  const { build: stylesheet } = await loadStylesheets(xsltFolder, stylesheetCacheFolder, ['build']);
  onProgress?.({ stage: 'compile', done: 1, total: 1 });
  if (options.signal?.aborted) throw interrupted();

  // Recover only while holding the lock: another build may be between its two renames.
  const lock = lockOutput(out);
  let staged: StagedOutput;
  try {
    result.recovered = recoverOutput(out);
    staged = new StagedOutput(out);
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    const readable = validation.files.filter((f) => f.text !== undefined && f.summary !== undefined);
    const header = readable.find((f) => f.summary!.kind === 'header');
    const registers = readable.filter((f) => f.summary!.kind === 'register');
    const documents = collectionOrder(readable);
    result.documents = documents.length;
    // Every output name is decided here, before any transformation (src/build/output-names.ts).
    const bases = outputBaseNames(readable.map((f) => ({ name: f.name, document: f.summary!.kind === 'document' })));
    const baseOf = (name: string): string => bases.get(name)!;
    // The register entries '#id' pointers name, found in the registers by their content.
    const entryIndex = registerEntryIndex(registers.map((r) => r.summary!));
    const registerFiles = new Set(registers.map((r) => r.name));
    // A foreign corpus's identity comes from its own headers, unless --title or --lang say otherwise.
    const foreign = !config.editionRules;
    const identity = foreign ? corpusIdentity(documents.map((d) => d.text!)) : { title: undefined, licenceUrl: undefined, lang: undefined };
    const title = config.title !== '' ? config.title : (identity.title ?? 'TEI documents');
    const epoch = options.sourceDateEpoch ?? (process.env['SOURCE_DATE_EPOCH'] ? Number(process.env['SOURCE_DATE_EPOCH']) : undefined);
    const common: StylesheetParams = {
      'edition-title': title,
      'edition-version': editionVersion(header?.text),
      'base-url': config.baseUrl,
      licence: foreign ? (identity.licenceUrl ?? '') : config.licence.url,
      'licence-label': foreign ? '' : config.licence.label,
      'text-lang': config.lang ?? identity.lang ?? '',
      // This edition's wording and links stay as they are; a foreign folder's pages say only what its sources do.
      ...(foreign ? { 'edition-profile': 'foreign', 'document-files': documentFilesParam(bases, documents.map((d) => d.name)) } : {}),
      'generated-date': isoDate(epoch),
    };
    // Whatever, when it changes, invalidates every output.
    const everything = hashText(toolFingerprint(), stylesheet.hash, JSON.stringify(common));
    const manifestFile = manifestPath(cacheFolder, out);
    const previous = (!options.force && existsSync(out) && readManifest(manifestFile)) || emptyManifest();
    const next: BuildManifest = emptyManifest();
    // The documents' summaries of the last build, and those of this one, by source file name.
    const summariesFile = summariesPath(manifestFile);
    const keptSummaries = options.force ? new Map<string, KeptSummary>() : readSummaries(summariesFile);
    const nextSummaries = new Map<string, KeptSummary>();
    const total = documents.length + 1;

    const write = (path: string, content: string | Uint8Array, source: string): boolean => {
      try {
        staged.write(path, content);
        result.outputs++;
        return true;
      } catch (error) {
        if (error instanceof OutputPathError) {
          result.problems.push(problem(source, 'output-path-unsafe', error.message));
          return false;
        }
        throw error;
      }
    };
    /** Carry a group of outputs over when its key is unchanged and every file is still published. */
    const reuse = (group: OutputGroup | undefined, key: string): boolean => {
      if (!group || group.key !== key) return false;
      if (!group.outputs.every((o) => existsSync(join(out, o)))) return false;
      for (const o of group.outputs) staged.reuse(o);
      result.outputs += group.outputs.length;
      return true;
    };

    // The search entries of the published build, read when the first unchanged document needs its own.
    let publishedEntries: Map<string, SearchEntry> | undefined;
    const publishedSearch = (): Map<string, SearchEntry> =>
      (publishedEntries ??= searchIndexEntries(staged.readPublished('search-index.js') ?? ''));

    // Plan every document: carry over what is unchanged, claim the outputs of the rest.
    const texts: string[] = new Array<string>(documents.length).fill('');
    const summaries: string[] = new Array<string>(documents.length).fill('');
    const searchByIndex: Array<SearchEntry | undefined> = new Array<SearchEntry | undefined>(documents.length);
    const jobs: DocumentJob[] = [];
    const pendingNames = new Map<number, { name: string; file: string; key: string; outputs: string[] }>();
    for (let i = 0; i < documents.length; i++) {
      const d = documents[i]!;
      const base = baseOf(d.name);
      const prev = i > 0 ? baseOf(documents[i - 1]!.name) : '';
      const nextDoc = i + 1 < documents.length ? baseOf(documents[i + 1]!.name) : '';
      const registerEntries = registerEntriesOf(d.summary!, entryIndex, registerFiles);
      // The text is decoded from the file's bytes, by the toolchain's version in `everything`.
      const key = hashText(everything, d.name, d.hash, prev, nextDoc, registerEntries);
      const outputs = [`${base}.html`, `text/${base}.txt`, `json/${base}.json`];
      const kept = keptSummaries.get(d.name);
      if (kept?.key === key && reuse(previous.documents[d.name], key)) {
        next.documents[d.name] = previous.documents[d.name]!;
        summaries[i] = kept.summary;
        nextSummaries.set(d.name, kept);
        texts[i] = staged.readPublished(`text/${base}.txt`) ?? '';
        searchByIndex[i] = publishedSearch().get(`${base}.html`);
        if (searchByIndex[i] === undefined) {
          const json = staged.readPublished(`json/${base}.json`);
          if (json !== undefined) searchByIndex[i] = searchEntry(json, base);
        }
        continue;
      }
      try {
        for (const o of outputs) staged.claim(o);
      } catch (error) {
        if (!(error instanceof OutputPathError)) throw error;
        result.problems.push(problem(d.file, 'output-path-unsafe', error.message));
        continue;
      }
      result.outputs += outputs.length;
      jobs.push({ index: i, base, text: d.text!, prev, next: nextDoc, registerEntries });
      pendingNames.set(i, { name: d.name, file: d.file, key, outputs });
    }
    let transformedDocs = 0;
    const onDocument = (r: DocumentResult): void => {
      const pending = pendingNames.get(r.index)!;
      if (r.ok) {
        texts[r.index] = r.text;
        summaries[r.index] = r.summary;
        nextSummaries.set(pending.name, { key: pending.key, summary: r.summary });
        searchByIndex[r.index] = r.search;
        staged.linked += r.linked;
        next.documents[pending.name] = { key: pending.key, outputs: pending.outputs };
        result.transformed++;
      } else {
        result.problems.push(problem(pending.file, 'transform-failed', r.message));
      }
      transformedDocs++;
      onProgress?.({ stage: 'transform', done: transformedDocs, total: jobs.length + 1 });
    };

    // Many documents go to worker threads.
    const workerCount = options.workers ?? (jobs.length >= POOL_MIN_DOCUMENTS ? Math.min(MAX_WORKERS, availableParallelism()) : 0);
    const pool = workerCount > 0 && jobs.length > 0
      ? startPool({ xsltFolder, stylesheetCacheFolder, out, staging: staged.staging, params: common, batchSize: BATCH_SIZE }, jobs, workerCount, onDocument)
      : undefined;
    const stopWorkers = (): void => void pool?.terminate();
    options.signal?.addEventListener('abort', stopWorkers);
    try {
      if (pool) {
        await Promise.race([
          pool.done,
          new Promise<never>((_, reject) => {
            if (options.signal?.aborted) reject(interrupted());
            options.signal?.addEventListener('abort', () => reject(interrupted()));
          }),
        ]);
      } else {
        // Few documents: in this thread.
        const context: DocumentContext = { stylesheet, params: common, folders: { out, staging: staged.staging }, batching: true };
        for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
          if (options.signal?.aborted) throw interrupted();
          for (const r of await transformDocuments(context, jobs.slice(start, start + BATCH_SIZE))) onDocument(r);
        }
      }
    } finally {
      options.signal?.removeEventListener('abort', stopWorkers);
      await pool?.terminate();
    }
    if (options.signal?.aborted) throw interrupted();

    // The pages that span the edition, from the edition header, the registers and the documents' summaries.
    const corpusSource = header?.file ?? config.source;
    let editionHeaderText = '';
    const inputText = assembleEditionInput({
      header: header?.text,
      registers: registers.map((r) => r.text!),
      summaries: summaries.filter((t) => t !== ''),
    });
    const schemaText = config.schema !== undefined ? readFileSync(config.schema, 'utf8') : '';
    const corpusKey = hashText(everything, title, inputText, schemaText);
    const entryKeys = entryPageKeys({
      shared: hashText(everything, header?.hash ?? '', title),
      registers: [...(header ? [header] : []), ...registers].map((f) => ({ name: f.name, summary: f.summary! })),
      documents: documents.map((d, i) => ({ name: d.name, summary: summaries[i]! })),
    });
    const groupsApart = Object.values(previous.entries);
    if (groupsApart.every((g) => g.outputs.every((o) => existsSync(join(out, o)))) && reuse(previous.corpus, corpusKey)) {
      next.corpus = previous.corpus;
      for (const [id, group] of Object.entries(previous.entries)) {
        reuse(group, group.key);
        next.entries[id] = group;
      }
      editionHeaderText = previous.editionHeader;
    } else {
      result.corpusTransformed = true;
      // Entry pages whose key is unchanged are kept, and corpus.xsl is told not to make them.
      const omitted: string[] = [];
      for (const [id, key] of entryKeys) {
        if (reuse(previous.entries[id], key)) {
          next.entries[id] = previous.entries[id]!;
          omitted.push(id);
        }
      }
      result.entryPagesKept = omitted.length;
      const made: string[] = [];
      let entryPagesText = '';
      // Pages, JSON indexes (json/index.json …) and CMIF; the head of edition.txt and the list of entry pages are kept for below.
      const onOutput = (href: string, content: string): void => {
        if (href === 'edition-header.txt') editionHeaderText = content;
        else if (href === 'entry-pages.txt') entryPagesText = content;
        else if (write(href, content, corpusSource)) made.push(href);
      };
      const job: CorpusJob = {
        inputText,
        // The reference for editors: every element and attribute the edition's schema allows, from its
        // documentation. A foreign folder validated against someone else's schema gets none.
        schemaText: config.editionRules ? schemaText : undefined,
        params: { ...common, 'doc-file': '', 'prev-doc': '', 'next-doc': '', 'entry-pages-omitted': omitted.join(' ') },
      };
      try {
        await makeCorpusOutputs(stylesheet, job, onOutput);
      } catch (error) {
        if (!(error instanceof TransformError)) throw error;
        result.problems.push(problem(corpusSource, 'transform-failed', `The edition-wide pages: ${error.message}`));
      }
      // The entry pages made go to their entries' groups, the rest to the corpus's.
      const entryPages = new Set<string>();
      const kept = new Set(omitted);
      const written = new Set(made);
      for (const { id, page } of parseEntryPages(entryPagesText)) {
        entryPages.add(page);
        if (kept.has(id) || !written.has(page)) continue;
        const group = (next.entries[id] ??= { key: entryKeys.get(id) ?? '', outputs: [] });
        group.outputs.push(page);
      }
      next.corpus = { key: corpusKey, outputs: made.filter((o) => !entryPages.has(o)) };
    }
    next.editionHeader = editionHeaderText;
    const textParts = [editionHeaderText, ...texts];
    const searchEntries = searchByIndex.filter((e): e is SearchEntry => e !== undefined);
    write('search-index.js', searchIndexScript(searchEntries), corpusSource);
    write('text/edition.txt', `${textParts.map((t) => t.trimEnd()).join('\n\n\n')}\n`, corpusSource);

    // The sources for download, as they are, and the whole edition as one ZIP.
    for (const f of readable) {
      // A document's source beside its other outputs, by its output name; a register or header keeps a safe name of its own.
      const path = f.summary!.kind !== 'document' && isSafeOutputPath(`tei/${f.name}`) && `${baseOf(f.name)}.xml` === f.name ? `tei/${f.name}` : `tei/${baseOf(f.name)}.xml`;
      if (reuse(previous.sources[f.name], f.hash)) next.sources[f.name] = previous.sources[f.name]!;
      else if (write(path, readFileSync(f.file), f.file)) next.sources[f.name] = { key: f.hash, outputs: [path] };
    }
    const zipKey = hashText(everything, String(epoch ?? ''), ...readable.flatMap((f) => [f.name, f.hash]));
    if (reuse(previous.zip, zipKey)) next.zip = previous.zip;
    else {
      // The members of sources unchanged since the published ZIP was made are taken from it as they are stored.
      const published = previous.zip ? staged.readPublishedBytes('tei/edition.zip') : undefined;
      const stored = published ? storedMembers(published) : new Map<string, StoredMember>();
      const entries: ZipEntry[] = readable.map((f) => {
        const member = previous.sources[f.name]?.key === f.hash ? stored.get(f.name) : undefined;
        return member ? { name: f.name, stored: member } : { name: f.name, content: readFileSync(f.file) };
      });
      const zip = createZip(entries, epoch !== undefined ? new Date(epoch * 1000) : undefined);
      next.zip = write('tei/edition.zip', zip, config.source) ? { key: zipKey, outputs: ['tei/edition.zip'] } : undefined;
    }

    const assets = join(xsltFolder, 'assets');
    for (const asset of filesUnder(assets)) {
      write(`assets/${relative(assets, asset).split('\\').join('/')}`, readFileSync(asset), asset);
    }

    if (result.problems.length > 0) {
      staged.discard();
      return result;
    }
    if (options.signal?.aborted) throw interrupted();
    onProgress?.({ stage: 'publish', done: 0, total: 1 });
    staged.publish();
    writeManifest(manifestFile, next);
    writeSummaries(summariesFile, nextSummaries);
    result.published = true;
    result.unchanged = staged.linked;
    onProgress?.({ stage: 'publish', done: 1, total: 1 });
    return result;
  } catch (error) {
    staged.discard();
    throw error;
  } finally {
    lock.release();
  }
}
