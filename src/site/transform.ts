/**
 * transform: runs the build's stylesheet (xslt/build.xsl) and hands every
 * output to a callback. It writes nothing and knows nothing of staging or
 * publishing (write.ts); the machinery it drives is in src/transform/
 * (SaxonJS, batches, the worker pool).
 *
 *   transformDocuments    each document's page, text, JSON and summary: on
 *                         worker threads when there are many, else here;
 *   transformEditionPages every page that spans the edition, from the
 *                         edition-wide input (the header, the registers and
 *                         the documents' summaries), on this thread.
 */
import { availableParallelism } from 'node:os';
import { batchable, transformDocuments as transformBatches } from '../transform/document.js';
import type { DocumentContext, DocumentJob, DocumentResult } from '../transform/document.js';
import { startPool } from '../transform/pool.js';
import { applyMode, buildEntry, callTemplate, parseForTransform } from '../transform/saxon.js';
import type { StylesheetParams } from '../transform/saxon.js';
import type { CompiledStylesheet } from '../transform/stylesheets.js';

export type { DocumentJob, DocumentResult };

/** Below this many documents to transform, starting workers costs more than it saves. */
const POOL_MIN_DOCUMENTS = 48;
const MAX_WORKERS = 2;
/** Documents per batch transformation (build.xsl's initial template) (one SaxonJS set-up serves them all). */
const BATCH_SIZE = 8;

export interface TransformSetup {
  /** The build's stylesheet, loaded (and hashed) once by the build. */
  stylesheet: CompiledStylesheet;
  /** Where SaxonJS's code cache is, for the workers. */
  codeCacheFolder: string;
  /** The edition-wide parameters. */
  params: StylesheetParams;
  /** Worker threads (default: one per core, up to two, when there are many documents); 0: this thread. */
  workers: number | undefined;
  /** Aborting stops between batches; `interrupted` makes the error then thrown. */
  signal: AbortSignal | undefined;
  interrupted: () => Error;
}

/** Transform the documents; each result goes to onDocument as it comes (on workers, in no particular order). */
export async function transformDocuments(setup: TransformSetup, jobs: readonly DocumentJob[], onDocument: (result: DocumentResult) => void): Promise<void> {
  const { signal, interrupted } = setup;
  const workerCount = setup.workers ?? (jobs.length >= POOL_MIN_DOCUMENTS ? Math.min(MAX_WORKERS, availableParallelism()) : 0);
  const pool = workerCount > 0 && jobs.length > 0
    ? startPool({ stylesheet: { name: setup.stylesheet.name, hash: setup.stylesheet.hash, file: setup.stylesheet.file }, codeCacheFolder: setup.codeCacheFolder, params: setup.params, batchSize: BATCH_SIZE }, jobs, workerCount, onDocument)
    : undefined;
  const stopWorkers = (): void => void pool?.terminate();
  signal?.addEventListener('abort', stopWorkers);
  try {
    if (pool) {
      await Promise.race([
        pool.done,
        new Promise<never>((_, reject) => {
          if (signal?.aborted) reject(interrupted());
          signal?.addEventListener('abort', () => reject(interrupted()));
        }),
      ]);
    } else {
      // Few documents: in this thread.
      const context: DocumentContext = { stylesheet: setup.stylesheet, params: setup.params, batching: batchable(setup.params) };
      for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
        if (signal?.aborted) throw interrupted();
        for (const r of await transformBatches(context, jobs.slice(start, start + BATCH_SIZE))) onDocument(r);
      }
    }
  } finally {
    signal?.removeEventListener('abort', stopWorkers);
    await pool?.terminate();
  }
}

export interface EditionPagesJob {
  /** Which part of the edition-wide outputs (src/site/plan.ts: planEditionRegisters, planEditionDocuments). */
  part: 'documents' | 'registers';
  /** The part's edition-wide input (src/site/corpus.ts). */
  inputText: string;
  /** The edition's RelaxNG schema, for schema.html (made with the documents part); undefined for none. */
  schemaText: string | undefined;
  params: StylesheetParams;
}

/**
 * Make one part of the edition-wide outputs (corpus.xsl), and with the
 * documents part schema.html from the schema when there is one
 * (schema.xsl); each goes to onOutput with its href relative to the output
 * folder. A stylesheet failure throws a TransformError. The input grows
 * with the summaries (a few kilobytes a letter), not with the texts, so
 * this runs on the build's own thread.
 */
export async function transformEditionPages(stylesheet: CompiledStylesheet, job: EditionPagesJob, onOutput: (href: string, content: string) => void): Promise<void> {
  const input = await parseForTransform(job.inputText);
  callTemplate(stylesheet, job.part === 'documents' ? buildEntry.editionDocuments : buildEntry.editionRegisters, input, job.params, onOutput);
  if (job.part === 'documents' && job.schemaText !== undefined) {
    const schema = await parseForTransform(job.schemaText);
    applyMode(stylesheet, buildEntry.schemaPage, schema, job.params, onOutput);
  }
}
