/**
 * What the last build made from what: the manifest that lets a build skip
 * the work whose inputs did not change. It lives in the cache folder, one
 * per output folder, and is written only after a successful publish.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashText } from '../validate/cache.js';
import { writeFileAtomic } from '../write-atomic.js';

const MANIFEST_FORMAT = 7;

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
  /** The edition-wide lists of the documents (index, search, about, citation files, json/index.json; schema.html). */
  editionDocuments: OutputGroup | undefined;
  /** The registers' lists and JSON indexes and CMIF, but the entry pages. */
  editionRegisters: OutputGroup | undefined;
  /** Per register entry id: its page (pages, if two registers share the id), keyed as in src/site/entry-pages.ts. */
  entries: Record<string, OutputGroup>;
  /** The text the corpus gives for the head of edition.txt. */
  editionHeader: string;
  /** What the registers' part gives CMIF (authority-uris.txt: 'POINTER TAB URI' lines), which the lists of the documents are made from. */
  authorityUris: string;
  /** Per source file (by name): its copy for download, keyed by the hash of its bytes. */
  sources: Record<string, OutputGroup>;
  /** tei/edition.zip, made from the sources recorded in `sources`. */
  zip: OutputGroup | undefined;
  /** The search index (search-index.js and its parts in search/). */
  search: OutputGroup | undefined;
  /** text/edition.txt. */
  editionText: OutputGroup | undefined;
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
  return { format: MANIFEST_FORMAT, documents: {}, editionDocuments: undefined, editionRegisters: undefined, entries: {}, editionHeader: '', authorityUris: '', sources: {}, zip: undefined, search: undefined, editionText: undefined };
}

export function writeManifest(path: string, manifest: BuildManifest): void {
  writeFileAtomic(path, JSON.stringify(manifest));
}
