/**
 * A light element tree with source positions, built with fast-xml-parser
 * once per file. The edition rules read it; libxml2 has already decided
 * that the file is well-formed before this runs.
 */
import { XMLParser } from 'fast-xml-parser';
import { LineIndex } from '../read/positions.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | undefined;
  /** UTF-16 offset of the `<` of the start tag. */
  offset: number;
  line: number;
  column: number;
}

export type XmlNode = XmlElement | string;

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignorePiTags: true,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  // Deep nesting is limited by libxml2 before this parser runs.
  maxNestedTags: 1_000_000,
});

const metadata = XMLParser.getMetaDataSymbol() as unknown as symbol;

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replace the five predefined entities and character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return predefined[ref] ?? whole;
  });
}

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(raw: RawNode[], parent: XmlElement | undefined, lines: LineIndex, out: XmlNode[]): void {
  for (const node of raw) {
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      const value = node[key];
      if (key === '#text') {
        out.push(decodeEntities(String(value)));
      } else if (key === '#cdata') {
        const parts = value as Array<Record<string, unknown>>;
        out.push(parts.map((p) => String(p['#text'] ?? '')).join(''));
      } else if (key === '#comment' || key.startsWith('?') || key.startsWith('!')) {
        continue;
      } else {
        const offset = ((node as Record<symbol, { startIndex?: number }>)[metadata]?.startIndex ?? 0) as number;
        const { line, column } = lines.position(offset);
        const attributes: Record<string, string> = {};
        for (const [name, v] of Object.entries(node[':@'] ?? {})) attributes[name] = decodeEntities(String(v));
        const element: XmlElement = { name: key, attributes, children: [], parent, offset, line, column };
        out.push(element);
        convert(value as RawNode[], element, lines, element.children);
      }
    }
  }
}

export interface ParsedXml {
  root: XmlElement;
  lines: LineIndex;
}

/** Parse well-formed XML into a tree. Throws on input fast-xml-parser cannot read. */
export function parseXml(text: string): ParsedXml {
  const lines = new LineIndex(text);
  const raw = parser.parse(text) as RawNode[];
  const top: XmlNode[] = [];
  convert(raw, undefined, lines, top);
  const root = top.find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new Error('no root element');
  return { root, lines };
}

// ---- Navigation helpers (names are prefixed names as written; TEI files use the default namespace). ----

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => isElement(c) && (name === undefined || localName(c.name) === name),
  );
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** Every descendant element, in document order. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  const stack: XmlElement[] = [];
  for (let i = element.children.length - 1; i >= 0; i--) {
    const c = element.children[i]!;
    if (isElement(c)) stack.push(c);
  }
  while (stack.length > 0) {
    const next = stack.pop()!;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) {
      const c = next.children[i]!;
      if (isElement(c)) stack.push(c);
    }
  }
}

export function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const e of descendants(element)) if (localName(e.name) === name) found.push(e);
  return found;
}

export function ancestor(element: XmlElement, name: string): XmlElement | undefined {
  for (let p = element.parent; p; p = p.parent) if (localName(p.name) === name) return p;
  return undefined;
}

/** The element's text content, whitespace normalised. */
export function textOf(element: XmlElement): string {
  const parts: string[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') parts.push(c);
      else walk(c);
    }
  };
  walk(element);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function xmlId(element: XmlElement): string | undefined {
  return element.attributes['xml:id'];
}
