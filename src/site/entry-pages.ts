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
 *   - what every page's frame shows, and the toolchain (`shared`);
 *   - in a foreign folder (`foreign`), the entries that have pages there: those its documents name
 *     (`kind#id`, of an entry the registers or the letters' own lists
 *     describe). A page links to the entries its parts name only when they
 *     have a page (fp:entry-name-link, xslt/html/edition.xsl), so when a
 *     letter begins to name an entry, or the last letter naming it goes,
 *     the pages linking to it change though nothing of their own did.
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
  /** Whether the edition is a foreign folder, where only the entries its documents name have pages. */
  foreign: boolean;
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(Number.parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : xmlEntities[e]!);

/** The ids of the register entries a summary names (its s:names/@entries, 'kind#id' tokens). */
export function summaryEntryIds(summary: string): Set<string> {
  const ids = new Set<string>();
  for (const token of summaryEntryTokens(summary)) ids.add(token.slice(token.indexOf('#') + 1));
  return ids;
}

/** The 'kind#id' tokens of a summary's s:names/@entries. */
function summaryEntryTokens(summary: string): Set<string> {
  const tokens = new Set<string>();
  for (const m of summary.matchAll(/\sentries="([^"]*)"/g)) {
    for (const token of unescape(m[1]!).split(/\s+/)) if (token.indexOf('#') > 0) tokens.add(token);
  }
  return tokens;
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
  let shared = sources.shared;
  if (sources.foreign) {
    const named = new Set<string>();
    for (const d of sources.documents) for (const token of summaryEntryTokens(d.summary)) if (material.has(token.slice(token.indexOf('#') + 1))) named.add(token);
    shared = hashText(shared, 'entries with pages', ...[...named].sort());
  }
  const keys = new Map<string, string>();
  for (const [id, parts] of material) keys.set(id, hashText(shared, id, ...parts));
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

const ENTRY_PARTS_FORMAT = 2;

/** The file beside the manifest. */
export function entryPartsPath(manifestFile: string): string {
  return manifestFile.replace(/\.json$/, '.entry-parts.txt');
}

/**
 * The file holds a line `{"format":2}`, then per entry id a line holding a
 * JSON array [id, key, count] and its `count` parts as corpus.xsl writes
 * them (entry-parts/N.txt)
 * gives them (parseEntryParts). Written part by part, never as one string:
 * at 1,000 letters the parts are 13 MB, at 10,000 over 100 MB.
 */
export function readEntryParts(path: string): KeptEntryParts {
  const kept: KeptEntryParts = new Map();
  if (!existsSync(path)) return kept;
  try {
    const text = readFileSync(path, 'utf8');
    let at = text.indexOf('\n') + 1;
    if ((JSON.parse(text.slice(0, at)) as { format?: number }).format !== ENTRY_PARTS_FORMAT) return kept;
    while (at > 0 && at < text.length) {
      const end = text.indexOf('\n', at);
      const [id, key, count] = JSON.parse(text.slice(at, end)) as [string, string, number];
      at = end + 1;
      const parts: EntryParts[] = [];
      for (let i = 0; i < count; i++) {
        const record = entryPartsRecord(text, at);
        if (!record) return new Map();
        parts.push(record.parts);
        at = record.next;
      }
      kept.set(id, { key, parts });
    }
    return kept;
  } catch {
    return new Map();
  }
}

export function writeEntryParts(path: string, kept: KeptEntryParts): void {
  writeFileAtomic(path, (function* chunks(): Generator<string> {
    yield `${JSON.stringify({ format: ENTRY_PARTS_FORMAT })}\n`;
    for (const [id, { key, parts }] of kept) {
      yield `${JSON.stringify([id, key, parts.length])}\n`;
      for (const p of parts) yield `${JSON.stringify(p.slice(0, 6))}\n${p[6]!}\n\t\n`;
    }
  })());
}

/** One record of entry parts (corpus.xsl's entry-parts/N.txt) from `at`: its seven strings and where the next begins; undefined when none is whole there. */
function entryPartsRecord(text: string, at: number): { parts: EntryParts; next: number } | undefined {
  const head = text.indexOf('\n', at);
  const end = head < 0 ? -1 : text.indexOf('\n\t\n', head);
  if (end < 0) return undefined;
  const fields = JSON.parse(text.slice(at, head)) as unknown;
  if (!Array.isArray(fields) || fields.length !== 6 || !fields.every((f) => typeof f === 'string')) return undefined;
  return { parts: [...(fields as string[]), text.slice(head + 1, end)], next: end + 3 };
}

/**
 * The parts corpus.xsl writes to entry-parts/N.txt: for each entry, a line
 * holding a JSON array of six strings (key, id, sort, label, life,
 * counts), its JSON object's text, and a line holding one tab (a JSON text
 * laid out with spaces has no tab: one in a string is written \t).
 */
export function parseEntryParts(text: string): EntryParts[] {
  const parts: EntryParts[] = [];
  for (let at = 0, record = entryPartsRecord(text, 0); record; at = record.next, record = entryPartsRecord(text, at)) parts.push(record.parts);
  return parts;
}
