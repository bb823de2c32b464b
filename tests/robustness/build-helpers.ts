/**
 * Helpers for the build robustness tests (build-*.test.ts): a copy of the
 * project (tei/, schema/, edition.config.json) in a temp folder, the CLI run
 * as a child process there, and trees compared by sha256.
 *
 * Compiling the stylesheets takes tens of seconds, so the compiled SEF files
 * are made once per stylesheet hash in a shared temp folder (under a lock, so
 * that parallel test files do not all compile) and copied into each copy's
 * .cache/sef/, exactly where a build would have left them.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { committedBuildHash, loadStylesheets, stylesheetsHash } from '../../src/transform/stylesheets.js';

export const projectRoot = resolve(new URL('../..', import.meta.url).pathname);
export const bin = join(projectRoot, 'bin', 'edition.js');
export const xsltFolder = join(projectRoot, 'xslt');

const sharedCache = join(tmpdir(), 'edition-build-tests-cache');

/** The SEF files a build needs from the cache for this hash: build.xsl's, unless the committed one is current. */
function sefNames(hash: string): string[] {
  return committedBuildHash(xsltFolder) === hash ? [] : [`build-${hash}.sef.json`];
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The compiled stylesheets for the current xslt/; returns the folder holding them. They are compiled
 * (once, under a lock) into the project's own .cache/sef/, where `edition build` in the project and the
 * other tests look for them too; copies made by earlier runs in the shared temp folder are used as well.
 */
export async function ensureSef(): Promise<{ folder: string; names: string[] }> {
  // xslt/ may change while it compiles (others edit it): then compile again for the new hash.
  for (let attempt = 0; ; attempt++) {
    const ready = await ensureSefOnce();
    if (ready.folder !== undefined || attempt >= 3) {
      if (ready.folder === undefined) throw new Error('xslt/ kept changing while its stylesheets compiled');
      return { folder: ready.folder, names: ready.names };
    }
  }
}

async function ensureSefOnce(): Promise<{ folder: string | undefined; names: string[] }> {
  const hash = stylesheetsHash(xsltFolder);
  const names = sefNames(hash);
  const projectCache = join(projectRoot, '.cache');
  const candidates = [join(projectCache, 'sef'), join(sharedCache, 'sef')];
  const found = (): string | undefined => candidates.find((folder) => names.every((n) => existsSync(join(folder, n))));
  let folder = found();
  if (folder) return { folder, names };
  mkdirSync(sharedCache, { recursive: true });
  const lock = join(sharedCache, `compile-${hash}.lock`);
  const deadline = Date.now() + 900_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      folder = found();
      if (folder) return { folder, names };
      // A compile that died long ago left its lock.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
      await sleep(250);
    }
  }
  try {
    if (!found()) await loadStylesheets(xsltFolder, projectCache, ['build']);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return { folder: found(), names };
}

const made: string[] = [];

/** Remove every temp folder made by makeFolder/makeProject. */
export function cleanupTemp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function makeFolder(label: string): string {
  const d = mkdtempSync(join(tmpdir(), `edition-${label}-`));
  made.push(d);
  return d;
}

/** Copy the compiled stylesheets into `<root>/.cache/sef/`. */
export async function seedSef(root: string): Promise<void> {
  const { folder, names } = await ensureSef();
  const target = join(root, '.cache', 'sef');
  mkdirSync(target, { recursive: true });
  for (const n of names) cpSync(join(folder, n), join(target, n));
}

/** A copy of the project's edition (tei/, schema/, edition.config.json) in `root` (a new temp folder by default). */
export async function makeProject(label: string, root = makeFolder(label)): Promise<string> {
  mkdirSync(root, { recursive: true });
  for (const name of ['tei', 'schema', 'edition.config.json']) cpSync(join(projectRoot, name), join(root, name), { recursive: true });
  await seedSef(root);
  return root;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliResult>;
}

/** Start `node bin/edition.js ARGS` in `cwd`. */
export function startCli(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}): RunningCli {
  const started = Date.now();
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete fullEnv[k];
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliResult>((resolveDone, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolveDone({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
  return { child, done };
}

export function runCli(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return startCli(cwd, args, env).done;
}

/** Every file under `folder` (relative, '/'-separated) with the sha256 of its bytes; sorted. Symlinks and other odd entries count as errors. */
export function treeDigest(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (stat.isFile()) out[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
      else throw new Error(`Not a file or folder in the output: ${path}`);
    }
  };
  walk(folder, '');
  return out;
}

/** Every path (files and folders) under `folder`, relative; for "nothing written outside" checks. */
export function listAll(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      out.push(`${prefix}${name}`);
      if (lstatSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(folder, '');
  return out;
}

/** A pid that is not running: a child that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid!;
  await new Promise((r) => child.on('exit', r));
  return pid;
}

/** Wait until `test()` holds (polling every few ms) or `timeoutMs` passes; true when it held. */
export async function waitFor(test: () => boolean, timeoutMs: number, everyMs = 5): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (test()) return true;
    await sleep(everyMs);
  }
  return test();
}

/** The entries of a folder beside the output that a build may leave: dist.tmp-*, dist.old, dist.lock*. */
export function leftovers(root: string, out = 'dist'): string[] {
  return readdirSync(root).filter((n) => n.startsWith(`${out}.`)).sort();
}

export { sleep };
