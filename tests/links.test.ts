/**
 * Empty refs and links, one document through build.xsl as the build makes it: an empty ref reads as
 * what it names only when its target is a bare name or an ISO date (f:is-empty-ref-target, as
 * isEmptyRefTarget in src/edition/files.ts); a web address or '#id' reads as its address, a file
 * the project edition links (it passes no document-files) as its address too, never marked as not
 * held; page, text and JSON alike; in a register entry's note as in the letters. And a postmark's parts: ', ' only between parts with nothing
 * between them, page and text alike.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { genericConfig } from '../src/config.js';
import { buildEdition } from '../src/site/index.js';
import { isEmptyRefTarget } from '../src/edition/files.js';
import type { StylesheetParams } from '../src/transform/saxon.js';
import { loadStylesheets } from '../src/transform/stylesheets.js';
import type { CompiledStylesheet } from '../src/transform/stylesheets.js';
import { testStylesheetParams } from './helpers/edition.js';
import { oneByOne, projectRoot } from './helpers/documents.js';

let build: CompiledStylesheet;

beforeAll(async () => {
  ({ build } = await loadStylesheets(join(projectRoot, 'xslt'), join(projectRoot, '.cache'), ['build']));
}, 600_000);

const letter = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc001" n="1">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A letter</title></titleStmt>
      <publicationStmt><p>Test</p></publicationStmt>
      <sourceDesc><msDesc><msIdentifier><repository>Archiv</repository><idno>1</idno></msIdentifier>
        <physDesc><objectDesc><p>Card</p></objectDesc></physDesc></msDesc></sourceDesc>
    </fileDesc>
    <profileDesc><correspDesc>
      <correspAction type="sent"><persName>A</persName><date when="1893-07-22">22. 7. 1893</date></correspAction>
    </correspDesc></profileDesc>
  </teiHeader>
  <text><body><p>${body}</p><listPerson><person xml:id="x"><persName>X</persName></person></listPerson></body></text>
</TEI>
`;

/** The page, text and JSON text of one letter. */
async function outputs(text: string, params: StylesheetParams = testStylesheetParams): Promise<{ html: string; txt: string; json: string }> {
  const made = await oneByOne(build, [{ base: 'doc001', text, prev: '', next: '' }], params);
  return { html: made.get('doc001.html')!, txt: made.get('text/doc001.txt')!, json: (JSON.parse(made.get('json/doc001.json')!) as { text: string }).text };
}

const refs = 'Siehe <ref target="https://example.org/brief?a=1"/>, <ref target="#x"/>, <ref target="doc002.xml"/> und <ref target="1898-05-14"/>.';

describe('an empty ref', () => {
  test('the test of a target to resolve is the validator\'s', () => {
    for (const t of ['L00237', 'doc002.xml', 'L1.xml#p2', 'persons.xml#x', '1898-05-14']) expect(isEmptyRefTarget(t), t).toBe(true);
    for (const t of ['https://example.org/a', 'mailto:a@b.c', '#x', 'notes/a.xml', '../a.xml', '']) expect(isEmptyRefTarget(t), t).toBe(false);
  });

  test('in the project edition: a web address, an #id and a file read as their addresses, a date as a date; none is marked as not held', async () => {
    const { html, txt, json } = await outputs(letter(refs));
    expect(html).toContain('<a href="https://example.org/brief?a=1" class="tei-ref">https://example.org/brief?a=1</a>');
    expect(html).toContain('<a href="#x" class="tei-ref">#x</a>');
    expect(html).toContain('<a href="doc002.html" class="tei-ref">doc002.xml</a>');
    expect(html).toContain('>14 May 1898</a>');
    expect(html).not.toContain('does not hold');
    expect(html).not.toContain('ref-unresolved');
    const expected = 'Siehe https://example.org/brief?a=1, #x, doc002.xml und 14 May 1898.';
    expect(txt).toContain(expected);
    expect(json).toContain(expected);
  });

  test('in a foreign folder: a document it does not hold is marked; a web address, an #id, the header and a register pointer are not', async () => {
    const params = { ...testStylesheetParams, 'edition-profile': 'foreign', 'document-files': 'doc001.xml\tdoc001\nL2.xml\tL2\tMuster an Beispiel\t1890-05-01' };
    const body = `${refs} <ref target="L04444"/>, <ref target="L2"/>, <ref target="edition.xml"/>, <ref target="persons.xml#x"/>.`;
    const { html, txt, json } = await outputs(letter(body), params);
    expect(html).toContain('<a href="https://example.org/brief?a=1" class="tei-ref">https://example.org/brief?a=1</a>');
    expect(html).toContain('<a href="#x" class="tei-ref">#x</a>');
    expect(html).toMatch(/<span class="tei-ref link-refused ref-unresolved" title="Reference to L04444, which this edition does not hold">L04444<\/span>/);
    expect(html).toContain('<a href="L2.html" class="tei-ref">Muster an Beispiel</a>');
    expect(html).toContain('<a href="about.html" class="tei-ref">edition.xml</a>');
    expect(html).toContain('<a href="persons/x.html" class="tei-ref">persons.xml#x</a>');
    expect(html.match(/does not hold/g)).toHaveLength(2); // L04444, and doc002.xml, which the folder does not hold
    const expected = 'Siehe https://example.org/brief?a=1, #x, ⟨doc002.xml⟩ und 14 May 1898. ⟨L04444⟩, Muster an Beispiel, edition.xml, persons.xml#x.';
    expect(txt).toContain(expected);
    expect(json).toContain(expected);
  });
});

