/**
 * Interrupted builds: whatever instant a build is killed at, and with
 * whichever signal, the published output is either the previous build (A)
 * or the complete new one (B), never a mix and never missing. TERM and INT
 * clean up after themselves; a KILLed build's leftovers are cleaned up by
 * the next build.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { cleanupTemp, deadPid, leftovers, makeProject, runCli, sleep, startCli, treeDigest, waitFor } from './build-helpers.js';

// A build takes seconds; compiling the stylesheets (once, when xslt/ changed) takes much longer.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

type Tree = Record<string, string>;

const EDITED_FILE = 'tei/doc069.xml';
const BEFORE = 'Received encryption.';
const AFTER = 'Received encryptions.';

function edit(root: string): void {
  const path = join(root, EDITED_FILE);
  const text = readFileSync(path, 'utf8');
  expect(text.split(BEFORE).length, `${EDITED_FILE} holds "${BEFORE}" once`).toBe(2);
  writeFileSync(path, text.replace(BEFORE, AFTER));
}

let root: string;
let A: Tree;
let B: Tree;
/** Wall time of a complete build, to spread the kill points over. */
let duration: number;

/** Put the published output (and the build manifest) back to A, with the edited sources. */
function restoreA(): void {
  for (const name of leftovers(root)) rmSync(join(root, name), { recursive: true, force: true });
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  cpSync(join(root, 'saved', 'dist'), join(root, 'dist'), { recursive: true });
  rmSync(join(root, '.cache', 'build'), { recursive: true, force: true });
  cpSync(join(root, 'saved', 'build'), join(root, '.cache', 'build'), { recursive: true });
  expect(treeDigest(join(root, 'dist'))).toEqual(A);
}

/** dist/ is exactly A or exactly B; which one. */
function publishedIs(): 'A' | 'B' {
  const dist = join(root, 'dist');
  expect(existsSync(dist), 'dist/ exists after the kill').toBe(true);
  const tree = treeDigest(dist);
  if (JSON.stringify(tree) === JSON.stringify(A)) return 'A';
  if (JSON.stringify(tree) === JSON.stringify(B)) return 'B';
  // Neither: show how it differs from both.
  const diff = (other: Tree): string[] =>
    [...new Set([...Object.keys(tree), ...Object.keys(other)])].filter((k) => tree[k] !== other[k]).sort();
  throw new Error(`dist/ is neither A nor B: differs from A in ${diff(A).join(', ')}; from B in ${diff(B).join(', ')}`);
}

beforeAll(async () => {
  // B: a clean build of the edited sources in another folder.
  const ref = await makeProject('interrupt-ref');
  edit(ref);
  const refBuild = await runCli(ref, ['build']);
  expect(refBuild.code, refBuild.stderr).toBe(0);
  B = treeDigest(join(ref, 'dist'));
  duration = refBuild.ms;

  root = await makeProject('interrupt');
  const first = await runCli(root, ['build']);
  expect(first.code, first.stderr).toBe(0);
  A = treeDigest(join(root, 'dist'));
  duration = Math.max(duration, first.ms);
  expect(Object.keys(A).length).toBeGreaterThan(20);
  // The edit changes outputs, so A and B can be told apart.
  expect(A).not.toEqual(B);
  expect(Object.keys(A).sort()).toEqual(Object.keys(B).sort());
  cpSync(join(root, 'dist'), join(root, 'saved', 'dist'), { recursive: true });
  cpSync(join(root, '.cache', 'build'), join(root, 'saved', 'build'), { recursive: true });
  edit(root);
});

afterAll(() => cleanupTemp());

/** When to send the signal: a fixed delay, or the moment the build's staging folder appears. */
type When = { ms: number } | 'staging';

function describeWhen(when: When): string {
  return when === 'staging' ? 'once the staging folder exists' : `after ${when.ms} ms`;
}

async function interrupt(signal: NodeJS.Signals, when: When): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sawStaging: boolean; leftoversAtExit: string[] }> {
  restoreA();
  const run = startCli(root, ['build', '--force']);
  const pid = run.child.pid!;
  const staging = join(root, `dist.tmp-${pid}`);
  let sawStaging = false;
  if (when === 'staging') {
    sawStaging = await waitFor(() => existsSync(staging), duration * 3, 2);
    expect(sawStaging, 'the build made its staging folder').toBe(true);
  } else {
    const deadline = Date.now() + when.ms;
    while (Date.now() < deadline) {
      sawStaging ||= existsSync(staging);
      await sleep(Math.min(5, Math.max(0, deadline - Date.now())));
    }
  }
  run.child.kill(signal);
  const result = await run.done;
  return { code: result.code, signal: result.signal, stderr: result.stderr, sawStaging, leftoversAtExit: leftovers(root) };
}

