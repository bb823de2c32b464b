import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;
let fingerprint: string | undefined;

/** The toolchain's version, from package.json. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

function codeFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...codeFiles(path));
    else if (name.endsWith('.js')) out.push(path);
  }
  return out;
}

/**
 * The version and a hash of the toolchain's own compiled code: part of
 * every cache key, so a changed rule or build step never reuses what an
 * older one found or made.
 */
export function toolFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = createHash('sha256').update(toolVersion());
    for (const file of codeFiles(fileURLToPath(new URL('.', import.meta.url)))) hash.update(file).update(readFileSync(file));
    fingerprint = `${toolVersion()}+${hash.digest('hex').slice(0, 12)}`;
  }
  return fingerprint;
}
