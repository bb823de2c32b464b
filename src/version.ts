import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  if (fingerprint === undefined) {
    const hash = createHash('sha256').update(toolVersion());
    for (const file of filesUnder(fileURLToPath(new URL('.', import.meta.url))).filter((f) => f.endsWith('.js'))) hash.update(file).update(readFileSync(file));
    fingerprint = `${toolVersion()}+${hash.digest('hex').slice(0, 12)}`;
  }
  return fingerprint;
}
