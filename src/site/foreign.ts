/**
 * What the build passes the stylesheets about a folder's files beyond each
 * file itself: which register entries a document's pointers name (found
 * by the registers' content, whatever their file names), the folder's
 * documents and their output names, and the identity of a foreign corpus
 * (its title, licence and language, from its own headers).
 */
import type { FileSummary, LetterMetadata, RegisterKind } from '../edition/files.js';
import { decodeEntities } from '../parse/escape.js';

const entryKinds: Record<string, RegisterKind> = { person: 'persons', personGrp: 'persons', place: 'places', org: 'orgs' };

/**
 * Every register entry of the files given, by id: its kind (the first file
 * and entry of an id win). The registers come first; then, in a foreign
 * folder, the documents, whose own lists (a letter's back/listPerson,
 * particDesc …) describe the persons, places and organisations they name:
 * their summaries carry those entries (xslt/common/summary.xsl, s:entries)
 * and the edition-wide pages merge them by id into register entries.
 */
export function registerEntryIndex(registers: readonly FileSummary[], documents: readonly FileSummary[] = []): Map<string, RegisterKind> {
  const index = new Map<string, RegisterKind>();
  for (const r of [...registers, ...documents]) {
    for (const { id, element } of r.ids) {
      const kind = entryKinds[element];
      if (kind !== undefined && !index.has(id)) index.set(id, kind);
    }
  }
  return index;
}

/**
 * The register entries a document names through '#id' pointers or through
 * pointers into a register file of any name (`listplace.xml#pmb50`), as
 * the stylesheets' register-entries parameter: 'id kind' pairs separated
 * by spaces, each id once. Pointers of this edition's own form
 * (`persons.xml#id`) the stylesheets read without help.
 */
export function registerEntriesOf(document: FileSummary, index: ReadonlyMap<string, RegisterKind>, registerFiles: ReadonlySet<string>): string {
  if (index.size === 0) return '';
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const p of document.pointers) {
    const hash = p.value.indexOf('#');
    if (hash < 0 || hash === p.value.length - 1) continue;
    const file = p.value.slice(0, hash);
    if (file !== '' && !registerFiles.has(file.replace(/^.*\//, ''))) continue;
    const id = p.value.slice(hash + 1);
    const kind = index.get(id);
    if (kind === undefined || seen.has(id)) continue;
    seen.add(id);
    pairs.push(id, kind);
  }
  return pairs.join(' ');
}

/**
 * The stylesheets' document-files parameter: 'file name TAB base name', one document a line; with
 * `letters`, a document's title and ISO date of sending follow ('L2.xml TAB L2 TAB Brief an … TAB
 * 1890-05-01'), for the text of an empty reference to it (`<ref target="L2"/>`).
 */
export function documentFilesParam(bases: ReadonlyMap<string, string>, documents: readonly string[],
  letters?: ReadonlyMap<string, LetterMetadata | undefined>): string {
  const field = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  return documents.filter((d) => bases.has(d)).map((d) => {
    const letter = letters?.get(d);
    return letter === undefined ? `${d}\t${bases.get(d)!}` : `${d}\t${bases.get(d)!}\t${field(letter.title)}\t${field(letter.date)}`;
  }).join('\n');
}

/**
 * The document-files parameter for one document of a foreign folder: the document itself (its page
 * names its source file) and the documents of the folder its pointers name ('B0917', 'L1.xml#p2'),
 * as the stylesheets look them up (f:site-href: a pointer without '/' or ':', with or without
 * '.xml'), with their titles and dates (`letters`, when given). Only these: the whole
 * folder in every transformation cost each one a line per document.
 */
export function documentFilesOf(document: FileSummary, documents: ReadonlySet<string>, bases: ReadonlyMap<string, string>,
  letters?: ReadonlyMap<string, LetterMetadata | undefined>): string {
  const files = new Set<string>([document.name]);
  for (const p of document.pointers) {
    const value = p.value.trim();
    if (value === '' || value.startsWith('#') || value.includes('/') || value.includes(':')) continue;
    const hash = value.indexOf('#');
    const file = hash < 0 ? value : value.slice(0, hash);
    for (const name of [file, `${file}.xml`]) if (documents.has(name)) files.add(name);
  }
  // Every line of a file alike, its own document's too: a batch passes the lines of its documents together.
  return documentFilesParam(bases, [...files], letters);
}

export interface CorpusIdentity {
  title: string | undefined;
  licenceUrl: string | undefined;
  lang: string | undefined;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    // Ties go to the value seen first, so the result follows the collection order.
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

const plain = (xml: string): string => decodeEntities(xml.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/**
 * A foreign corpus's identity from its documents' headers: the series
 * title most of them give (titleStmt/title[@level='s'], else
 * seriesStmt/title), the licence URL most give, the language most give
 * (langUsage/language/@ident, else TEI/@xml:lang). Read from the header's
 * text only; undefined where the headers say nothing.
 */
export function corpusIdentity(texts: readonly string[]): CorpusIdentity {
  const titles: string[] = [];
  const licences: string[] = [];
  const langs: string[] = [];
  for (const text of texts) {
    const end = text.indexOf('</teiHeader>');
    const header = end < 0 ? text : text.slice(0, end);
    const series = /<title\b[^>]*\blevel\s*=\s*["']s["'][^>]*>([\s\S]*?)<\/title>/.exec(header)
      ?? /<seriesStmt\b[^>]*>[\s\S]*?<title\b[^>]*>([\s\S]*?)<\/title>/.exec(header);
    const title = series ? plain(series[1]!) : '';
    if (title !== '') titles.push(title);
    const licence = /<licence\b[^>]*\btarget\s*=\s*["']([^"']+)["']/.exec(header);
    if (licence) licences.push(decodeEntities(licence[1]!.trim()));
    const lang = /<language\b[^>]*\bident\s*=\s*["']([^"']+)["']/.exec(header) ?? /<TEI\b[^>]*\bxml:lang\s*=\s*["']([^"']+)["']/.exec(text);
    if (lang && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(lang[1]!.trim())) langs.push(lang[1]!.trim());
  }
  return { title: mostCommon(titles), licenceUrl: mostCommon(licences), lang: mostCommon(langs) };
}
