/**
 * Output base names for source files: `doc068.xml` → `doc068`, whence
 * `doc068.html`, `text/doc068.txt`, `json/doc068.json`, `tei/doc068.xml`.
 *
 * The mapping is decided once, for all files, before any transformation:
 * - a name that is already safe (`[A-Za-z0-9_][A-Za-z0-9._-]*`, no `..`,
 *   at most 120 characters, not a Windows device name) and, for a document,
 *   not the name of one of the site's own pages keeps its stem, so existing
 *   links do not break;
 * - any other name is made safe: `%XX` escapes decoded, accents dropped
 *   (`Über` → `Uber`, `ß` → `ss`), every run of other characters made one
 *   `-`, the ends trimmed (`Brief (Kopie).xml` → `Brief-Kopie`); a document
 *   named like a site page gets `-doc` (`index.xml` → `index-doc`);
 * - names equal without regard to case (`index.xml` and `Index.xml`, or two
 *   names made safe alike) are told apart: the one that kept its own stem,
 *   else the first in code-point order, keeps the name; each other gets `-`
 *   and eight hex digits of the SHA-256 of its original file name.
 * The result depends only on the set of names, never on their order.
 */
import { createHash } from 'node:crypto';

/** What a source file is, for its name: a document gets pages of its own, so site page names are refused to it. */
export interface NamedSource {
  /** The file name as it is in the folder (`Über 1890.xml`). */
  name: string;
  /** Whether the file is a document (its outputs sit beside the site's own pages). */
  document: boolean;
}

/**
 * Base names the site's own outputs use, at the root (`index.html`,
 * `search-index.js`), in `text/` (`edition.txt`), in `json/` (`index.json`,
 * `persons.json` …) and as folders (`persons/`, `tei/`). Compared without
 * regard to case.
 */
export const reservedBaseNames: ReadonlySet<string> = new Set([
  'index', 'search', 'search-index', 'about', 'schema', 'cmif', 'edition', 'edition-header', 'entry-pages', 'entry-parts', 'authority-uris',
  'persons', 'places', 'orgs', 'bibls', 'keys', 'assets', 'tei', 'text', 'json', 'summary', 'cite',
]);

const safeStem = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const deviceName = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
const maxStem = 120;

/** Whether a stem may name outputs as it is. */
export function isSafeStem(stem: string): boolean {
  return stem.length > 0 && stem.length <= maxStem && safeStem.test(stem) && !stem.includes('..') && !stem.endsWith('.') && !deviceName.test(stem);
}

/** Whether a stem is one of the site's own names (`Index`, `EDITION`). */
export function isReservedStem(stem: string): boolean {
  return reservedBaseNames.has(stem.toLowerCase());
}

function stemOf(name: string): string {
  return name.replace(/\.xml$/i, '');
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A safe stem made from any stem (not yet told apart from others). */
export function safeStemFor(stem: string): string {
  let s = decodePercent(stem).replace(/ß/g, 'ss').replace(/Æ/g, 'AE').replace(/æ/g, 'ae').replace(/Ø/g, 'O').replace(/ø/g, 'o')
    .replace(/Œ/g, 'OE').replace(/œ/g, 'oe').replace(/Ł/g, 'L').replace(/ł/g, 'l');
  s = s.normalize('NFKD').replace(/\p{M}+/gu, '');
  s = s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[-.]+|[-.]+$/g, '');
  if (s.length > maxStem) s = s.slice(0, maxStem).replace(/[-.]+$/, '');
  if (s === '') s = 'document';
  if (deviceName.test(s)) s = `${s}-doc`;
  return s;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The output base name of every source, by its file name. Two sources with
 * the same file name (in different subfolders) are not told apart here: the
 * caller names files uniquely.
 */
export function outputBaseNames(sources: readonly NamedSource[]): Map<string, string> {
  const unique = [...new Map(sources.map((s) => [s.name, s])).values()].sort((a, b) => byCodePoint(a.name, b.name));
  const candidates = unique.map((s) => {
    const stem = stemOf(s.name);
    const reserved = s.document && isReservedStem(stem);
    if (isSafeStem(stem) && !reserved) return { name: s.name, base: stem, own: true };
    const safe = safeStemFor(stem);
    return { name: s.name, base: s.document && isReservedStem(safe) ? `${safe}-doc` : safe, own: false };
  });
  const groups = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const key = c.base.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const result = new Map<string, string>();
  const taken = new Set<string>();
  const suffixed: Array<{ name: string; base: string }> = [];
  for (const group of groups.values()) {
    // Sorted by file name already; the one that kept its own stem goes first.
    const keeper = group.find((c) => c.own) ?? group[0]!;
    result.set(keeper.name, keeper.base);
    taken.add(keeper.base.toLowerCase());
    for (const c of group) if (c !== keeper) suffixed.push(c);
  }
  for (const c of suffixed) {
    let base = `${c.base.slice(0, maxStem - 9)}-${shortHash(c.name)}`;
    for (let i = 2; taken.has(base.toLowerCase()); i++) base = `${c.base.slice(0, maxStem - 9)}-${shortHash(`${c.name}\u0000${i}`)}`;
    taken.add(base.toLowerCase());
    result.set(c.name, base);
  }
  return result;
}
