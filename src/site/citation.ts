/**
 * What a citation of a document needs from the edition header that the
 * document itself does not hold: the names of this edition's editors and
 * the printed collection the documents come from. Read once per build from
 * the header and passed to every transformation as two string parameters
 * (the page's citation, its meta tags and JSON-LD, and the CSL-JSON and
 * BibTeX downloads all use them). A name that is a placeholder is left out.
 *
 *   citation-editors     the editors' names, separated by '; ' ('' when none is set)
 *   citation-collection  the printed collection as one tab-separated record:
 *                        title TAB compilers ('; ') TAB place TAB publisher TAB year
 *                        ('' when the header names none)
 */
import { childElements, descendants, localName, parseXml, textOf } from '../parse/tree.js';
import type { XmlElement } from '../parse/tree.js';
import { PLACEHOLDER_MARK } from './unset-values.js';

export interface CitationParams {
  'citation-editors': string;
  'citation-collection': string;
}

const named = (e: XmlElement, name: string): XmlElement[] => descendants(e).filter((d) => localName(d.name) === name);
const usable = (s: string): boolean => s !== '' && !s.includes(PLACEHOLDER_MARK);
const clean = (s: string): string => s.replace(/[\t\n]/g, ' ').trim();

export function citationParams(headerText: string | undefined): CitationParams {
  const none = { 'citation-editors': '', 'citation-collection': '' };
  if (headerText === undefined) return none;
  let root: XmlElement;
  try {
    root = parseXml(headerText).root;
  } catch {
    return none;
  }
  const titleStmt = named(root, 'titleStmt')[0];
  const editorsStmt = titleStmt ? childElements(titleStmt, 'respStmt').find((r) => r.attributes['xml:id'] === 'editors') : undefined;
  const editors = editorsStmt
    ? childElements(editorsStmt).filter((e) => ['persName', 'name', 'orgName'].includes(localName(e.name))).map(textOf).filter(usable)
    : [];
  const sourceDesc = named(root, 'sourceDesc')[0];
  const printed = sourceDesc
    ? childElements(sourceDesc, 'bibl').find((b) => b.attributes['type'] === 'printed') ?? childElements(sourceDesc, 'biblStruct')[0]
    : undefined;
  let collection = '';
  if (printed) {
    const first = (name: string): string => {
      const e = named(printed, name).find((d) => usable(textOf(d)));
      return e ? clean(textOf(e)) : '';
    };
    const title = (named(printed, 'title').find((t) => t.attributes['level'] === 'm') ?? named(printed, 'title')[0]);
    const compilers = named(printed, 'editor').map(textOf).filter(usable).map(clean);
    const date = named(printed, 'date')[0];
    const year = date ? (date.attributes['when'] ?? textOf(date)).slice(0, 4) : '';
    const titleText = title ? clean(textOf(title)) : '';
    if (usable(titleText)) collection = [titleText, compilers.join('; '), first('pubPlace'), first('publisher'), /^\d{4}$/.test(year) ? year : ''].join('\t');
  }
  return { 'citation-editors': editors.map(clean).join('; '), 'citation-collection': collection };
}
