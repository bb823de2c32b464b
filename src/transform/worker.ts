/**
 * A transform worker: loads the compiled stylesheet once, then takes
 * batches of documents from the shared counter (see pool.ts) until none is
 * left, posting each result back as soon as its batch is made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transformDocuments } from './document.js';
import type { DocumentContext, DocumentResult } from './document.js';
import { unpooledJob } from './pool.js';
import type { WorkerData } from './pool.js';
import type { StylesheetParams } from './saxon.js';
import { loadStylesheets } from './stylesheets.js';

export interface WorkerSetup {
  xsltFolder: string;
  stylesheetCacheFolder: string;
  out: string;
  staging: string;
  /** The edition-wide stylesheet parameters. */
  params: StylesheetParams;
  /** Documents taken at a time. */
  batchSize: number;
}

async function main(): Promise<void> {
  const data = workerData as WorkerData;
  const { setup, jobs, next } = data;
  const context: DocumentContext = {
    stylesheet: (await loadStylesheets(setup.xsltFolder, setup.stylesheetCacheFolder, ['build'])).build,
    params: setup.params,
    folders: { out: setup.out, staging: setup.staging },
    batching: true,
  };
  for (let start = Atomics.add(next, 0, setup.batchSize); start < jobs.length; start = Atomics.add(next, 0, setup.batchSize)) {
    const batch = jobs.slice(start, start + setup.batchSize).map((job) => unpooledJob(data, job));
    let results: DocumentResult[];
    try {
      results = await transformDocuments(context, batch);
    } catch (error) {
      // In a worker, any failure is reported for its documents; the build then publishes nothing.
      results = batch.map((job) => ({ index: job.index, ok: false, message: (error as Error).message }));
    }
    for (const result of results) parentPort!.postMessage(result);
  }
}

void main();
