// startWorker (src/workers.ts), which both worker pools use: messages
// handed over, and every way a worker fails reported once, as an error.
import { describe, expect, test } from 'vitest';
import { startWorker } from '../src/workers.js';

const beside = new URL('./fixtures/workers/here.js', import.meta.url).href;

/** Start a fixture worker; resolves with its messages and failures once it has stopped. */
function run(name: string, options: { workerData?: unknown; endsItself?: boolean; send?: unknown; stopAfterReply?: boolean } = {}): Promise<{ messages: unknown[]; failures: string[] }> {
  return new Promise((resolve) => {
    const messages: unknown[] = [];
    const failures: string[] = [];
    const started = startWorker<unknown>(beside, name, {
      what: 'the test worker',
      ...(options.workerData === undefined ? {} : { workerData: options.workerData }),
      ...(options.endsItself ? { endsItself: true } : {}),
      onMessage: (m) => {
        messages.push(m);
        if (options.stopAfterReply) void started.stop();
      },
      onFailure: (error) => failures.push(error.message),
    });
    started.worker.on('exit', () => setTimeout(() => resolve({ messages, failures }), 20));
    if (options.send !== undefined) started.worker.postMessage(options.send);
  });
}

describe('startWorker', () => {
  test('a worker that throws: one failure, with its error', async () => {
    expect((await run('throws')).failures).toEqual(['broken on purpose']);
  });

  test('a worker that stops by itself: a failure, with its exit code, unless it ends itself with code 0', async () => {
    expect(await run('exits', { workerData: { code: 3 } })).toEqual({ messages: [{ got: 3 }], failures: ['the test worker stopped (exit code 3)'] });
    expect(await run('exits', { workerData: { code: 0 } })).toEqual({ messages: [{ got: 0 }], failures: ['the test worker stopped (exit code 0)'] });
    expect(await run('exits', { workerData: { code: 0 }, endsItself: true })).toEqual({ messages: [{ got: 0 }], failures: [] });
    expect((await run('exits', { workerData: { code: 3 }, endsItself: true })).failures).toEqual(['the test worker stopped (exit code 3)']);
  });

  test('a worker stopped by stop(): its messages, and no failure', async () => {
    expect(await run('waits', { send: 'hello', stopAfterReply: true })).toEqual({ messages: [{ echo: 'hello' }], failures: [] });
  });
});
