/**
 * Documents' outputs: each document's page, plain text and JSON, and its
 * summary (xslt/common/summary.xsl: what it contributes to the
 * edition-wide outputs), returned to the build, which writes them.
 * The same work runs in a pool worker or, for a few documents, in the
 * build's own thread.
 *
 * Documents go through build.xsl's batch (its initial template) several at a time: SaxonJS sets up a
 * transformation from the whole compiled stylesheet, which costs about as
 * much as transforming a short letter, so one set-up serves a batch. When
 * a batch fails, its documents are transformed one at a time, so a failure
 * is reported for its own document only.
 */
import type { DocumentOutputs } from '../site/plan.js';
import { searchEntry } from '../site/search-index.js';
import type { SearchEntry } from '../site/search-index.js';
import { BatchUnsuitableError, buildEntry, callTemplate, parseForTransform, transformBatch, TransformError } from './saxon.js';
import type { SaxonDocument, StylesheetParams } from './saxon.js';
import type { CompiledStylesheet } from './stylesheets.js';

export interface DocumentJob {
  index: number;
  /** Output base name, the stylesheets' `doc-file`. */
  base: string;
  /** Its outputs' paths, as the plan named them from `base` (documentOutputs). */
  outputs: DocumentOutputs;
  text: string;
  /** Base names of the neighbours in collection order ('' for none). */
  prev: string;
  next: string;
  /**
   * The register entries this document's '#id' pointers name, as 'id kind'
   * pairs separated by spaces (the stylesheets' register-entries): only
   * these, so that a large register does not weigh on every letter.
   */
  registerEntries?: string;
  /**
   * In a foreign folder, the document and the documents its pointers name, as 'file TAB base'
   * lines (the stylesheets' document-files, src/site/foreign.ts); '' otherwise.
   */
  documentFiles?: string;
}

/** The document-files lines of some jobs, each once (a batch's are passed together). */
function documentFiles(jobs: readonly DocumentJob[]): string {
  return [...new Set(jobs.flatMap((job) => (job.documentFiles ?? '').split('\n').filter((line) => line !== '')))].join('\n');
}

/** The register entries of some jobs, each once (a batch's are passed together). */
function registerEntries(jobs: readonly DocumentJob[]): string {
  const seen = new Set<string>();
  const pairs: string[] = [];
  for (const job of jobs) {
    const t = (job.registerEntries ?? '').split(' ');
    for (let i = 0; i + 1 < t.length; i += 2) {
      if (t[i] === '' || seen.has(t[i]!)) continue;
      seen.add(t[i]!);
      pairs.push(t[i]!, t[i + 1]!);
    }
  }
  return pairs.join(' ');
}

/** A document's outputs (page, text, JSON), its search entry and its summary; or why it failed. */
export type DocumentResult =
  | { index: number; ok: true; page: string; text: string; json: string; search: SearchEntry; summary: string }
  | { index: number; ok: false; message: string };

/** What stays the same across the calls of one build: the stylesheet and the edition-wide parameters. */
export interface DocumentContext {
  /** The build's stylesheet (xslt/build.xsl). */
  stylesheet: CompiledStylesheet;
  /** The edition-wide stylesheet parameters (title, licence, base URL …). */
  params: StylesheetParams;
  /** Set to false once the batch template has refused a batch (it would refuse every batch of this build). */
  batching: boolean;
}

/**
 * Whether build.xsl's batch template takes documents with these parameters
 * (its fp:batch-suitable): the edition's title, the licence's name and a
 * usable licence URL must be given, since each document would otherwise
 * read them from its own header. A foreign folder whose headers name no
 * licence URL is transformed one document at a time from the start, not
 * after a refused batch, which SaxonJS reports on the console.
 */
export function batchable(params: StylesheetParams): boolean {
  const given = (name: string): string => String(params[name] ?? '').trim();
  const licence = given('licence');
  const safe = licence !== '' && (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(licence) || /^(https?|mailto):/i.test(licence));
  return given('edition-title') !== '' && given('licence-label') !== '' && safe;
}

/** The hrefs the stylesheet writes for a job: its three outputs and its summary. */
function hrefs(job: DocumentJob): string[] {
  return [job.outputs.page, job.outputs.text, job.outputs.json, `summary/${job.base}.xml`];
}

/** The job's result from what the stylesheet wrote (every href of hrefs(job) present). */
function result(job: DocumentJob, made: string[]): DocumentResult {
  const [page, text, json, summary] = made as [string, string, string, string];
  return { index: job.index, ok: true, page, text, json, search: searchEntry(json, job.base, job.outputs.page), summary };
}

/** One document on its own: its page, text, JSON and summary as html.xsl, text.xsl, json.xsl and summary.xsl make them. */
async function transformOne(context: DocumentContext, job: DocumentJob, parsed?: SaxonDocument): Promise<DocumentResult> {
  try {
    const source = parsed ?? (await parseForTransform(job.text));
    const params = { ...context.params, 'doc-file': job.base, 'prev-doc': job.prev, 'next-doc': job.next, 'register-entries': registerEntries([job]), 'document-files': documentFiles([job]) };
    const outputs = new Map<string, string>();
    callTemplate(context.stylesheet, buildEntry.oneDocument, source, params, (href, content) => outputs.set(href, content));
    const made = hrefs(job).map((href) => outputs.get(href));
    if (made.some((o) => o === undefined)) throw new TransformError(`build.xsl made no outputs for ${job.base}`);
    return result(job, made as string[]);
  } catch (error) {
    if (!(error instanceof TransformError)) throw error;
    return { index: job.index, ok: false, message: error.message };
  }
}

/**
 * Transform some documents, in one transformation of build.xsl's batch template when there is
 * more than one; results in the order of the jobs. A stylesheet failure is
 * a result; any other error is thrown.
 */
export async function transformDocuments(context: DocumentContext, jobs: readonly DocumentJob[]): Promise<DocumentResult[]> {
  const parsed: Array<SaxonDocument | undefined> = [];
  const results: Array<DocumentResult | undefined> = [];
  for (const job of jobs) {
    try {
      parsed.push(await parseForTransform(job.text));
      results.push(undefined);
    } catch (error) {
      parsed.push(undefined);
      results.push({ index: job.index, ok: false, message: (error as Error).message });
    }
  }
  const batch = jobs.filter((_, i) => parsed[i] !== undefined);
  if (context.batching && batch.length > 1) {
    const outputs = new Map<string, string>();
    try {
      transformBatch(context.stylesheet, {
        documents: parsed.filter((p) => p !== undefined),
        files: batch.map((j) => j.base),
        prev: batch.map((j) => j.prev),
        next: batch.map((j) => j.next),
      }, { ...context.params, 'register-entries': registerEntries(batch), 'document-files': documentFiles(batch) }, (href, content) => outputs.set(href, content));
      const made = jobs.map((job) => hrefs(job).map((href) => outputs.get(href)));
      const missing = jobs.find((job, i) => !results[i] && made[i]!.some((o) => o === undefined));
      if (missing) throw new TransformError(`the batch made no outputs for ${missing.base}`);
      return jobs.map((job, i) => results[i] ?? result(job, made[i] as string[]));
    } catch (error) {
      if (!(error instanceof TransformError)) throw error;
      if (error instanceof BatchUnsuitableError) context.batching = false;
      // Fall through: one at a time, so that a failure names its own document.
    }
  }
  const done: DocumentResult[] = [];
  for (let i = 0; i < jobs.length; i++) done.push(results[i] ?? (await transformOne(context, jobs[i]!, parsed[i])));
  return done;
}
