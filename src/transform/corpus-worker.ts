/**
 * The corpus worker (see corpus.ts): makes the edition-wide outputs and
 * posts each one as it is made, then 'done'; a failing transformation is
 * posted as 'failed' with its message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CorpusWorkerData, CorpusWorkerMessage } from './corpus.js';
import { makeCorpusOutputs } from './corpus.js';
import { TransformError } from './saxon.js';
import { loadStylesheets } from './stylesheets.js';

const post = (message: CorpusWorkerMessage): void => parentPort!.postMessage(message);

async function main(): Promise<void> {
  const data = workerData as CorpusWorkerData;
  const { build } = await loadStylesheets(data.xsltFolder, data.stylesheetCacheFolder, ['build']);
  try {
    await makeCorpusOutputs(build, data.job, (href, content) => post({ kind: 'output', href, content }));
  } catch (error) {
    if (!(error instanceof TransformError)) throw error;
    post({ kind: 'failed', message: error.message });
    return;
  }
  post({ kind: 'done' });
}

void main();
