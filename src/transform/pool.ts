/**
 * Transforming documents on a pool of worker threads, one per core. The
 * main thread meanwhile writes the outputs they post back. Results come
 * back by index, so the build merges them in document order and the output
 * stays byte-identical to a build without workers.
 *
 * Every worker receives the whole list of jobs when it starts and takes the
 * next batch of them from a counter the workers share, so no worker waits
 * for the main thread to hand it work.
 */
import type { DocumentJob, DocumentResult } from './document.js';
import type { WorkerSetup } from './worker.js';
import { startWorker } from '../workers.js';
import type { StartedWorker } from '../workers.js';

export interface TransformPool {
  /** Resolves when every job has a result. */
  done: Promise<void>;
  terminate(): Promise<void>;
}

/** A job as a worker receives it: its source text is a slice of the shared texts. */
export type PooledJob = Omit<DocumentJob, 'text'> & { start: number; end: number };

/** What a worker is given: the set-up, the jobs, their texts, and the shared counter of the next job to take. */
export interface WorkerData {
  setup: WorkerSetup;
  jobs: readonly PooledJob[];
  /**
   * Every job's source text, UTF-8, one after the other, in one
   * SharedArrayBuffer: each worker reads the same bytes instead of a copy
   * of every text (93 MB for 10,000 generated letters).
   */
  texts: SharedArrayBuffer;
  /** An Int32Array over a SharedArrayBuffer; element 0 is the index of the next job to take (Atomics.add claims a batch). */
  next: Int32Array;
}

/** A pooled job with its source text again. */
export function unpooledJob(data: WorkerData, job: PooledJob): DocumentJob {
  const { start, end, ...rest } = job;
  return { ...rest, text: Buffer.from(data.texts, start, end - start).toString('utf8') };
}

/** The jobs without their texts, and the texts in one shared buffer. */
function shareTexts(jobs: readonly DocumentJob[]): { jobs: PooledJob[]; texts: SharedArrayBuffer } {
  const lengths = jobs.map((job) => Buffer.byteLength(job.text, 'utf8'));
  const texts = new SharedArrayBuffer(lengths.reduce((a, b) => a + b, 0));
  const bytes = Buffer.from(texts);
  let offset = 0;
  const pooled = jobs.map((job, i) => {
    const { text, ...rest } = job;
    bytes.write(text, offset, 'utf8');
    const start = offset;
    offset += lengths[i]!;
    return { ...rest, start, end: offset };
  });
  return { jobs: pooled, texts };
}

/** Start the workers with every job; each result is handed to onResult as it arrives. */
export function startPool(setup: WorkerSetup, jobs: readonly DocumentJob[], size: number, onResult: (result: DocumentResult) => void): TransformPool {
  const workers: StartedWorker[] = [];
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let finished = 0;
  let settle!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  if (jobs.length === 0) settle();
  const workerData: WorkerData = { setup, ...shareTexts(jobs), next };
  for (let i = 0; i < Math.max(1, Math.min(size, jobs.length)); i++) {
    workers.push(startWorker<DocumentResult>(import.meta.url, 'worker', {
      what: 'a transform worker',
      workerData,
      // A worker ends when no batch is left to take; the others may still be transforming theirs.
      endsItself: true,
      onMessage: (result) => {
        onResult(result);
        finished++;
        if (finished === jobs.length) settle();
      },
      onFailure: fail,
    }));
  }
  return {
    done,
    terminate: async () => {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
