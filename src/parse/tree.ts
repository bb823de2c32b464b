/**
 * A light element tree with source positions, built by a small scanner
 * once per file. The edition rules read it; libxml2 has already decided
 * that the file is well-formed before this runs.
 */
import { LineIndex } from '../read/positions.js';
import { decodeEntities } from './escape.js';

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

/** Character data as a parser reports it: line ends normalised to LF, references replaced. */
function textValue(raw: string): string {
  const normalised = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(normalised);
}

export interface ParsedXml {
  root: XmlElement;
  lines: LineIndex;
}

class XmlSyntaxError extends Error {}

/** Counts lines and columns (code points) forwards through the text, as LineIndex does, in one pass. */
class Cursor {
  private at = 0;
  line = 1;
  column = 1;

  constructor(private readonly text: string) {}

  moveTo(offset: number): void {
    const text = this.text;
    let line = this.line;
    let column = this.column;
    for (let i = this.at; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        column = 1;
      } else if (c < 0xdc00 || c > 0xdfff || i === 0) column++;
      else {
        const before = text.charCodeAt(i - 1);
        // The low half of a surrogate pair is not a code point of its own.
        if (before < 0xd800 || before > 0xdbff) column++;
      }
    }
    this.at = offset;
    this.line = line;
    this.column = column;
  }
}

function isNameEnd(c: number): boolean {
  // whitespace, '/', '>', '='
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 47 || c === 62 || c === 61;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * Parse well-formed XML into a tree. libxml2 decides well-formedness; this
 * scanner only builds the tree (names as written, attributes and text with
 * references replaced, comments, processing instructions and the DOCTYPE
 * skipped) and throws on input it cannot read.
 */
export function parseXml(text: string, lines: LineIndex = new LineIndex(text)): ParsedXml {
  const length = text.length;
  const cursor = new Cursor(text);
  const top: XmlNode[] = [];
  let parent: XmlElement | undefined;
  let siblings: XmlNode[] = top;
  let i = 0;
  const expect = (found: number, what: string): number => {
    if (found < 0) throw new XmlSyntaxError(`${what} is not closed`);
    return found;
  };
  while (i < length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > i) siblings.push(textValue(text.slice(i, textEnd)));
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        i = expect(text.indexOf('-->', lt + 4), 'A comment') + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = expect(text.indexOf(']]>', lt + 9), 'A CDATA section');
        const raw = text.slice(lt + 9, end);
        siblings.push(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
        i = end + 3;
      } else {
        // <!DOCTYPE …>, with an internal subset in brackets that may hold quoted '>' and comments.
        let j = lt + 2;
        let depth = 0;
        for (; j < length; j++) {
          const c = text.charCodeAt(j);
          if (c === 34 || c === 39) j = expect(text.indexOf(c === 34 ? '"' : "'", j + 1), 'A quoted string');
          else if (c === 60 && text.startsWith('<!--', j)) j = expect(text.indexOf('-->', j + 4), 'A comment') + 2;
          else if (c === 91) depth++;
          else if (c === 93) depth--;
          else if (c === 62 && depth <= 0) break;
        }
        if (j >= length) throw new XmlSyntaxError('A declaration is not closed');
        i = j + 1;
      }
      continue;
    }
    if (next === 63 /* ? */) {
      i = expect(text.indexOf('?>', lt + 2), 'A processing instruction') + 2;
      continue;
    }
    if (next === 47 /* / */) {
      const gt = expect(text.indexOf('>', lt + 2), 'An end tag');
      const name = text.slice(lt + 2, gt).trimEnd();
      if (!parent || parent.name !== name) throw new XmlSyntaxError(`Unexpected end tag </${name}>`);
      parent = parent.parent;
      siblings = parent ? parent.children : top;
      i = gt + 1;
      continue;
    }
    // A start tag.
    let j = lt + 1;
    while (j < length && !isNameEnd(text.charCodeAt(j))) j++;
    const name = text.slice(lt + 1, j);
    if (name.length === 0) throw new XmlSyntaxError('A start tag has no name');
    const attributes: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (j < length && isSpace(text.charCodeAt(j))) j++;
      if (j >= length) throw new XmlSyntaxError(`The start tag <${name}> is not closed`);
      const c = text.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47 && text.charCodeAt(j + 1) === 62) {
        selfClosing = true;
        j += 2;
        break;
      }
      const nameStart = j;
      while (j < length && !isNameEnd(text.charCodeAt(j))) j++;
      if (j === nameStart) throw new XmlSyntaxError(`Unexpected character in the start tag <${name}>`);
      const attribute = text.slice(nameStart, j);
      while (j < length && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61) throw new XmlSyntaxError(`The attribute ${attribute} has no value`);
      j++;
      while (j < length && isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== 34 && quote !== 39) throw new XmlSyntaxError(`The value of ${attribute} is not quoted`);
      const close = expect(text.indexOf(quote === 34 ? '"' : "'", j + 1), 'An attribute value');
      attributes[attribute] = textValue(text.slice(j + 1, close));
      j = close + 1;
    }
    cursor.moveTo(lt);
    const element: XmlElement = { name, attributes, children: [], parent, offset: lt, line: cursor.line, column: cursor.column };
    siblings.push(element);
    if (!selfClosing) {
      parent = element;
      siblings = element.children;
    }
    i = j;
  }
  if (parent) throw new XmlSyntaxError(`The element <${parent.name}> is not closed`);
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

const descendantLists = new WeakMap<XmlElement, readonly XmlElement[]>();

/**
 * Every descendant element, in document order. The list is made once per
 * element and kept while the tree lives (the rules ask for the same
 * subtrees many times); a tree is never changed after parsing.
 */
export function descendants(element: XmlElement): readonly XmlElement[] {
  const known = descendantLists.get(element);
  if (known) return known;
  const found: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const pushChildren = (e: XmlElement): void => {
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  };
  pushChildren(element);
  while (stack.length > 0) {
    const next = stack.pop()!;
    found.push(next);
    pushChildren(next);
  }
  descendantLists.set(element, found);
  return found;
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
