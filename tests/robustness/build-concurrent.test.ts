/**
 * Two builds of one output at the same time never interleave: the lock lets
 * one publish while the other stops with a clear message (or both succeed,
 * one after the other), and the output is always the complete build B.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { spawn } from 'node:child_process';
import type { CliResult } from './build-helpers.js';
import { cleanupTemp, deadPid, leftovers, makeProject, runCli, startCli, treeDigest, waitFor } from './build-helpers.js';

// A build takes seconds; compiling the stylesheets (once, when xslt/ changed) takes much longer.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

let B: Record<string, string>;
let root: string;

beforeAll(async () => {
  const ref = await makeProject('concurrent-ref');
  const built = await runCli(ref, ['build']);
  expect(built.code, built.stderr).toBe(0);
  B = treeDigest(join(ref, 'dist'));
  expect(Object.keys(B).length).toBeGreaterThan(20);
  root = await makeProject('concurrent');
});

afterAll(() => cleanupTemp());

/** Each build either succeeded or stopped at the lock; at least one succeeded; dist/ is B; nothing left behind. */
function expectNoInterleaving(results: CliResult[]): void {
  const what = results.map((r) => `exit ${r.code}: ${r.stderr.trim()}`).join('\n---\n');
  for (const r of results) {
    if (r.code === 0) continue;
    expect(r.code, what).toBe(2);
    expect(r.stderr, what).toMatch(/Another build \(pid \d+\) is writing dist; wait for it to finish/);
  }
  expect(results.filter((r) => r.code === 0).length, what).toBeGreaterThanOrEqual(1);
  expect(treeDigest(join(root, 'dist'))).toEqual(B);
  expect(leftovers(root), what).toEqual([]);
}

describe('two builds on the same output', () => {
  test('started at once (cold: both validate, then race for the lock)', async () => {
    const results = await Promise.all([runCli(root, ['build']), runCli(root, ['build'])]);
    expectNoInterleaving(results);
  });

  test('started at once with --force', async () => {
    const results = await Promise.all([runCli(root, ['build', '--force']), runCli(root, ['build', '--force'])]);
    expectNoInterleaving(results);
  });

  test('the second starts while the first holds the lock: it stops with exit 2 and touches nothing', async () => {
    const first = startCli(root, ['build', '--force']);
    const staging = join(root, `dist.tmp-${first.child.pid}`);
    expect(await waitFor(() => existsSync(staging), 60_000, 2), 'the first build made its staging folder').toBe(true);
    const second = await runCli(root, ['build', '--force']);
    const firstDone = await first.done;
    expect(firstDone.code, firstDone.stderr).toBe(0);
    // Exit 0 is only possible if the first had published before the second reached the lock.
    if (second.code !== 0) {
      expect(second.code, second.stderr).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`Another build \\(pid ${first.child.pid}\\) is writing dist`));
    }
    expect(treeDigest(join(root, 'dist'))).toEqual(B);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('a lock left behind', () => {
  test('a lock file holding a dead pid is broken', async () => {
    const pid = await deadPid();
    writeFileSync(join(root, 'dist.lock'), String(pid));
    const result = await runCli(root, ['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(treeDigest(join(root, 'dist'))).toEqual(B);
    expect(leftovers(root)).toEqual([]);
  });

  test('a lock held by a live process is respected, and not removed by the build it stops', async () => {
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(root, 'dist.lock'), String(live.pid));
      const result = await runCli(root, ['build', '--force']);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`Another build \\(pid ${live.pid}\\) is writing dist`));
      expect(readFileSync(join(root, 'dist.lock'), 'utf8')).toBe(String(live.pid));
      expect(leftovers(root)).toEqual(['dist.lock']);
      expect(treeDigest(join(root, 'dist'))).toEqual(B);
    } finally {
      live.kill('SIGKILL');
      await new Promise((r) => live.on('exit', r));
    }
    // Once the holder is gone, the next build breaks the lock.
    const after = await runCli(root, ['build']);
    expect(after.code, after.stderr).toBe(0);
    expect(treeDigest(join(root, 'dist'))).toEqual(B);
    expect(leftovers(root)).toEqual([]);
  });
});
