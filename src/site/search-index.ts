/**
 * The search index for `search.html`, built from the JSON edition. It is a
 * script file (`search-index.js`) rather than JSON, because Chromium
 * refuses fetch() of a local file under file://.
 */

/** The parts of a document's JSON edition the index reads. */
interface JsonDocument {
  id?: string;
  file?: string;
  n?: string | null;
  title?: string | null;
  date?: { when?: string | null; text?: string | null } | null;
  sender?: { name?: string | null; place?: string | null } | null;
  recipient?: { name?: string | null; place?: string | null } | null;
  text?: string;
  entities?: Array<{ type?: string; ref?: string | null; start?: number; end?: number }>;
  notes?: Array<{ id?: string | null; n?: string | null; text?: string | null }>;
}

export interface SearchEntry {
  id: string;
  page: string;
  n: string;
  title: string;
  date: string;
  year: string;
  sender: string;
  recipient: string;
  places: string[];
  text: string;
  /** Each note's number, its text, and the id of its list item on the page (the target of docNNN.html#id). */
  notes: Array<{ n: string; text: string; id: string }>;
}

/** The entry of one document: `base` is its output base name (the id when the JSON has none), `page` its page (documentOutputs). */
export function searchEntry(json: string, base: string, page: string): SearchEntry {
  const d = JSON.parse(json) as JsonDocument;
  const text = d.text ?? '';
  const places = new Set<string>();
  for (const p of [d.sender?.place, d.recipient?.place]) if (p) places.add(p);
  // Entity offsets count code points, as XPath does.
  let codePoints: string[] | undefined;
  for (const e of d.entities ?? []) {
    if (e.type === 'place' && e.start !== undefined && e.end !== undefined) {
      codePoints ??= Array.from(text);
      places.add(codePoints.slice(e.start, e.end).join('').trim());
    }
  }
  const when = d.date?.when ?? '';
  return {
    id: d.id ?? base,
    page,
    n: d.n ?? '',
    title: d.title ?? '',
    date: d.date?.text ?? when,
    year: /^\d{4}/.exec(when)?.[0] ?? '',
    sender: d.sender?.name ?? '',
    recipient: d.recipient?.name ?? '',
    places: [...places].filter((p) => p !== '').sort(),
    text,
    notes: (d.notes ?? []).map((n) => ({ n: n.n ?? '', text: n.text ?? '', id: n.id ?? '' })),
  };
}

/** The script: one global the search page reads. `<` is escaped so the data can never close a tag. */
export function searchIndexScript(entries: readonly SearchEntry[]): string {
  const data = JSON.stringify(entries).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.EDITION_SEARCH_INDEX = ${data};\n`;
}

const scriptStart = 'window.EDITION_SEARCH_INDEX = ';

/**
 * The entries of a script searchIndexScript() wrote, by page; none when
 * it is not such a script. An incremental build takes the entries of
 * unchanged documents from here instead of reading their JSON again.
 */
export function searchIndexEntries(script: string): Map<string, SearchEntry> {
  const entries = new Map<string, SearchEntry>();
  if (!script.startsWith(scriptStart) || !script.endsWith(';\n')) return entries;
  try {
    const data = JSON.parse(script.slice(scriptStart.length, -2)) as unknown;
    if (!Array.isArray(data)) return entries;
    for (const e of data as SearchEntry[]) if (typeof e?.page === 'string') entries.set(e.page, e);
  } catch {
    // not ours: every entry is made again
  }
  return entries;
}
