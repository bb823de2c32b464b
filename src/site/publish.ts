/**
 * Publishing a build so that the output folder is never half written.
 *
 * A build writes into a staging folder `<out>.tmp-<pid>` beside the output,
 * hard-linking files whose content did not change. Publishing renames
 * `<out>` to `<out>.old`, the staging folder to `<out>`, and removes
 * `<out>.old`. A build that finds `<out>.old` without `<out>` was killed
 * between the two renames and restores it first. A lock file
 * `<out>.lock` holding the builder's pid keeps two builds apart; a lock
 * whose process is dead is broken.
 */
import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { outputPath, OutputPathError } from './output-paths.js';

export class BuildLockedError extends Error {
  override name = 'BuildLockedError';
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OutputLock {
  release(): void;
}

/** Locks this process holds, so two builds in one process exclude each other too. */
const heldHere = new Set<string>();

function readHolder(path: string): number {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^\d+$/.test(text) ? Number.parseInt(text, 10) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Take `<out>.lock`, breaking it when the process that holds it is gone.
 *
 * The lock appears with its content already written (a private file
 * hard-linked to the lock's name, which fails when the name exists), so no
 * other build ever reads an empty lock and takes it for stale. A stale lock
 * is broken by renaming it aside first: of two builds that both found it
 * stale, only one rename succeeds, and a build that renamed away a lock
 * that was not the stale one it read puts it back.
 */
export function lockOutput(out: string): OutputLock {
  const lock = `${out}.lock`;
  mkdirSync(dirname(out), { recursive: true });
  if (heldHere.has(lock)) {
    throw new BuildLockedError(`Another build in this process is writing ${basename(out)}; wait for it to finish`);
  }
  const mine = `${lock}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, lock);
        heldHere.add(lock);
        return {
          release: () => {
            heldHere.delete(lock);
            if (readHolder(lock) === process.pid) rmSync(lock, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(lock);
      if (processAlive(holder) && holder !== process.pid) {
        throw new BuildLockedError(`Another build (pid ${holder}) is writing ${basename(out)}; wait for it to finish. If it is gone, remove ${lock}`);
      }
      // Stale (dead holder, unreadable, or a pid of this process that this process does not hold).
      const aside = `${lock}.stale-${process.pid}-${attempt}`;
      try {
        renameSync(lock, aside);
      } catch {
        continue; // someone else moved it first
      }
      if (!Object.is(readHolder(aside), holder)) {
        // It changed hands between reading and renaming: put the live lock back.
        try {
          linkSync(aside, lock);
        } catch {
          // a third build took the name meanwhile; it holds the lock
        }
      }
      rmSync(aside, { force: true });
    }
    throw new BuildLockedError(`Could not take the lock ${lock}`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Undo what a killed build left: restore `<out>` from `<out>.old`, remove dead staging folders. */
export function recoverOutput(out: string): string[] {
  const actions: string[] = [];
  const old = `${out}.old`;
  if (existsSync(old)) {
    if (!existsSync(out)) {
      renameSync(old, out);
      actions.push(`restored ${basename(out)} from ${basename(old)}`);
    } else {
      rmSync(old, { recursive: true, force: true });
      actions.push(`removed ${basename(old)}`);
    }
  }
  const parent = dirname(out);
  if (existsSync(parent)) {
    const prefix = `${basename(out)}.tmp-`;
    for (const name of readdirSync(parent)) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number.parseInt(name.slice(prefix.length), 10);
      if (pid === process.pid || !processAlive(pid)) {
        rmSync(join(parent, name), { recursive: true, force: true });
        actions.push(`removed stale ${name}`);
      }
    }
  }
  return actions;
}

function sameContent(path: string, content: Uint8Array): boolean {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size !== content.byteLength) return false;
    return Buffer.compare(readFileSync(path), content) === 0;
  } catch {
    return false;
  }
}

/** The staging folder of one build. */
export class StagedOutput {
  readonly staging: string;
  private readonly madeFolders = new Set<string>();
  /** Output paths written so far, and the folders they make, lower-cased. */
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  /** How many were hard-linked from the published output because they did not change. */
  linked = 0;

  constructor(readonly out: string) {
    this.staging = `${out}.tmp-${process.pid}`;
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
  }

  /**
   * Reserve an output path: it must be safe, and no other output of this
   * build may have it (or use it as a folder). Returns its place in staging.
   */
  claim(relativePath: string): string {
    const target = outputPath(this.staging, relativePath);
    // Two outputs for one path (or a path that is also a folder of another) would silently overwrite each other,
    // and writing into a file hard-linked from the published output would change that output in place.
    // Case-insensitively, since the output may be served from a case-insensitive file system.
    const key = relativePath.toLowerCase();
    const segments = key.split('/');
    if (this.files.has(key) || this.folders.has(key)) {
      throw new OutputPathError(`Refused output path "${relativePath}": another output was already written there (names that differ only in case count as the same)`);
    }
    for (let k = 1; k < segments.length; k++) {
      const folder = segments.slice(0, k).join('/');
      if (this.files.has(folder)) throw new OutputPathError(`Refused output path "${relativePath}": "${folder}" is already an output file`);
    }
    this.files.add(key);
    for (let k = 1; k < segments.length; k++) this.folders.add(segments.slice(0, k).join('/'));
    const folder = dirname(target);
    if (!this.madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.madeFolders.add(folder);
    }
    return target;
  }

  /** Write one output file (relative path), or link the published one when its content is the same. */
  write(relativePath: string, content: string | Uint8Array): void {
    this.claim(relativePath);
    this.fill(relativePath, content);
  }

  /** Write an output whose path was claimed before (claim), or link the published one when its content is the same. */
  fill(relativePath: string, content: string | Uint8Array): void {
    if (placeOutput(this.out, this.staging, relativePath, content)) this.linked++;
  }

  /**
   * Carry an output of the published build over unchanged: hard-link it
   * (or copy it when linking fails). The same path checks as write().
   */
  reuse(relativePath: string): void {
    const target = this.claim(relativePath);
    const published = outputPath(this.out, relativePath);
    try {
      linkSync(published, target);
    } catch {
      // cross-device or unsupported: a copy
      copyFileSync(published, target, constants.COPYFILE_EXCL);
    }
    this.linked++;
  }

  /** The text of an output of the published build, or undefined when there is none. */
  readPublished(relativePath: string): string | undefined {
    return this.readPublishedBytes(relativePath)?.toString('utf8');
  }

  /** The bytes of a published output, or undefined when there is none. */
  readPublishedBytes(relativePath: string): Buffer | undefined {
    try {
      const path = outputPath(this.out, relativePath);
      return lstatSync(path).isFile() ? readFileSync(path) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Swap the staging folder in for the published output. */
  publish(): void {
    const old = `${this.out}.old`;
    rmSync(old, { recursive: true, force: true });
    if (existsSync(this.out)) renameSync(this.out, old);
    renameSync(this.staging, this.out);
    rmSync(old, { recursive: true, force: true });
  }

  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

/**
 * Put a claimed output into the staging folder: a hard link to the
 * published file when the content is the same, else a new file. Returns
 * whether it was linked.
 */
function placeOutput(out: string, staging: string, relativePath: string, content: string | Uint8Array): boolean {
  const target = outputPath(staging, relativePath);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const published = join(out, relativePath);
  if (sameContent(published, bytes)) {
    try {
      linkSync(published, target);
      return true;
    } catch {
      // cross-device or unsupported: fall through to a copy
    }
  }
  writeFileSync(target, bytes, { flag: 'wx' });
  return false;
}
