/**
 * A new document from a template that already validates: `edition new`.
 * The editor then fills in the text, the signature and the notes.
 */
import type { FileSummary, RegisterKind } from './files.js';
import { parseIsoDate, isSpan, yearOf } from '../rules/dates.js';
import { didYouMean } from '../rules/suggest.js';
import { LineIndex } from '../read/positions.js';
import { escapeXml } from '../parse/escape.js';

/**
 * The template's placeholder texts, each with what replaces it: the
 * template-text rule warns about every one still in a document.
 */
export const templateTexts: ReadonlyArray<{ text: string; replace: string }> = [
  { text: 'Repository to be supplied', replace: 'the repository that holds the original' },
  { text: 'to be supplied', replace: 'the archival signature (fond, opis, delo)' },
  { text: 'Physical description to be supplied.', replace: 'the physical description of the original' },
  { text: 'Text to be transcribed.', replace: 'the transcription' },
];

/** The template-text rule's message for one placeholder. */
export function templateMessage(template: { text: string; replace: string }): string {
  return `Template text "${template.text}" is still here: replace it with ${template.replace}`;
}

/**
 * A file of this edition up to its sourceDesc: the XML declaration, the
 * xml-model line when given, the TEI start tag, the title (already XML)
 * and the publication statement that points at the edition header. The
 * template of `edition new` and the benchmark's generated letters and
 * registers start this way.
 */
