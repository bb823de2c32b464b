/**
 * Starting a worker thread, for the two kinds the toolchain has: libxml2
 * (src/validate/xmllint.ts) and the document transforms
 * (src/transform/pool.ts). One place finds the script, hands over the
 * messages and turns every way a worker can fail into one error.
 */
import { Worker } from 'node:worker_threads';

/**
 * The script of a worker thread that lives beside the module starting it.
 * Under vitest the modules run as TypeScript from src/, and the worker runs
 * from its compiled copy in build/ (npm test compiles first).
 */
export function workerScript(moduleUrl: string, name: string): URL {
  const script = new URL(`./${name}.js`, moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return script;
  const at = script.pathname.lastIndexOf('/src/');
  return new URL(`${script.pathname.slice(0, at)}/build/${script.pathname.slice(at + '/src/'.length)}`, script);
}

export interface WorkerOptions<Message> {
  /** What the worker is, for the error when it stops: 'the libxml2 worker'. */
  what: string;
  workerData?: unknown;
  onMessage: (message: Message) => void;
  /**
   * Called at most once: when the worker throws, or stops other than by
   * `stop()` (or, for a worker that `endsItself`, with a code other than 0).
   */
  onFailure: (error: Error) => void;
  /** The worker stops by itself, with code 0, when its work is done. */
  endsItself?: boolean;
}

export interface StartedWorker {
  worker: Worker;
  /** Terminate the worker; no failure is reported for it. */
  stop(): Promise<void>;
}

/** Start the worker script `name` beside the module at `moduleUrl`. */
export function startWorker<Message>(moduleUrl: string, name: string, options: WorkerOptions<Message>): StartedWorker {
  const worker = new Worker(workerScript(moduleUrl, name), options.workerData === undefined ? {} : { workerData: options.workerData });
  let over = false;
  const fail = (error: Error): void => {
    if (over) return;
    over = true;
    options.onFailure(error);
  };
  worker.on('message', (message: Message) => options.onMessage(message));
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code === 0 && options.endsItself) over = true;
    else fail(new Error(`${options.what} stopped (exit code ${code})`));
  });
  return {
    worker,
    stop: async () => {
      over = true;
      await worker.terminate();
    },
  };
}
