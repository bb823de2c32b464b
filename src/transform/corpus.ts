/**
 * The edition-wide outputs: xslt/corpus.xsl over the teiCorpus the build
 * assembles, and the schema reference (xslt/schema.xsl over the edition's
 * RelaxNG schema) when the edition has one of its own.
 *
 * A large corpus is transformed on a worker thread of its own, for two
 * reasons measured on 10,000 letters: its tree is most of the memory (over
 * a gigabyte), and with that much of it old, V8's young-generation
 * collections became 155 s of a 340 s transformation; a worker can be
 * given a larger young generation (resourceLimits), which the main thread
 * cannot be given from inside, and its memory is all returned when it
 * ends. The outputs come back to the build one by one, by href.
 */
import { Worker } from 'node:worker_threads';
import { buildEntry, callTemplate, parseForTransform, TransformError } from './saxon.js';
import type { StylesheetParams } from './saxon.js';
import type { CompiledStylesheet } from './stylesheets.js';

export interface CorpusJob {
  /** The teiCorpus (src/build/corpus.ts). */
  corpusText: string;
  /** The edition's RelaxNG schema, for schema.html; undefined for none. */
  schemaText: string | undefined;
  params: StylesheetParams;
}

/** Make every edition-wide output; each goes to onOutput with its href relative to the output folder. */
export async function makeCorpusOutputs(stylesheet: CompiledStylesheet, job: CorpusJob, onOutput: (href: string, content: string) => void): Promise<void> {
  const corpus = await parseForTransform(job.corpusText);
  callTemplate(stylesheet, buildEntry.edition, corpus, job.params, onOutput);
  if (job.schemaText !== undefined) {
    const schema = await parseForTransform(job.schemaText);
    onOutput('schema.html', callTemplate(stylesheet, buildEntry.schemaPage, schema, job.params).principal);
  }
}

export interface CorpusWorkerData {
  xsltFolder: string;
  stylesheetCacheFolder: string;
  job: CorpusJob;
}

/** What the corpus worker posts: an output, the end, or a transformation's failure (a TransformError's message). */
export type CorpusWorkerMessage =
  | { kind: 'output'; href: string; content: string }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

export interface CorpusRun {
  /** Resolves when every output was handed over; rejects with the failure. */
  done: Promise<void>;
  terminate(): Promise<void>;
}

/** Young generation of the corpus worker (three semi-spaces of 64 MB; V8's default semi-space is 16 MB). */
const CORPUS_YOUNG_GENERATION_MB = 192;

// Under vitest this module is TypeScript; the worker then runs from the compiled build/ (npm test compiles first).
const workerScript = import.meta.url.endsWith('.ts')
  ? new URL('../../build/transform/corpus-worker.js', import.meta.url)
  : new URL('./corpus-worker.js', import.meta.url);

/**
 * Make the edition-wide outputs on a worker thread. A transformation that
 * fails rejects with a TransformError carrying its message, as in this thread.
 */
export function makeCorpusOutputsInWorker(data: CorpusWorkerData, onOutput: (href: string, content: string) => void): CorpusRun {
  const worker = new Worker(workerScript, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: CORPUS_YOUNG_GENERATION_MB } });
  let finished = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: CorpusWorkerMessage) => {
      if (message.kind === 'output') onOutput(message.href, message.content);
      else {
        finished = true;
        if (message.kind === 'done') resolve();
        else reject(new TransformError(message.message));
      }
    });
    worker.on('error', (error) => reject(error));
    worker.on('exit', (code) => {
      if (!finished) reject(new Error(`the edition-wide transform worker stopped with code ${code}`));
    });
  });
  return {
    done,
    terminate: async () => {
      await worker.terminate();
    },
  };
}
