/**
 * Register entry pages (persons/ID.html, places/ID.html, orgs/ID.html) are
 * made one by one when they change, not all whenever the corpus does: each
 * has a key of its own, from what its page shows.
 *
 * An entry page shows the entry (from its register), the documents that
 * name it (their titles and where in them the name stands) and the frame
 * every page has. The key is kept on the side of too much, so that a page
 * is never kept when it would have changed:
 *   - the hashes the validation summary gives the entry's id in registers
 *     and the edition header (the entry, its list, what it points at and
 *     what points at it: `entryKeys` in src/edition/files.ts);
 *   - every document with a pointer to that id, whatever its file or
 *     attribute, by name and by the hash of what the corpus carries of it
 *     (src/build/corpus.ts), in collection order;
 *   - what every page's frame shows, and the toolchain (`shared`).
 */
import type { FileSummary } from '../edition/files.js';
import { pointedId } from '../edition/files.js';
import { hashText } from '../validate/cache.js';

export interface EntryPageSources {
  /** What every edition-wide output depends on: toolchain, stylesheets, parameters, edition header. */
  shared: string;
  /** Registers and the edition header. */
  registers: ReadonlyArray<{ name: string; summary: FileSummary }>;
  /** The documents in collection order, with the text the corpus carries of each. */
  documents: ReadonlyArray<{ name: string; summary: FileSummary; corpusText: string }>;
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
  for (const d of sources.documents) {
    let corpusHash: string | undefined;
    const named = new Set<string>();
    for (const p of d.summary.pointers) {
      const id = pointedId(p.value);
      if (id !== undefined) named.add(id);
    }
    for (const id of named) {
      const parts = material.get(id);
      if (!parts) continue;
      corpusHash ??= hashText(d.corpusText);
      parts.push('document', d.name, corpusHash);
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
