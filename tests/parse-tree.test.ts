// The tree scanner (src/parse/tree.ts) against fast-xml-parser, which built
// the tree before it: the same elements, attributes, text nodes, offsets,
// lines and columns for every well-formed file we have.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { generateEdition } from '../src/dev/bench/generate.js';
import { decodeEntities } from '../src/parse/escape.js';
import { parseXml } from '../src/parse/tree.js';
import type { XmlElement, XmlNode } from '../src/parse/tree.js';
import { LineIndex } from '../src/read/positions.js';

// ---- the former implementation, kept as the reference ----
const reference = new XMLParser({
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
  maxNestedTags: 1_000_000,
});
const metadata = XMLParser.getMetaDataSymbol() as unknown as symbol;
type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(raw: RawNode[], parent: XmlElement | undefined, lines: LineIndex, out: XmlNode[]): void {
  for (const node of raw) {
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      const value = node[key];
      if (key === '#text') out.push(decodeEntities(String(value)));
      else if (key === '#cdata') out.push((value as Array<Record<string, unknown>>).map((p) => String(p['#text'] ?? '')).join(''));
      else if (key === '#comment' || key.startsWith('?') || key.startsWith('!')) continue;
      else {
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

function referenceTree(text: string): XmlElement | undefined {
  const top: XmlNode[] = [];
  convert(reference.parse(text) as RawNode[], undefined, new LineIndex(text), top);
  return top.find((n): n is XmlElement => typeof n !== 'string');
}

/** The tree as a string: names, attributes, offset:line:column, children. */
function show(node: XmlNode | undefined): string {
  if (node === undefined) return 'none';
  if (typeof node === 'string') return JSON.stringify(node);
  return `${node.name}${JSON.stringify(node.attributes)}@${node.offset}:${node.line}:${node.column}[${node.children.map(show).join(',')}]`;
}

function compare(text: string): { ours: string; theirs: string } | 'reference-fails' {
  let theirs: string;
  try {
    theirs = show(referenceTree(text));
  } catch {
    return 'reference-fails';
  }
  return { ours: show(parseXml(text).root), theirs };
}

function xmlFilesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...xmlFilesUnder(path));
    else if (name.endsWith('.xml')) found.push(path);
  }
  return found;
}

describe('parseXml builds the tree fast-xml-parser built', () => {
  const cases = [
    '<a>x<!--c-->y</a>',
    '<a>x<![CDATA[<z>]]>y</a>',
    '<a> <b/> \n <c  x = "1&amp;2"   y=\'q"\'/></a>',
    '<?xml version="1.0"?>\n<!DOCTYPE a [ <!ELEMENT a ANY> <!-- ] > --> ]>\n<a>t<?pi x?>u</a>',
    '<!DOCTYPE a SYSTEM "x>y">\n<a/>',
    '<a>&lt;&#x1F600;&foo;&#128512;</a>',
    '<a>\r\n<b>\r<c/></b></a>',
    '<a>\r\n😀😀<b/>\r😀<c/></a>',
    '<a b="x\r\ny\rz" c="x\ny\tz" d=""/>',
    '<a xmlns="u" xmlns:x="v"><x:b x:c="1"/></a>',
    '<a><b>0</b><c>true</c><d> 12 </d></a>',
    '<a>x<![CDATA[]]>y<![CDATA[a\r\nb]]><![CDATA[2]]></a>',
    '<a>1<b/>2<?pi?><?pi2?>3<!--c--><!--d-->4</a>',
    '\uFEFF<a\n  b="&quot;&apos;&lt;"\n/>',
    '<a >]]&gt;</a >',
    '<a x="a>b">  <![CDATA[ ]]>  </a>',
    ' \n<a/>\n ',
  ];
  test.each(cases)('%j', (text) => {
    const result = compare(text);
    expect(result).not.toBe('reference-fails');
    if (result !== 'reference-fails') expect(result.ours).toBe(result.theirs);
  });

  test('the project\'s sources and the test fixtures', () => {
    const files = [...xmlFilesUnder(resolve('tei')), ...xmlFilesUnder(resolve('tests/fixtures'))];
    expect(files.length).toBeGreaterThan(20);
    let compared = 0;
    for (const file of files) {
      const result = compare(readFileSync(file, 'utf8'));
      if (result === 'reference-fails') continue;
      expect(result.ours, file).toBe(result.theirs);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  test('generated letters and registers', () => {
    const edition = generateEdition({ letters: 60, seed: 7 });
    for (const [name, text] of edition.files) {
      const result = compare(text);
      expect(result, name).not.toBe('reference-fails');
      if (result !== 'reference-fails') expect(result.ours, name).toBe(result.theirs);
    }
  });
});

describe('parseXml on input libxml2 will refuse', () => {
  test.each(['<a>', '<a></b>', '<a x=1/>', '<a x="1/>', '<a><!-- x</a>', '<a><![CDATA[x</a>', '<!DOCTYPE a [', '< a/>', 'text only'])(
    '%j throws instead of looping or inventing a tree',
    (text) => {
      expect(() => parseXml(text)).toThrow();
    },
  );

  test('deep nesting does not overflow the stack', () => {
    const depth = 100_000;
    const text = '<a>'.repeat(depth) + '</a>'.repeat(depth);
    let element: XmlElement | undefined = parseXml(text).root;
    let levels = 0;
    while (element) {
      levels++;
      element = element.children[0] as XmlElement | undefined;
    }
    expect(levels).toBe(depth);
  });
});
