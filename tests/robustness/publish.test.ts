import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BuildLockedError, lockOutput, recoverOutput, StagedOutput } from '../../src/site/publish.js';
import { OutputPathError } from '../../src/site/output-paths.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempParent(): string {
  const d = mkdtempSync(join(tmpdir(), 'edition-publish-'));
  made.push(d);
  return d;
}

function tree(folder: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) Object.assign(out, tree(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** A pid that is not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid!;
  await new Promise((r) => child.on('exit', r));
  return pid;
}

describe('StagedOutput', () => {
  test('publish swaps in the new tree; unchanged files are hard-linked, changed ones are new files', () => {
    const out = join(tempParent(), 'dist');
    const first = new StagedOutput(out);
    first.write('index.html', 'one');
    first.write('text/a.txt', 'same');
    first.publish();
    const inodeBefore = statSync(join(out, 'text/a.txt')).ino;
    const second = new StagedOutput(out);
    second.write('index.html', 'two');
    second.write('text/a.txt', 'same');
    // Before publishing, the published tree is untouched.
    expect(tree(out)).toEqual({ 'index.html': 'one', 'text/a.txt': 'same' });
    second.publish();
    expect(tree(out)).toEqual({ 'index.html': 'two', 'text/a.txt': 'same' });
    expect(second.linked).toBe(1);
    expect(statSync(join(out, 'text/a.txt')).ino).toBe(inodeBefore);
    expect(readdirSync(join(out, '..')).sort()).toEqual(['dist']);
  });

  test('a second write to the same path is refused and never changes the published (hard-linked) file', () => {
    const out = join(tempParent(), 'dist');
    const first = new StagedOutput(out);
    first.write('index.html', 'published');
    first.publish();
    const staged = new StagedOutput(out);
    staged.write('index.html', 'published'); // hard-linked from dist/index.html
    expect(() => staged.write('index.html', 'overwritten')).toThrow(OutputPathError);
    expect(() => staged.write('INDEX.html', 'overwritten')).toThrow(OutputPathError);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('published');
    staged.discard();
  });

  test('a path that is a file and a folder of another output is refused, not a crash', () => {
    const staged = new StagedOutput(join(tempParent(), 'dist'));
    staged.write('text', 'a file');
    expect(() => staged.write('text/doc.txt', 'x')).toThrow(OutputPathError);
    staged.write('json/a.json', '{}');
    expect(() => staged.write('json', 'x')).toThrow(OutputPathError);
    staged.discard();
  });

  test('unsafe paths are refused before anything is written', () => {
    const parent = tempParent();
    const staged = new StagedOutput(join(parent, 'dist'));
    for (const p of ['../escape.html', '/tmp/escape.html', 'a/../../escape.html', '..\\escape.html']) {
      expect(() => staged.write(p, 'x')).toThrow(OutputPathError);
    }
    staged.discard();
    expect(readdirSync(parent)).toEqual([]);
  });

  test('discard leaves the published tree as it was', () => {
    const out = join(tempParent(), 'dist');
    const first = new StagedOutput(out);
    first.write('a.html', 'a');
    first.publish();
    const second = new StagedOutput(out);
    second.write('a.html', 'changed');
    second.discard();
    expect(tree(out)).toEqual({ 'a.html': 'a' });
    expect(readdirSync(join(out, '..'))).toEqual(['dist']);
  });

  test('reuse carries a published output over; readPublished reads one', () => {
    const out = join(tempParent(), 'dist');
    const first = new StagedOutput(out);
    first.write('text/a.txt', 'kept');
    first.publish();
    const second = new StagedOutput(out);
    expect(second.readPublished('text/a.txt')).toBe('kept');
    expect(second.readPublished('text/missing.txt')).toBeUndefined();
    expect(second.readPublished('../dist/text/a.txt')).toBeUndefined();
    second.reuse('text/a.txt');
    second.publish();
    expect(tree(out)).toEqual({ 'text/a.txt': 'kept' });
  });
});

describe('recoverOutput', () => {
  test('a build killed between the two renames: dist.old without dist is restored', () => {
    const parent = tempParent();
    const out = join(parent, 'dist');
    mkdirSync(`${out}.old`);
    writeFileSync(join(`${out}.old`, 'index.html'), 'old');
    expect(recoverOutput(out)).toEqual(['restored dist from dist.old']);
    expect(tree(out)).toEqual({ 'index.html': 'old' });
    expect(existsSync(`${out}.old`)).toBe(false);
  });

  test('dist.old beside a complete dist is removed; dist is kept', () => {
    const out = join(tempParent(), 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'new');
    mkdirSync(`${out}.old`);
    expect(recoverOutput(out)).toEqual(['removed dist.old']);
    expect(tree(out)).toEqual({ 'index.html': 'new' });
  });

  test("stale staging folders of dead builds are removed, a live build's is kept", async () => {
    const parent = tempParent();
    const out = join(parent, 'dist');
    const dead = await deadPid();
    mkdirSync(`${out}.tmp-${dead}`);
    mkdirSync(`${out}.tmp-garbage`);
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      mkdirSync(`${out}.tmp-${live.pid}`);
      const actions = recoverOutput(out);
      expect(actions.sort()).toEqual([`removed stale dist.tmp-${dead}`, 'removed stale dist.tmp-garbage'].sort());
      expect(readdirSync(parent)).toEqual([`dist.tmp-${live.pid}`]);
    } finally {
      live.kill('SIGKILL');
    }
  });
});

