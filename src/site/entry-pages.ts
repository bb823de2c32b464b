/**
 * Register entry pages (persons/ID.html, places/ID.html, orgs/ID.html) are
 * made one by one when they change, not all whenever the edition-wide
 * outputs are: each has a key of its own, from what its page shows.
 *
 * An entry page shows the entry (from its register), the documents that
 * name it (their titles and where in them the name stands, all in their
 * summaries) and the frame every page has. The key is kept on the side of
 * too much, so that a page is never kept when it would have changed:
 *   - the hashes the validation summary gives the entry's id in registers
 *     and the edition header (the entry, its list, what it points at and
 *     what points at it: `entryKeys` in src/edition/files.ts);
 *   - in a foreign folder, every document whose summary carries an entry
 *     with that id from its own lists (s:entries: the edition-wide pages
 *     take the first, unless a register has the id), by name and by the
 *     hash of its summary;
 *   - every document whose summary names an entry with that id (in any
 *     register), by name and by the hash of its summary, in collection
 *     order;
 *   - what every page's frame shows, and the toolchain (`shared`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FileSummary } from '../edition/files.js';
import { hashText } from '../validate/cache.js';
import { writeFileAtomic } from '../write-atomic.js';

export interface EntryPageSources {
  /** What every edition-wide output depends on: toolchain, stylesheets, parameters, edition header. */
  shared: string;
  /** Registers and the edition header. */
  registers: ReadonlyArray<{ name: string; summary: FileSummary }>;
  /** The documents in collection order, with their summaries (xslt/common/summary.xsl). */
  documents: ReadonlyArray<{ name: string; summary: string }>;
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(Number.parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : xmlEntities[e]!);

/** The ids of the register entries a summary names (its s:names/@entries, 'kind#id' tokens). */
export function summaryEntryIds(summary: string): Set<string> {
  const ids = new Set<string>();
  for (const m of summary.matchAll(/\sentries="([^"]*)"/g)) {
    for (const token of unescape(m[1]!).split(/\s+/)) {
      const hash = token.indexOf('#');
      if (hash > 0) ids.add(token.slice(hash + 1));
    }
  }
  return ids;
}

/** The ids of the entries a summary carries from its document's own lists (its s:entries). */
export function summaryOwnEntryIds(summary: string): Set<string> {
  const ids = new Set<string>();
  const start = summary.indexOf('<s:entries>');
  if (start < 0) return ids;
  const block = summary.slice(start, summary.indexOf('</s:entries>', start));
  for (const m of block.matchAll(/<(?:person|personGrp|place|org)\b[^>]*\sxml:id="([^"]*)"/g)) ids.add(unescape(m[1]!));
  return ids;
}

/** The key of every entry page, by entry id. */
export function entryPageKeys(sources: EntryPageSources): Map<string, string> {
  const material = new Map<string, string[]>();
  for (const r of sources.registers) {
    for (const [id, key] of Object.entries(r.summary.entryKeys ?? {})) {
      const parts = material.get(id);
      if (parts) parts.push(r.name, key);
      else material.set(id, [r.name, key]);
    }
  }
  const summaryHashes = new Map<string, string>();
  const hashOf = (summary: string): string => {
    let h = summaryHashes.get(summary);
    if (h === undefined) summaryHashes.set(summary, (h = hashText(summary)));
    return h;
  };
  for (const d of sources.documents) {
    for (const id of summaryOwnEntryIds(d.summary)) {
      const parts = material.get(id);
      if (parts) parts.push('declared', d.name, hashOf(d.summary));
      else material.set(id, ['declared', d.name, hashOf(d.summary)]);
    }
  }
  for (const d of sources.documents) {
    let summaryHash: string | undefined;
    for (const id of summaryEntryIds(d.summary)) {
      const parts = material.get(id);
      if (!parts) continue;
      summaryHash ??= hashOf(d.summary);
      parts.push('document', d.name, summaryHash);
    }
  }
  const keys = new Map<string, string>();
  for (const [id, parts] of material) keys.set(id, hashText(sources.shared, id, ...parts));
  return keys;
}

/** The lines 'ID TAB PAGE' corpus.xsl writes to entry-pages.txt. */
export function parseEntryPages(text: string): Array<{ id: string; page: string }> {
  const pages: Array<{ id: string; page: string }> = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) pages.push({ id: line.slice(0, tab), page: line.slice(tab + 1) });
  }
  return pages;
}

/**
 * What the register lists and the registers' JSON show of each entry
 * (xslt/common/entry-parts.xsl): seven strings an entry (key, id, sort,
 * label, life, counts, json), kept with the entry's page under its key, in
 * a file beside the build manifest, and handed back to corpus.xsl for the
 * entries whose pages are kept.
 */
export type EntryParts = string[];

/** The parts kept, by entry id: the key they were made under, and the parts of each entry of that id. */
export type KeptEntryParts = Map<string, { key: string; parts: EntryParts[] }>;

const ENTRY_PARTS_FORMAT = 1;

/** The file beside the manifest. */
export function entryPartsPath(manifestFile: string): string {
  return manifestFile.replace(/\.json$/, '.entry-parts.json');
}

export function readEntryParts(path: string): KeptEntryParts {
  if (!existsSync(path)) return new Map();
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { format: number; entries: Record<string, { key: string; parts: EntryParts[] }> };
    return raw.format === ENTRY_PARTS_FORMAT ? new Map(Object.entries(raw.entries)) : new Map();
  } catch {
    return new Map();
  }
}

export function writeEntryParts(path: string, parts: KeptEntryParts): void {
  writeFileAtomic(path, JSON.stringify({ format: ENTRY_PARTS_FORMAT, entries: Object.fromEntries(parts) }));
}

/**
 * The parts corpus.xsl writes to entry-parts.txt: for each entry, a line
 * holding a JSON array of six strings (key, id, sort, label, life,
 * counts), its JSON object's text, and a line holding one tab.
 */
export function parseEntryParts(text: string): EntryParts[] {
  const parts: EntryParts[] = [];
  let at = 0;
  while (at < text.length) {
    const head = text.indexOf('\n', at);
    const end = text.indexOf('\n\t\n', head);
    if (head < 0 || end < 0) break;
    const fields = JSON.parse(text.slice(at, head)) as unknown;
    if (Array.isArray(fields) && fields.length === 6 && fields.every((f) => typeof f === 'string')) parts.push([...(fields as string[]), text.slice(head + 1, end)]);
    at = end + 3;
  }
  return parts;
}
