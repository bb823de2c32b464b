/**
 * A transform worker: loads the compiled stylesheet the build hands it,
 * then takes batches of documents from the shared counter (see pool.ts)
 * until none is left, posting each result (the document's outputs) back as
 * soon as its batch is made. It writes nothing: the build does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchable, transformDocuments } from './document.js';
import type { DocumentContext, DocumentResult } from './document.js';
import { unpooledJob } from './pool.js';
import type { WorkerData } from './pool.js';
import type { StylesheetParams } from './saxon.js';
import { useSaxonCodeCache } from './saxon.js';
import { compiledStylesheet } from './stylesheets.js';
import type { StylesheetFile } from './stylesheets.js';

export interface WorkerSetup {
  /** The build's compiled stylesheet, hashed and compiled once by the build. */
  stylesheet: StylesheetFile;
  /** Where SaxonJS's V8 code cache is (load-saxon.ts). */
  codeCacheFolder: string;
  /** The edition-wide stylesheet parameters. */
  params: StylesheetParams;
  /** Documents taken at a time. */
  batchSize: number;
}

async function main(): Promise<void> {
  const data = workerData as WorkerData;
  const { setup, jobs, next } = data;
  useSaxonCodeCache(setup.codeCacheFolder);
  const context: DocumentContext = { stylesheet: compiledStylesheet(setup.stylesheet), params: setup.params, batching: batchable(setup.params) };
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
