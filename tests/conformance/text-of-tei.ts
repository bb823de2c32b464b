import { XMLParser } from 'fast-xml-parser';

/**
 * "The text of a TEI document", as the fidelity checks compare it with the
 * source: every text node in document order (header included, so the
 * archival citation and the physical description count), both sides of every
 * `choice` (they are ordinary text nodes), the `@n` of every note anchor
 * (`anchor type="note"`) where it stands, and each note's `@n` before its text.
 *
 * Pieces are joined with a space at every element boundary, so "Pre" and
 * "Chairman" in `<abbr>Pre</abbr><expan>Chairman</expan>` stay two words. The
 * one exception is a line or page break inside a word (`lb`/`pb`
 * with `break="no"`), which joins the two halves.
 */
export function textOfTei(xml: string): string {
  const nodes = parser.parse(xml) as OrderedNode[];
  const pieces: string[] = [];
  collect(nodes, pieces);
  return pieces
    .join('')
    .replace(/\s*\u0000\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Case-folded words: runs of Unicode letters and digits. */
export function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('en').match(/[\p{L}\p{N}]+/gu) ?? [];
}

type Attributes = Record<string, string>;
/** A node as fast-xml-parser gives it with `preserveOrder`. */
type OrderedNode = { '#text'?: string; ':@'?: Attributes } & Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // TEI nests deeply (TEI/text/back/div/note/p/quote/placeName …); the default is 100.
  maxNestedTags: 1000,
});

/** Marks a break inside a word; U+0000 cannot occur in XML text. */
const JOIN = '\u0000';

function collect(nodes: OrderedNode[], pieces: string[]): void {
  for (const node of nodes) {
    if (node['#text'] !== undefined) {
      pieces.push(String(node['#text']));
      continue;
    }
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === undefined) continue;
    const attributes = node[':@'] ?? {};
    const children = (node[name] as OrderedNode[] | undefined) ?? [];
    if ((name === 'lb' || name === 'pb') && attributes.break === 'no') {
      pieces.push(JOIN);
      continue;
    }
    pieces.push(' ');
    if (name === 'anchor' && attributes.type === 'note' && attributes.n !== undefined) {
      pieces.push(attributes.n, ' ');
    }
    if (name === 'note' && attributes.n !== undefined) {
      pieces.push(attributes.n, ' ');
    }
    collect(children, pieces);
    pieces.push(' ');
  }
}