test("in a foreign folder's register: an empty ref in an entry's note reads as the letters read it (the edition-wide document-files give titles too)", async () => {
  const work = mkdtempSync(join(tmpdir(), 'edition-links-'));
  try {
    const src = join(work, 'letters');
    mkdirSync(src);
    const tei = (id: string, title: string, date: string, body: string): string => `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${id}"><teiHeader><fileDesc>
      <titleStmt><title level="a">${title}</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>
      <profileDesc><correspDesc><correspAction type="sent"><persName ref="#r1">Muster</persName><date when="${date}"/></correspAction></correspDesc></profileDesc></teiHeader>
      <text><body><p>${body}</p></body></text></TEI>`;
    writeFileSync(join(src, 'L1.xml'), tei('L1', 'Muster an Beispiel, 1. 5. 1890', '1890-05-01', 'Vgl. <ref target="L2"/>.'));
    writeFileSync(join(src, 'L2.xml'), tei('L2', 'Beispiel an Muster, 3. 5. 1890', '1890-05-03', 'Text.'));
    writeFileSync(join(src, 'listperson.xml'), `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Personen</title></titleStmt>
      <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
      <text><body><listPerson><person xml:id="r1"><persName>Clara Muster</persName><note>Schrieb <ref target="L2"/>.</note></person></listPerson></body></text></TEI>`);
    const built = await buildEdition({ config: { ...genericConfig(src, undefined), cacheFolder: join(work, 'cache') }, out: join(work, 'site') });
    expect(built.published).toBe(true);
    const site = (path: string): string => readFileSync(join(work, 'site', path), 'utf8');
    expect(site('L1.html')).toContain('<a href="L2.html" class="tei-ref">Beispiel an Muster, 3. 5. 1890</a>');
    expect(site('persons/r1.html')).toContain('Schrieb <a href="../L2.html" class="tei-ref">Beispiel an Muster, 3. 5. 1890</a>.');
    expect(site('json/persons.json')).toContain('Schrieb Beispiel an Muster, 3. 5. 1890.');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 300_000);

describe('a postmark', () => {
  // In the text, where page and text both show them (the text's physical description holds no additions).
  const stamps = '<stamp><placeName>Wien 9/3</placeName><date>22. 7. 93</date><time>2–3 M</time></stamp>'
    + '<stamp>Wien, <date>22. 7.</date> <time>5 N</time></stamp>'
    + '<stamp><placeName>Salzburg</placeName> <date>23. 7.</date> am Bahnhof</stamp>';

  test("', ' only between parts with nothing between them, text and page alike", async () => {
    const { html, txt, json } = await outputs(letter(stamps));
    const words = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
    const expected = 'Wien 9/3, 22. 7. 93, 2–3 M; Wien, 22. 7., 5 N; Salzburg, 23. 7. am Bahnhof';
    expect(words).toContain(expected);
    expect(txt.replace(/\s+/g, ' ')).toContain(expected);
    expect(json).toContain(expected);
    expect(words).not.toContain(', ,');
  });
});