export function editionFileStart(file: { id: string; n?: number; title: string; model?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${file.model ?? ''}<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${file.id}"${file.n !== undefined ? ` n="${file.n}"` : ''} xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>${file.title}</title>
      </titleStmt>
      <publicationStmt>
        <p>Part of the edition described in <ref target="edition.xml">the edition header</ref>.</p>
      </publicationStmt>
      <sourceDesc>
`;
}

/**
 * The division types that are not a document's kind: blocks of notes and
 * the parts of the edition header's text (schema/edition.rng documents
 * `div/@type` so). The others the schema allows (telegram, letter) are
 * the kinds `edition new --type` accepts.
 */
const notDocumentTypes = new Set(['notes', 'editorial-notes', 'about', 'principles', 'citation']);

/**
 * The document types a RelaxNG schema (XML syntax) allows: the values of
 * `@type` on its `div` element, but those of notes and the header's text.
 * undefined when the schema gives no list (tei_all: any word).
 */
export function documentTypes(schemaText: string): string[] | undefined {
  const div = /<element\s+name="div"\s*>/.exec(schemaText);
  if (!div) return undefined;
  const rest = schemaText.slice(div.index);
  const attribute = /<attribute\s+name="type"\s*>([^]*?)<\/attribute>/.exec(rest);
  const nextElement = rest.indexOf('<element', 1);
  if (!attribute || (nextElement >= 0 && attribute.index > nextElement)) return undefined;
  const values = [...attribute[1]!.matchAll(/<value>([^<]*)<\/value>/g)].map((m) => m[1]!.trim()).filter((v) => !notDocumentTypes.has(v));
  return values.length > 0 ? values : undefined;
}

export interface NewDocumentOptions {
  /** The document types the schema allows (`documentTypes`); undefined: any word. */
  types?: readonly string[];
  /** The schema's file as the editor knows it, named when a type is refused. */
  schemaName?: string;
  /** The edition's years (`dateRange`): a date outside them is a warning. */
  dateRange?: { from: number; to: number };
}

/** A warning about the new document at once, at its line and column, as `edition validate` will give it. */
export interface NewDocumentWarning {
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface NewDocumentRequest {
  /** The number as given (`--n 70`): a string is read as digits only. */
  n: number | string;
  type: string;
  from: string;
  to: string;
  date: string;
  fromPlace?: string;
  toPlace?: string;
  /**
   * The schema as the document's xml-model processing instruction names it,
   * relative to the source folder (`../schema/edition.rng`); none: no line.
   */
  schemaHref?: string;
}

export interface NewDocumentPlan {
  /** File name in the source folder (`doc070.xml`). */
  name: string;
  id: string;
  text: string;
  /** The template texts still to be replaced: what `edition validate` will warn about. */
  templates: Array<{ line: number; column: number; message: string }>;
  /** Other warnings about the values given (a date outside the edition's range), at their places in `text`. */
  warnings: NewDocumentWarning[];
}

function registerIds(files: readonly FileSummary[], kind: RegisterKind): { file: string; ids: Set<string>; names: Record<string, string>; aliases: Record<string, string[]> } | undefined {
  const register = files.find((f) => f.register === kind);
  return register
    ? { file: register.name, ids: new Set(Object.keys(register.entryNames ?? {})), names: register.entryNames ?? {}, aliases: register.entryAliases ?? {} }
    : undefined;
}

/** Plan the new document, or list every reason it cannot be made. */
export function planNewDocument(request: NewDocumentRequest, files: readonly FileSummary[], options: NewDocumentOptions = {}): NewDocumentPlan | { problems: string[] } {
  const problems: string[] = [];
  const n = typeof request.n === 'number' ? request.n : /^\s*\d+\s*$/.test(request.n) ? Number(request.n) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 99999) {
    problems.push(`--n must be a whole number from 1 to 99999, such as 70; got ${JSON.stringify(String(request.n))}`);
  }
  if (!/^[a-z][a-z-]*$/.test(request.type)) {
    const hint = options.types ? didYouMean(request.type, options.types.map((id) => ({ id }))) : '';
    problems.push(`--type must be a word in lower case such as ${options.types ? options.types.join(' or ') : 'telegram or letter'}, got "${request.type}"${hint}`);
  } else if (options.types && !options.types.includes(request.type)) {
    const hint = didYouMean(request.type, options.types.map((id) => ({ id })));
    problems.push(`--type "${request.type}" is not a document type ${options.schemaName ? `${options.schemaName} allows` : 'the schema allows'}: use ${options.types.join(' or ')}${hint}`);
  }
  const span = parseIsoDate(request.date);
  if (!isSpan(span)) problems.push(`--date "${request.date}" is not a valid date: ${span.error}`);
  const id = `doc${String(n).padStart(3, '0')}`;
  const name = `${id}.xml`;
  const taken = Number.isInteger(n) ? files.find((f) => f.kind === 'document' && (f.n === String(n) || f.name === name)) : undefined;
  if (taken) problems.push(`No. ${n} is already in use by ${taken.name}`);
  const persons = registerIds(files, 'persons');
  const places = registerIds(files, 'places');
  const check = (register: ReturnType<typeof registerIds>, kind: string, option: string, value: string | undefined): void => {
    if (value === undefined) return;
    if (!register) problems.push(`${option} "${value}": the edition has no ${kind} register`);
    else if (!register.ids.has(value)) {
      const hint = didYouMean(value, [...register.ids].map((id) => ({ id, names: register.aliases[id] ?? [] })));
      problems.push(`${option} "${value}" is not an entry of ${register.file}${hint}`);
    }
  };
  check(persons, 'persons', '--from', request.from);
  check(persons, 'persons', '--to', request.to);
  check(places, 'places', '--from-place', request.fromPlace);
  check(places, 'places', '--to-place', request.toPlace);
  if (problems.length > 0) return { problems };

  const personsFile = persons!.file;
  const personName = (id: string): string => escapeXml(persons!.names[id] ?? id);
  const placeName = (id: string): string => escapeXml(places?.names[id] ?? id);
  const kind = escapeXml(request.type[0]!.toUpperCase() + request.type.slice(1));
  const title = `${kind} of ${personName(request.from)} to ${personName(request.to)}`;
  const placesFile = places?.file ?? 'places.xml';
  const place = (ref: string | undefined): string =>
    ref ? `\n          <placeName ref="${placesFile}#${escapeXml(ref)}">${placeName(ref)}</placeName>` : '';
  const when = escapeXml(request.date);
  const model = request.schemaHref !== undefined
    ? `<?xml-model href="${escapeXml(request.schemaHref)}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n`
    : '';
  const text = `${editionFileStart({ id, n, title, model })}        <msDesc>
          <msIdentifier>
            <!-- Replace with the archival signature: repository, fond, opis, delo, and the citation as printed. -->
            <repository>${templateTexts[0]!.text}</repository>
            <idno type="fond">${templateTexts[1]!.text}</idno>
          </msIdentifier>
          <physDesc>
            <!-- @form is the physical form of the original (leaf, telegraph-form), not its genre: add it when known. -->
            <objectDesc>
              <p>${templateTexts[2]!.text}</p>
            </objectDesc>
          </physDesc>
        </msDesc>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc xml:id="${id}-corresp">
        <correspAction type="sent">
          <persName ref="${personsFile}#${escapeXml(request.from)}">${personName(request.from)}</persName>${place(request.fromPlace)}
          <date when="${when}">${when}</date>
        </correspAction>
        <correspAction type="received">
          <persName ref="${personsFile}#${escapeXml(request.to)}">${personName(request.to)}</persName>${place(request.toPlace)}
        </correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <front>
      <docTitle>
        <titlePart type="number">No. ${n}</titlePart>
        <titlePart type="main">${title}</titlePart>
      </docTitle>
      <docDate when="${when}">${when}</docDate>
    </front>
    <body>
      <div type="${escapeXml(request.type)}">
        <p>${templateTexts[3]!.text}</p>
      </div>
    </body>
  </text>
</TEI>
`;
  const warnings: NewDocumentWarning[] = [];
  const range = options.dateRange;
  if (range && isSpan(span) && span.first !== undefined && span.last !== undefined && (yearOf(span.last) < range.from || yearOf(span.first) > range.to)) {
    // Where the date-out-of-range rule will report it: each element that carries it.
    const lines = new LineIndex(text);
    const needle = ` when="${when}"`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      warnings.push({ ...lines.position(text.lastIndexOf('<', at)), rule: 'date-out-of-range', message: `@when="${request.date}" lies outside the edition's range ${range.from}–${range.to}` });
    }
  }
  return { name, id, text, templates: templatePlaces(text), warnings };
}

/** Where the template texts stand in a new document's text: line, column and message, in order. */
function templatePlaces(text: string): Array<{ line: number; column: number; message: string }> {
  const lines = new LineIndex(text);
  const places: Array<{ line: number; column: number; message: string }> = [];
  for (const t of templateTexts) {
    const needle = `>${t.text}<`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      // The element's start tag, where the template-text rule reports it.
      const start = text.lastIndexOf('<', at);
      places.push({ ...lines.position(start), message: templateMessage(t) });
    }
  }
  return places.sort((a, b) => a.line - b.line || a.column - b.column);
}