const fraction = (f: number): When => ({ ms: Math.round(duration * f) });

describe('a build killed with SIGKILL', () => {
  // Delays are fractions of the measured duration, so they are spread over the real build.
  const points: Array<() => When> = [() => ({ ms: 50 }), () => fraction(0.35), () => fraction(0.7), () => fraction(1)];
  test.each(points.map((p, i) => [i, p] as const))('kill point %i: dist/ is A or B; the next build recovers and yields B', async (_i, point) => {
    const when = point();
    const killed = await interrupt('SIGKILL', when);
    if (killed.signal === null) {
      // The build had already finished when the signal came.
      expect(killed.code, `${describeWhen(when)}: ${killed.stderr}`).toBe(0);
      expect(publishedIs()).toBe('B');
    } else {
      expect(killed.signal, describeWhen(when)).toBe('SIGKILL');
      publishedIs();
    }
    // A normal (incremental) build after the crash: removes the dead staging folder, breaks the dead lock.
    const next = await runCli(root, ['build', '-v']);
    expect(next.code, next.stderr).toBe(0);
    expect(publishedIs()).toBe('B');
    expect(leftovers(root)).toEqual([]);
    if (killed.leftoversAtExit.some((n) => n.startsWith('dist.tmp-'))) {
      expect(next.stderr).toMatch(/recovered: removed stale dist\.tmp-\d+/);
    }
  });

  test('a dead staging folder and a dead lock are cleaned up by the next build', async () => {
    // Deterministic version of the above: kill while the lock is held and the staging folder exists.
    const killed = await interrupt('SIGKILL', 'staging');
    expect(killed.leftoversAtExit).toContain('dist.lock');
    expect(killed.leftoversAtExit.some((n) => /^dist\.tmp-\d+$/.test(n))).toBe(true);
    expect(publishedIs()).toBe('A');
    const next = await runCli(root, ['build', '-v']);
    expect(next.code, next.stderr).toBe(0);
    expect(publishedIs()).toBe('B');
    expect(leftovers(root)).toEqual([]);
  });

  test('a crash between the two renames (dist.old, no dist) is restored by the next build', async () => {
    restoreA();
    // What a build killed between renaming dist→dist.old and dist.tmp-PID→dist leaves behind.
    const pid = await deadPid();
    cpSync(join(root, 'dist'), join(root, `dist.tmp-${pid}`), { recursive: true });
    renameSync(join(root, 'dist'), join(root, 'dist.old'));
    writeFileSync(join(root, 'dist.lock'), String(pid));
    const next = await runCli(root, ['build', '-v']);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/recovered: restored dist from dist\.old/);
    expect(next.stderr).toMatch(new RegExp(`recovered: removed stale dist\\.tmp-${pid}`));
    expect(publishedIs()).toBe('B');
    expect(leftovers(root)).toEqual([]);
  });
});

describe.each(['SIGTERM', 'SIGINT'] as const)('a build stopped with %s', (signal) => {
  const exitCode = signal === 'SIGTERM' ? 143 : 130;
  const points: Array<() => When> =
    signal === 'SIGTERM' ? [() => ({ ms: 50 }), () => 'staging', () => fraction(0.6)] : [() => fraction(0.3), () => fraction(0.85)];
  test.each(points.map((p, i) => [i, p] as const))(`stop point %i: exit ${exitCode} and dist/ is A, or exit 0 and B; nothing left behind`, async (_i, point) => {
    const when = point();
    const stopped = await interrupt(signal, when);
    const what = `${describeWhen(when)}: code ${stopped.code}, signal ${stopped.signal}, stderr ${stopped.stderr}`;
    const published = publishedIs();
    if (stopped.code === 0) {
      // It had finished (or was past the last point where it can stop) when the signal came.
      expect(published, what).toBe('B');
    } else if (stopped.code === null && /^built \d+ documents/m.test(stopped.stderr)) {
      // Killed by the default action after the build had published and reported, while Node was shutting
      // down (it no longer runs signal handlers then): the output is the new one.
      expect(stopped.signal, what).toBe(signal);
      expect(published, what).toBe('B');
    } else if (stopped.code === null) {
      // Killed by the signal's default action before the CLI installed its handler (the shell reports 128+n):
      // nothing can have been started then.
      expect(stopped.signal, what).toBe(signal);
      expect(stopped.sawStaging, what).toBe(false);
      expect(published, what).toBe('A');
    } else {
      expect(stopped.code, what).toBe(exitCode);
      expect(published, what).toBe('A');
      expect(stopped.stderr).toMatch(/interrupted; the published output is unchanged/);
    }
    // A process that handled the signal cleans up: no staging folder, no lock, no dist.old.
    expect(stopped.leftoversAtExit, what).toEqual([]);
  });
});
