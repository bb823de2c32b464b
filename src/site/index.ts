/**
 * build: validate exactly as `validate` does; when no file has an error,
 * make the edition's outputs into a staging folder, then publish it in one
 * swap. Three stages, each in a file of its own:
 *
 *   plan.ts       what to make and what to take over from the last build
 *                 (a pure function of the sources, the manifest, the options);
 *   transform.ts  runs the stylesheets and hands their outputs back;
 *   write.ts      staging and publish.
 *
 * validate → plan the documents → transform them → plan the registers'
 * part of the edition-wide pages (it needs the documents' summaries) →
 * transform it → plan the lists of the documents (they need the authority
 * URIs the registers' part gives CMIF) → transform them → write the search
 * index, edition.txt, the TEI downloads, the ZIP, the assets → publish,
 * with the manifest, summaries and entries' parts the next build plans from.
 *
 * Incremental: outputs whose inputs (source text, neighbours, stylesheets,
 * parameters, toolchain version) are unchanged since the last build are
 * carried over as hard links instead of being transformed again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionConfig } from '../config.js';
import type { Progress, ValidationResult } from '../validate/index.js';
import { validate } from '../validate/index.js';
import { hashText } from '../validate/cache.js';
import { toolFingerprint } from '../version.js';
import { TransformError } from '../transform/saxon.js';
import { loadStylesheets } from '../transform/stylesheets.js';
import { emptyManifest, manifestPath, readManifest } from './manifest.js';
import { corpusParams, editionParams, editionSources, planBuild, planEditionDocuments, planEditionRegisters, planEditionText } from './plan.js';
import type { Previous } from './plan.js';
import { lockOutput, recoverOutput, StagedOutput } from './publish.js';
import { entryPartsPath, readEntryParts } from './entry-pages.js';
import { readSummaries, summariesPath } from './summaries.js';
import { transformDocuments, transformEditionPages } from './transform.js';
import { problem, publishedFiles, SiteWriter } from './write.js';
import { unsetValues } from './unset-values.js';

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
  /** Transform toolchainKey, ignoring what the last build made. */
  force?: boolean;
  onProgress?: (progress: BuildProgress) => void;
  /**
   * Worker threads for the documents (default: one per core, up to two, when there are many documents).
   * A corpus of many documents is also transformed on a worker of its own. 0: toolchainKey in this thread.
   */
  workers?: number;
  /** Aborting stops the build between documents; nothing is published and the staging folder is removed. */
  signal?: AbortSignal;
  /**
   * A foreign folder (no edition configuration) is built despite errors in
   * its files: what is not well-formed is left out, what a given schema
   * refuses is built all the same. `strict` gates it as this edition is
   * always gated: any error, and nothing is written. It also refuses to
   * publish while there are warnings (acknowledged ones aside), unset
   * values among them, so a release cannot ship scaffolding.
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
  /** Values not set yet (placeholders, unverified identifiers: src/site/unset-values.ts), as warnings. */
  unsetValues: Diagnostic[];
  published: boolean;
  out: string;
  documents: number;
  /** Documents transformed in this build (the rest were unchanged). */
  transformed: number;
  /** Whether the edition-wide pages were made again, either part of them (src/site/plan.ts). */
  corpusTransformed: boolean;
  /** Register entry pages kept from the last build when the registers' part of the edition-wide outputs was remade. */
  entryPagesKept: number;
  outputs: number;
  /** Outputs carried over or found identical to the published ones (hard links). */
  unchanged: number;
  /** What recovery did before the build (restored or removed folders). */
  recovered: string[];
}

const toolRoot = resolve(new URL('../..', import.meta.url).pathname);

function interrupted(): BuildAbortedError {
  return new BuildAbortedError('The build was interrupted; the published output is unchanged');
}

