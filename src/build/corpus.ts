/**
 * The teiCorpus the build assembles for the pages that span the edition
 * (index, registers, about, CMIF, search): the edition header, the
 * registers, and every document, in collection order.
 */
import { findDoctype } from '../parse/doctype.js';
import type { FileSummary, Mention } from '../edition/files.js';

/** The text from the root element's start tag on: no XML declaration, DOCTYPE or prolog comments. */
export function rootElementText(text: string): string {
  let i = 0;
  const doctype = findDoctype(text);
  if (doctype) i = doctype.end;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return '';
    if (text.startsWith('<?', lt)) i = text.indexOf('?>', lt) + 2;
    else if (text.startsWith('<!--', lt)) i = text.indexOf('-->', lt) + 3;
    else if (text.startsWith('<!DOCTYPE', lt)) i = findDoctype(text.slice(lt))!.end + lt;
    else return text.slice(lt).trimEnd();
  }
}

/** The start tag of the root element. */
export function rootStartTag(text: string): string {
  return /^<[^>]*>/.exec(rootElementText(text))?.[0] ?? '';
}

/** The teiHeader element of a TEI text (teiHeader does not nest, so the first end tag closes it). */
export function teiHeaderText(text: string): string | undefined {
  const m = /<teiHeader[\s>][\s\S]*?<\/teiHeader>/.exec(text);
  return m?.[0];
}

export interface CorpusParts {
  /** The edition header's text, if the edition has one. */
  header: string | undefined;
  registers: readonly string[];
  /** Documents in collection order. */
  documents: readonly string[];
  title: string;
}

const TEI = 'http://www.tei-c.org/ns/1.0';

export function assembleCorpus(parts: CorpusParts): string {
  const out: string[] = [`<teiCorpus xmlns="${TEI}">`];
  const header = parts.header ? teiHeaderText(parts.header) : undefined;
  if (header) out.push(header.replace(/^<teiHeader/, `<teiHeader xmlns="${TEI}"`));
  else {
    const title = parts.title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    out.push(`<teiHeader><fileDesc><titleStmt><title>${title}</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>`);
  }
  if (parts.header) out.push(rootElementText(parts.header));
  for (const r of parts.registers) out.push(rootElementText(r));
  for (const d of parts.documents) out.push(rootElementText(d));
  out.push('</teiCorpus>');
  return out.join('\n');
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/**
 * A name as the corpus carries it: empty, since the edition-wide pages read
 * only which entries a name points at and where it stands.
 */
function mentionXml(m: Mention): string {
  return `<${m.element} ref="${escapeAttribute(m.ref)}"/>`;
}

/**
 * A document as the corpus carries it: its teiHeader and front as written,
 * its embedded texts (empty, with their ids), the type of its body's first
 * div (an empty div), and its text reduced to the names it mentions (any
 * element with @ref) and its notes: every note, with its attributes, nested
 * as in the text, so that each keeps the number and id its position gives
 * it, the names in notes inside their outermost note. This is all the
 * edition-wide pages read, and it keeps the corpus small and unchanged by
 * edits to a letter's wording.
 * The names are empty and each @ref is kept once in the text and once in
 * each note: a register page lists a document (or a note) once however
 * often it names an entry there, and every node of the corpus costs time
 * and memory in every edition-wide transformation.
 */
export function corpusDocument(text: string, summary: FileSummary): string {
  return corpusDocumentParts(text, summary).text;
}

export interface CorpusDocumentParts {
  /** The document as the corpus carries it (corpusDocument). */
  text: string;
  /**
   * The part of it that the lists of the documents (index.html,
   * json/index.json) read: its start tag, teiHeader, front and embedded
   * texts, without the names of its text and notes.
   */
  listed: string;
}

/** corpusDocument, with the part of it the lists of the documents read. */
export function corpusDocumentParts(text: string, summary: FileSummary): CorpusDocumentParts {
  const root = rootElementText(text);
  const startTag = /^<[^>]*>/.exec(root)?.[0] ?? '<TEI>';
  const selfClosing = startTag.endsWith('/>');
  let open = selfClosing ? `${startTag.slice(0, -2)}>` : startTag;
  // The file name tells the stylesheets which pages a document has, even when it has no xml:id.
  if (!/\sxml:base\s*=/.test(open)) open = `${open.slice(0, -1)} xml:base="${escapeAttribute(summary.name)}">`;
  const front = /<front[\s>][\s\S]*?<\/front>/.exec(root)?.[0] ?? '';
  const embedded = (summary.embedded ?? [])
    .map((f) => {
      const attributes = ([['xml:id', f.id], ['decls', f.decls], ['type', f.type]] as Array<[string, string | undefined]>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ` ${k}="${escapeAttribute(v!)}"`)
        .join('');
      return `<floatingText${attributes}><body><p/></body></floatingText>`;
    })
    .join('');
  const closeName = /^<([^\s>/]+)/.exec(startTag)?.[1] ?? 'TEI';
  const header = teiHeaderText(root) ?? '';
  // The names outside notes, each @ref once, in the body; every note in the back, nested as in the text, each
  // outermost note holding the names that stand in it (each @ref once).
  const inText: string[] = [];
  const refsInText = new Set<string>();
  const notes = summary.notes ?? [];
  const namesInNote = notes.map(() => ({ names: [] as string[], refs: new Set<string>() }));
  for (const m of summary.mentions ?? []) {
    const into = m.note >= 0 ? namesInNote[m.note] : undefined;
    const refs = into ? into.refs : refsInText;
    if (refs.has(m.ref)) continue;
    refs.add(m.ref);
    (into ? into.names : inText).push(mentionXml(m));
  }
  const children = notes.map(() => [] as number[]);
  const topNotes: number[] = [];
  notes.forEach((n, i) => (n.parent >= 0 ? children[n.parent]! : topNotes).push(i));
  const noteXml = (i: number): string => {
    // Namespace declarations and prefixed attributes (but xml:) are left out: their prefixes may be declared further up.
    const attributes = Object.entries(notes[i]!.attributes)
      .filter(([k]) => k !== 'xmlns' && (!k.includes(':') || k.startsWith('xml:')))
      .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
      .join('');
    return `<note${attributes}>${namesInNote[i]!.names.join('')}${children[i]!.map(noteXml).join('')}</note>`;
  };
  const notesXml = topNotes.map(noteXml).join('');
  // The first div's type names the kind of document when the header does not (f:doc-type): kept, empty, as the body's first div.
  const typedDiv = summary.bodyDivType !== undefined ? `<div type="${escapeAttribute(summary.bodyDivType)}"/>` : '';
  return {
    text: `${open}${header}<text>${front}<body>${typedDiv}<p>${inText.join('')}</p>${embedded}</body>${notesXml ? `<back><div type="notes">${notesXml}</div></back>` : ''}</text></${closeName}>`,
    listed: `${open}${header}${front}${typedDiv}${embedded}`,
  };
}
