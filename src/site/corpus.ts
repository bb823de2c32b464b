/**
 * The input of the edition-wide transformation (xslt/corpus.xsl): the
 * edition header, the registers, and every document's summary (made by
 * the stylesheets, xslt/common/summary.xsl), in collection order. Files
 * and summaries are put together as they are; what a document contributes
 * is decided by the stylesheets alone.
 */
import { findDoctype } from '../parse/doctype.js';

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

/** The summaries' namespace (xslt/common/summary.xsl). */
export const SUMMARY_NAMESPACE = 'urn:edition:summary';

export interface EditionInputParts {
  /** The edition header's text, if the edition has one. */
  header: string | undefined;
  registers: readonly string[];
  /** The documents' summaries, in collection order. */
  summaries: readonly string[];
}

/** The edition-wide input: `<s:edition>` holding `<s:header>`, the `<s:register>`s and the summaries. */
export function assembleEditionInput(parts: EditionInputParts): string {
  const out: string[] = [`<s:edition xmlns:s="${SUMMARY_NAMESPACE}">`];
  if (parts.header) out.push(`<s:header>${rootElementText(parts.header)}</s:header>`);
  for (const r of parts.registers) out.push(`<s:register>${rootElementText(r)}</s:register>`);
  out.push(...parts.summaries);
  out.push('</s:edition>');
  return out.join('\n');
}
