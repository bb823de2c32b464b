/**
 * Documents' outputs: each document's page, plain text and JSON, written
 * into the build's staging folder at paths the main thread has claimed,
 * and its summary (xslt/common/summary.xsl: what it contributes to the
 * edition-wide outputs), which goes back to the build.
 * The same work runs in a pool worker or, for a few documents, in the
 * build's own thread.
 *
 * Documents go through build.xsl's batch (its initial template) several at a time: SaxonJS sets up a
 * transformation from the whole compiled stylesheet, which costs about as
 * much as transforming a short letter, so one set-up serves a batch. When
 * a batch fails, its documents are transformed one at a time, so a failure
 * is reported for its own document only.
 */
import { placeOutput } from '../build/publish.js';
import { searchEntry } from '../build/search-index.js';
import type { SearchEntry } from '../build/search-index.js';
import { BatchUnsuitableError, buildEntry, callTemplate, parseForTransform, transformBatch, TransformError } from './saxon.js';
import type { SaxonDocument, StylesheetParams } from './saxon.js';
import type { CompiledStylesheet } from './stylesheets.js';

export interface DocumentJob {
  index: number;
  /** Output base name: `<base>.html`, `text/<base>.txt`, `json/<base>.json`. */
  base: string;
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

/** Only the text, the search entry and the summary travel back, for edition.txt, the search index and the edition-wide outputs. */
export type DocumentResult =
  | { index: number; ok: true; text: string; search: SearchEntry; summary: string; linked: number }
  | { index: number; ok: false; message: string };

/** Where outputs go: the published folder (to link unchanged files from) and the staging folder. */
export interface OutputFolders {
  out: string;
  staging: string;
}

/** What stays the same across the calls of one build: the stylesheet, edition-wide parameters, output folders. */
export interface DocumentContext {
  /** The build's stylesheet (xslt/build.xsl). */
  stylesheet: CompiledStylesheet;
  /** The edition-wide stylesheet parameters (title, licence, base URL …). */
  params: StylesheetParams;
  folders: OutputFolders;
  /** Set to false once the batch template has refused a batch (it would refuse every batch of this build). */
  batching: boolean;
}

function place(context: DocumentContext, job: DocumentJob, html: string, text: string, json: string, summary: string): DocumentResult {
  const { out, staging } = context.folders;
  let linked = 0;
  if (placeOutput(out, staging, `${job.base}.html`, html)) linked++;
  if (placeOutput(out, staging, `text/${job.base}.txt`, text)) linked++;
  if (placeOutput(out, staging, `json/${job.base}.json`, json)) linked++;
  return { index: job.index, ok: true, text, search: searchEntry(json, job.base), summary, linked };
}

/** One document on its own: its page, text, JSON and summary as html.xsl, text.xsl, json.xsl and summary.xsl make them. */
async function transformOne(context: DocumentContext, job: DocumentJob, parsed?: SaxonDocument): Promise<DocumentResult> {
  try {
    const source = parsed ?? (await parseForTransform(job.text));
    const params = { ...context.params, 'doc-file': job.base, 'prev-doc': job.prev, 'next-doc': job.next, 'register-entries': registerEntries([job]) };
    const outputs = new Map<string, string>();
    callTemplate(context.stylesheet, buildEntry.oneDocument, source, params, (href, content) => outputs.set(href, content));
    const made = [`${job.base}.html`, `text/${job.base}.txt`, `json/${job.base}.json`, `summary/${job.base}.xml`].map((href) => outputs.get(href));
    if (made.some((o) => o === undefined)) throw new TransformError(`build.xsl made no outputs for ${job.base}`);
    return place(context, job, made[0]!, made[1]!, made[2]!, made[3]!);
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
      }, { ...context.params, 'register-entries': registerEntries(batch) }, (href, content) => outputs.set(href, content));
      const made = jobs.map((job) => [`${job.base}.html`, `text/${job.base}.txt`, `json/${job.base}.json`, `summary/${job.base}.xml`].map((href) => outputs.get(href)));
      const missing = jobs.find((job, i) => !results[i] && made[i]!.some((o) => o === undefined));
      if (missing) throw new TransformError(`the batch made no outputs for ${missing.base}`);
      return jobs.map((job, i) => results[i] ?? place(context, job, made[i]![0]!, made[i]![1]!, made[i]![2]!, made[i]![3]!));
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
