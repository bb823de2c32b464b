import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from './read/folders.js';

let version: string | undefined;
let fingerprint: string | undefined;

/** The toolchain's version, from package.json. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

/**
 * The version and a hash of the toolchain's own compiled code: part of
 * every cache key, so a changed rule or build step never reuses what an
 * older one found or made.
 */
export function toolFingerprint(): string {
  fingerprint ??= `${toolVersion()}+${compiledCodeHash(fileURLToPath(new URL('.', import.meta.url)))}`;
  return fingerprint;
}

/**
 * A hash of the .js files under a folder (build/): each file's path within
 * it and its content, so the same code hashes the same wherever it lies.
 * The developers' tools in dev/ (bench, fuzzer, stylesheet compiler) are
 * left out: they make nothing a build keeps.
 */
export function compiledCodeHash(folder: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(folder)) {
    const path = relative(folder, file).split(sep).join('/');
    if (path.endsWith('.js') && !path.startsWith('dev/')) hash.update(path).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}
