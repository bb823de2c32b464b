/**
 * Transforming documents on a pool of worker threads, one per core. The
 * main thread meanwhile makes the edition-wide pages. Results come back
 * by index, so the build merges them in document order and the output
 * stays byte-identical to a build without workers.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentJob, DocumentResult, WorkerSetup } from './worker.js';

export interface TransformPool {
  /** Resolves when every job has a result. */
  done: Promise<void>;
  terminate(): Promise<void>;
}

// Under vitest this module is TypeScript; the worker then runs from the compiled build/ (npm test compiles first).
const workerScript = import.meta.url.endsWith('.ts')
  ? new URL('../../build/transform/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url);

/** Start the workers and feed them the jobs, at most two in flight per worker. */
export function startPool(setup: WorkerSetup, jobs: readonly DocumentJob[], size: number, onResult: (result: DocumentResult) => void): TransformPool {
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  let settle!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  if (jobs.length === 0) settle();
  const feed = (worker: Worker): void => {
    if (next < jobs.length) worker.postMessage(jobs[next++]);
  };
  for (let i = 0; i < Math.max(1, size); i++) {
    const worker = new Worker(workerScript, { workerData: setup });
    workers.push(worker);
    worker.on('message', (message: DocumentResult | { ready: true }) => {
      if ('ready' in message) {
        feed(worker);
        feed(worker);
        return;
      }
      onResult(message);
      finished++;
      if (finished === jobs.length) settle();
      else feed(worker);
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (finished < jobs.length && code !== 0) fail(new Error(`a transform worker stopped with code ${code}`));
    });
  }
  return {
    done,
    terminate: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