export async function buildEdition(options: BuildOptions): Promise<BuildResult> {
  const { config, onProgress, signal } = options;
  const out = resolve(options.out ?? config.output);
  const cacheFolder = options.cacheFolder ?? config.cacheFolder ?? join(process.cwd(), '.cache');
  // Every source is read, decoded and hashed here, once (CheckedFile); the stages below use those records.
  const validation = await validate({ config, cacheFolder, toolVersion: toolFingerprint(), ...(onProgress ? { onProgress } : {}) });
  const result: BuildResult = {
    validation, problems: [], unsetValues: [], published: false, out, documents: 0, transformed: 0, corpusTransformed: false, entryPagesKept: 0, outputs: 0, unchanged: 0, recovered: [],
  };
  if (validation.errors > 0 && (config.editionRules || options.strict)) return result;
  result.unsetValues = unsetValues(config, validation.files.flatMap((f) => (f.text === undefined ? [] : [{ file: f.file, text: f.text }])));
  if (options.strict && (result.unsetValues.length > 0 || validation.warnings - validation.acknowledged > 0)) return result;
  if (signal?.aborted) throw interrupted();

  const xsltFolder = options.xsltFolder ?? join(toolRoot, 'xslt');
  onProgress?.({ stage: 'compile', done: 0, total: 1 });
  // Compiled stylesheets depend only on the stylesheets, so they are cached
  // beside them (the toolchain's .cache/), shared by every edition built with them.
  // They are hashed here, once per build; the workers are handed the result.
  const stylesheetCacheFolder = options.stylesheetCacheFolder ?? join(dirname(xsltFolder), '.cache');
  const { build: stylesheet } = await loadStylesheets(xsltFolder, stylesheetCacheFolder, ['build']);
  onProgress?.({ stage: 'compile', done: 1, total: 1 });
  if (signal?.aborted) throw interrupted();

  // Recover only while holding the lock: another build may be between its two renames.
  const lock = lockOutput(out);
  let site: SiteWriter;
  try {
    result.recovered = recoverOutput(out);
    site = new SiteWriter(new StagedOutput(out), result.problems);
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    const sources = editionSources(validation.files);
    result.documents = sources.documents.length;
    const epoch = options.sourceDateEpoch ?? (process.env['SOURCE_DATE_EPOCH'] ? Number(process.env['SOURCE_DATE_EPOCH']) : undefined);
    const params = editionParams(config, sources, epoch);
    // Whatever, when it changes, invalidates every output.
    const toolchainKey = hashText(toolFingerprint(), stylesheet.hash, JSON.stringify(params));
    const manifestFile = manifestPath(cacheFolder, out);
    const summariesFile = summariesPath(manifestFile);
    const entryPartsFile = entryPartsPath(manifestFile);
    const fresh = options.force || !existsSync(out);
    const previous: Previous = {
      manifest: (!fresh && readManifest(manifestFile)) || emptyManifest(),
      summaries: options.force ? new Map() : readSummaries(summariesFile),
      published: fresh ? new Set() : publishedFiles(out),
    };

    // The documents: plan, stage what is kept, transform the rest.
    const plan = planBuild({ sources, previous, toolchainKey, epoch, foreign: !config.editionRules });
    const jobs = site.stageDocuments(plan.documents);
    let done = 0;
    await transformDocuments(
      { stylesheet, codeCacheFolder: stylesheetCacheFolder, params, workers: options.workers, signal, interrupted },
      jobs,
      (r) => {
        site.writeDocument(r);
        onProgress?.({ stage: 'transform', done: ++done, total: jobs.length + 1 });
      },
    );
    if (signal?.aborted) throw interrupted();
    result.transformed = site.transformed;

    // The pages that span the edition, from the edition header, the registers and the documents' summaries.
    const corpusSource = sources.header?.file ?? config.source;
    const schemaText = config.schema !== undefined ? readFileSync(config.schema, 'utf8') : '';
    const pagesInput = { config, sources, summaries: site.parts.map((p) => p.summary), schemaText, previous, toolchainKey };
    const failed = (error: unknown, what: string): void => {
      if (!(error instanceof TransformError)) throw error;
      result.problems.push(problem(corpusSource, 'transform-failed', `The edition-wide ${what}: ${error.message}`));
    };
    // The registers' part first: it gives the lists of the documents what CMIF reads of the registers.
    const pages = planEditionRegisters(pagesInput);
    if (pages.registers.reuse) site.reuseEditionRegisters(previous.manifest);
    else {
      result.corpusTransformed = true;
      result.entryPagesKept = pages.keptEntries.length;
      // The parts of the kept entries (what the lists and the JSON show of them), read only when some are kept.
      const previousParts = pages.keptEntries.length > 0 ? readEntryParts(entryPartsFile) : new Map();
      const made = site.editionRegisters(pages, previous.manifest, previousParts, corpusSource);
      try {
        await transformEditionPages(stylesheet, {
          part: 'registers', inputText: pages.registers.input(), schemaText: undefined,
          params: { ...corpusParams(params, sources, pages.keptEntries), 'kept-entry-parts': made.keptParts },
        }, made.onOutput);
      } catch (error) {
        failed(error, 'register pages');
      }
      made.finish();
    }
    const authorityUris = site.next.authorityUris;
    const lists = planEditionDocuments(pagesInput, authorityUris);
    let editionHeader: string;
    if (lists.reuse) editionHeader = site.reuseEditionDocuments(previous.manifest);
    else {
      result.corpusTransformed = true;
      const made = site.editionDocuments(lists, corpusSource);
      try {
        await transformEditionPages(stylesheet, {
          part: 'documents',
          inputText: lists.input(),
          // The reference for editors: every element and attribute the edition's schema allows, from its
          // documentation. A foreign folder validated against someone else's schema gets none.
          schemaText: config.editionRules ? schemaText : undefined,
          params: { ...corpusParams(params, sources, []), 'authority-uris': authorityUris },
        }, made.onOutput);
      } catch (error) {
        failed(error, 'lists of the documents');
      }
      editionHeader = made.finish();
    }

    site.writeEditionText(plan, planEditionText(plan, editionHeader, previous), editionHeader, previous.manifest, corpusSource);
    site.writeDownloads(plan, previous.manifest, epoch, config.source);
    site.writeAssets(xsltFolder);
    result.outputs = site.outputs;

    if (result.problems.length > 0) {
      site.discard();
      return result;
    }
    if (signal?.aborted) throw interrupted();
    onProgress?.({ stage: 'publish', done: 0, total: 1 });
    result.unchanged = site.publish(manifestFile, summariesFile, entryPartsFile);
    result.published = true;
    onProgress?.({ stage: 'publish', done: 1, total: 1 });
    return result;
  } catch (error) {
    site.discard();
    throw error;
  } finally {
    lock.release();
  }
}
