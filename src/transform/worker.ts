/**
 * A transform worker: loads the compiled stylesheets once, then takes
 * documents from the shared counter (see pool.ts) until none is left,
 * posting each result back as soon as it is made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transformDocument } from './document.js';
import type { DocumentResult } from './document.js';
import type { WorkerData } from './pool.js';
import { loadStylesheets } from './stylesheets.js';

export interface WorkerSetup {
  xsltFolder: string;
  stylesheetCacheFolder: string;
  out: string;
  staging: string;
}

async function main(): Promise<void> {
  const { setup, jobs, next } = workerData as WorkerData;
  const sheets = await loadStylesheets(setup.xsltFolder, setup.stylesheetCacheFolder);
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
    const job = jobs[i]!;
    let result: DocumentResult;
    try {
      result = await transformDocument(sheets, setup, job);
    } catch (error) {
      // In a worker, any failure is reported for its document; the build then publishes nothing.
      result = { index: job.index, ok: false, message: (error as Error).message };
    }
    parentPort!.postMessage(result);
  }
}

void main();
