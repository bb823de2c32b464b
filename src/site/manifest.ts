/**
 * What the last build made from what: the manifest that lets a build skip
 * the work whose inputs did not change. It lives in the cache folder, one
 * per output folder, and is written only after a successful publish.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashText } from '../validate/cache.js';

const MANIFEST_FORMAT = 4;

export interface OutputGroup {
  /** Hash of everything these outputs were made from. */
  key: string;
  /** Output paths, relative to the output folder. */
  outputs: string[];
}

export interface BuildManifest {
  format: number;
  /** Per document (by source file name): its page, text and JSON. */
  documents: Record<string, OutputGroup>;
  /** The edition-wide outputs (index, register lists, about, CMIF, JSON indexes), but the entry pages. */
  corpus: OutputGroup | undefined;
  /** Per register entry id: its page (pages, if two registers share the id), keyed as in src/site/entry-pages.ts. */
  entries: Record<string, OutputGroup>;
  /** The text the corpus gives for the head of edition.txt. */
  editionHeader: string;
  /** Per source file (by name): its copy for download, keyed by the hash of its bytes. */
  sources: Record<string, OutputGroup>;
  /** tei/edition.zip, made from the sources recorded in `sources`. */
  zip: OutputGroup | undefined;
}

export function manifestPath(cacheFolder: string, out: string): string {
  return join(cacheFolder, 'build', `${hashText(out).slice(0, 16)}.json`);
}

export function readManifest(path: string): BuildManifest | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as BuildManifest;
    return manifest.format === MANIFEST_FORMAT ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export function emptyManifest(): BuildManifest {
  return { format: MANIFEST_FORMAT, documents: {}, corpus: undefined, entries: {}, editionHeader: '', sources: {}, zip: undefined };
}

export function writeManifest(path: string, manifest: BuildManifest): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.tmp-${process.pid}`;
  writeFileSync(partial, JSON.stringify(manifest));
  renameSync(partial, path);
}
