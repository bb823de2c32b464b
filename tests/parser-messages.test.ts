import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../src/read/positions.js';
import { elementSuggestion, libxml2Text, plainParserMessage, schemaElementNames, standsAlone } from '../src/validate/parser-messages.js';
import { lintFiles } from '../src/validate/xmllint.js';

// Each case: a file with one typo, and the plain words its first message must hold. libxml2 itself
// writes the messages (so a change of its wording shows here), and its own text must close the message.
const cases: Record<string, { text: string; plain: RegExp; libxml2: RegExp }> = {
  amp: { text: '<TEI><p>a & b</p></TEI>', plain: /^"&" must begin a reference such as &amp; or &lt;: write a literal & as &amp; /, libxml2: /^xmlParseEntityRef: no name$/ },
  ampName: { text: '<TEI><p>a &b c</p></TEI>', plain: /must end with ";".*write a literal & as &amp;/, libxml2: /^EntityRef: expecting ';'$/ },
  nbsp: { text: '<TEI><p>a&nbsp;b</p></TEI>', plain: /^&nbsp; is not defined: without a DTD only the five XML entities \(&amp; &lt; &gt; &quot; &apos;\) and numeric references .* exist: write &#160; \(a no-break space\)/, libxml2: /^Entity 'nbsp' not defined$/ },
  unknownEntity: { text: '<TEI><p>a&zzz;b</p></TEI>', plain: /^&zzz; is not defined: .*write the character itself, or its numeric reference/, libxml2: /^Entity 'zzz' not defined$/ },
  ltInAttribute: { text: '<TEI><p a="x<y">b</p></TEI>', plain: /^"<" is not allowed in an attribute value: write it as &lt;/, libxml2: /^Unescaped '<' not allowed in attributes values$/ },
  ltInText: { text: '<TEI><p>a < b</p></TEI>', plain: /^"<" must begin a tag with an element name: write a literal < as &lt;/, libxml2: /^StartTag: invalid element name$/ },
  extra: { text: '<TEI><p>a</p></TEI><x/>', plain: /^There is more after the end tag of the root element/, libxml2: /^Extra content at the end of the document$/ },
  unquoted: { text: '<TEI><p a=x>b</p></TEI>', plain: /^An attribute value must be in quotes: write name="value"/, libxml2: /^AttValue: " or ' expected$/ },
  noValue: { text: '<TEI><p a>b</p></TEI>', plain: /^The attribute a has no value: write a="…", or remove it/, libxml2: /^Specification mandates value for attribute a$/ },
  twice: { text: '<TEI><p a="1" a="2">b</p></TEI>', plain: /^The attribute a is given twice on this element: keep one/, libxml2: /^Attribute a redefined$/ },
  truncated: { text: '<TEI><p>b</p>', plain: /^The file ends before <TEI>, opened at line 1, is closed/, libxml2: /^Premature end of data in tag TEI line 1$/ },
  openStartTag: { text: '<TEI>\n<p>abc</p>\n<p', plain: /^The start tag <p> at line 3 is not closed/, libxml2: /^Couldn't find end of Start Tag p line 3$/ },
  comment: { text: '<TEI><!-- a -- b --><p/></TEI>', plain: /^A comment may not hold "--"/, libxml2: /^Double hyphen within comment/ },
  declaration: { text: '<TEI><?xml version="1.0"?><p/></TEI>', plain: /^The XML declaration \(<\?xml …\?>\) may stand only at the very start of the file/, libxml2: /^XML declaration allowed only at the start of the document$/ },
  cdataEnd: { text: '<TEI><p>]]></p></TEI>', plain: /^"\]\]>" may not stand in text: write it as \]\]&gt;/, libxml2: /^Sequence '\]\]>' not allowed in content$/ },
  prefix: { text: '<TEI><p><foo:bar>x</foo:bar></p></TEI>', plain: /^The prefix foo of <foo:bar> is not declared: declare it \(xmlns:foo="…"\)/, libxml2: /^Namespace prefix foo on bar is not defined$/ },
  attributePrefix: { text: '<TEI><p xlink:href="x">x</p></TEI>', plain: /^The prefix xlink of the attribute xlink:href on <p> is not declared: declare it \(xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"\)/, libxml2: /^Namespace prefix xlink for href on p is not defined$/ },
  mismatch: { text: '<TEI>\n<p>a\n</TEI>', plain: /^<p> opened at line 2 is not closed: <\/TEI> found where <\/p> was expected/, libxml2: /^Opening and ending tag mismatch: p line 2 and TEI$/ },
  deep: { text: '<a>'.repeat(300) + '</a>'.repeat(300), plain: /^The nesting depth exceeds 256 levels of elements/, libxml2: /^Excessive depth in document: 257/ },
};

describe("libxml2's parser messages in plain words (src/validate/parser-messages.ts)", () => {
  test("every listed message, as libxml2 writes it, is put into plain words with libxml2's text kept at the end", async () => {
    const files = Object.entries(cases).map(([name, c]) => ({ file: `${name}.xml`, text: c.text, lines: new LineIndex(c.text) }));
    const result = await lintFiles(files, undefined);
    for (const [name, c] of Object.entries(cases)) {
      const first = result.byFile.get(`${name}.xml`)![0];
      expect(first, name).toBeDefined();
      expect(first!.rule, name).toBe('xml-not-well-formed');
      expect(first!.message, name).toMatch(c.plain);
      expect(first!.message, name).toMatch(/ \(libxml2: [^()]*(\([^()]*\)[^()]*)*\)$/);
      expect(libxml2Text(first!.message), name).toMatch(c.libxml2);
      expect(first!.message, name).not.toMatch(/^(parser|namespace) error/);
    }
  });

  test('a message not known is left as libxml2 wrote it (its prefix removed), without a libxml2 suffix', () => {
    expect(plainParserMessage('parser error : Something new happened')).toBe('Something new happened');
    expect(libxml2Text('Something new happened')).toBe('Something new happened');
  });

  test('the errors that stand alone are still told apart by their libxml2 text', () => {
    expect(standsAlone(plainParserMessage('namespace error : Namespace prefix foo on bar is not defined'))).toBe(true);
    expect(standsAlone(plainParserMessage('parser error : Attribute a redefined'))).toBe(true);
    expect(standsAlone(plainParserMessage('xml:id : attribute value a b is not an NCName'))).toBe(true);
    expect(standsAlone(plainParserMessage('parser error : Opening and ending tag mismatch: p line 2 and div'))).toBe(false);
    expect(standsAlone(plainParserMessage('parser error : xmlParseEntityRef: no name'))).toBe(false);
  });
});

describe('RelaxNG messages: no libxml2 prefix, and "did you mean" for an element name the schema does not know', () => {
  const names = schemaElementNames(readFileSync(resolve(import.meta.dirname, '../schema/edition.rng'), 'utf8'));

  test("the schema's element names are read from its <element name>", () => {
    expect(names.has('persName')).toBe(true);
    expect(names.has('placeName')).toBe(true);
    expect(names.has('persname')).toBe(false);
  });

  test('a name the same but for case, or a slip away, is suggested; a known or far name is not', () => {
    expect(elementSuggestion('Did not expect element persname there', names)).toBe(' (did you mean persName?)');
    expect(elementSuggestion('Expecting element persName, got persNme', names)).toBe(' (did you mean persName?)');
    expect(elementSuggestion('Did not expect element placename there', names)).toBe(' (did you mean placeName?)');
    expect(elementSuggestion('Did not expect element persName there', names)).toBe('');
    expect(elementSuggestion('Did not expect element zzzzzzzz there', names)).toBe('');
    expect(elementSuggestion('Element div failed to validate attributes', names)).toBe('');
  });

  test('through libxml2: <persname> in a letter gets the suggestion and no "Relax-NG validity error" prefix', async () => {
    const schema = { file: 'edition.rng', text: readFileSync(resolve(import.meta.dirname, '../schema/edition.rng'), 'utf8') };
    const doc = readFileSync(resolve(import.meta.dirname, '../tei/doc069.xml'), 'utf8');
    const broken = doc.replace(/<persName( [^>]*>[^<]*<\/)persName>/, '<persname$1persname>');
    expect(broken).not.toBe(doc);
    const result = await lintFiles([{ file: 'doc.xml', text: broken, lines: new LineIndex(broken) }], schema);
    const messages = result.byFile.get('doc.xml')!.map((d) => d.message);
    expect(messages.some((m) => /^<persname>: .*persname.* \(did you mean persName\?\)$/.test(m)), messages.join('\n')).toBe(true);
    expect(messages.join('\n')).not.toMatch(/Relax-NG validity error/);
  });
});