describe('lockOutput', () => {
  test('a second lock on the same output is refused with a clear message while the first is held', () => {
    const out = join(tempParent(), 'dist');
    const lock = lockOutput(out);
    expect(readFileSync(`${out}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockOutput(out)).toThrow(BuildLockedError);
    expect(() => lockOutput(out)).toThrow(/is writing dist; wait for it to finish/);
    lock.release();
    expect(existsSync(`${out}.lock`)).toBe(false);
    lockOutput(out).release();
  });

  test('a lock held by another live process gives its pid; one held by a dead process is broken', async () => {
    const out = join(tempParent(), 'dist');
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(`${out}.lock`, String(live.pid));
      expect(() => lockOutput(out)).toThrow(new RegExp(`Another build \\(pid ${live.pid}\\) is writing dist`));
    } finally {
      live.kill('SIGKILL');
    }
    writeFileSync(`${out}.lock`, String(await deadPid()));
    const lock = lockOutput(out);
    expect(readFileSync(`${out}.lock`, 'utf8')).toBe(String(process.pid));
    lock.release();
    // Empty or garbage lock files are stale too.
    writeFileSync(`${out}.lock`, '');
    lockOutput(out).release();
    writeFileSync(`${out}.lock`, 'not a pid');
    lockOutput(out).release();
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  test('many processes racing for one lock: exactly one wins at a time', async () => {
    const parent = tempParent();
    const out = join(parent, 'dist');
    const publish = new URL('../../build/site/publish.js', import.meta.url).pathname;
    // Each contender tries to take the lock; the winner holds it 300 ms and appends to a log.
    const script = `
      import { lockOutput } from ${JSON.stringify(publish)};
      import { appendFileSync } from 'node:fs';
      const out = ${JSON.stringify(out)};
      try {
        const lock = lockOutput(out);
        appendFileSync(out + '.log', 'start ' + process.pid + '\\n');
        await new Promise((r) => setTimeout(r, 300));
        appendFileSync(out + '.log', 'end ' + process.pid + '\\n');
        lock.release();
        process.exit(0);
      } catch (e) { process.exit(e.name === 'BuildLockedError' ? 3 : 4); }`;
    const codes = await Promise.all(
      Array.from({ length: 6 }, () => new Promise<number | null>((resolve) => {
        spawn(process.execPath, ['--input-type=module', '-e', script]).on('exit', resolve);
      })),
    );
    expect(codes.every((c) => c === 0 || c === 3)).toBe(true);
    expect(codes.filter((c) => c === 0).length).toBeGreaterThanOrEqual(1);
    const log = readFileSync(`${out}.log`, 'utf8').trim().split('\n');
    // No two holders overlap: the log alternates start/end of the same pid.
    for (let i = 0; i < log.length; i += 2) {
      expect(log[i]).toMatch(/^start \d+$/);
      expect(log[i + 1]).toBe(log[i]!.replace('start', 'end'));
    }
  });
});
