/**
 * How a reader meets letters written as the Schnitzler letters and the TEI Correspondence SIG
 * examples write theirs (hand-written, real-shaped): the archive of the first witness, postal
 * steps, places a settingDesc names, anthologies, additions and unclear readings in the text,
 * envelopes, foreign words. tests/conformance/schnitzler.test.ts holds the real letters to the same.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import type { BuildResult } from '../src/site/index.js';
import { genericConfig } from '../src/config.js';

const persons = `<listPerson>
      <person xml:id="p1"><persName><forename>Clara</forename><surname>Muster</surname></persName></person>
      <person xml:id="p2"><persName><forename>Karl</forename><surname>Beispiel</surname></persName></person>
    </listPerson>
    <listPlace><place xml:id="pl1"><placeName>Wien</placeName></place><place xml:id="pl2"><placeName>Salzburg</placeName></place>
      <place xml:id="pl3"><placeName>Bad Ischl</placeName></place></listPlace>`;

const letters: Record<string, string> = {
  'L00001.xml': `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="L00001">
  <teiHeader>
    <fileDesc>
      <titleStmt><title level="s">Briefwechsel Muster</title><title level="a">Clara Muster an Karl Beispiel, 22. 7. 1893</title></titleStmt>
      <publicationStmt><publisher>Musterverlag</publisher>
        <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability></publicationStmt>
      <sourceDesc>
        <listWit><witness n="1"><objectType corresp="brief"/><msDesc>
          <msIdentifier><country>U.S.A.</country><settlement>Yale</settlement><repository>Beinecke Library</repository><idno>Muster Papers, MSS 31</idno></msIdentifier>
          <physDesc><objectDesc><supportDesc><extent><measure unit="blatt" quantity="1"/></extent><support>Briefpapier mit Trauerrand</support></supportDesc></objectDesc></physDesc>
        </msDesc></witness></listWit>
        <listBibl><biblStruct><monogr><title level="m">Briefwechsel</title><imprint><pubPlace>Wien</pubPlace><date when="1992">1992</date></imprint></monogr></biblStruct></listBibl>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <langUsage><language ident="de">German</language></langUsage>
      <correspDesc>
        <correspAction type="sent"><persName ref="#p1">Muster, Clara</persName><placeName ref="#pl1">Wien</placeName><date when="1893-07-22">22. 7. 1893</date></correspAction>
        <correspAction type="transmitted"><placeName ref="#pl1">Wien</placeName><date when="1893-07-22">22. 7. 1893</date></correspAction>
        <correspAction type="redirected"><placeName ref="#pl3">Bad Ischl</placeName></correspAction>
        <correspAction type="received"><persName ref="#p2">Beispiel, Karl</persName><placeName ref="#pl2">Salzburg</placeName><date when="1893-07-23">23. 7. 1893</date></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="address"><address><addrLine>Herrn Karl Beispiel</addrLine><addrLine>Ischl</addrLine><addrLine>Schulgasse 8</addrLine></address></div>
      <div type="writingSession" n="1">
        <p>Wir waren <add place="above">gestern</add> dort, <subst><del>aus</del><add>in</add></subst> der Stadt, <unclear reason="illegible">vielleicht</unclear> lange, <foreign xml:lang="fra">à bientôt</foreign>.</p>
      </div>
    </body>
    <back>${persons}</back>
  </text>
</TEI>
`,
  // As example13 of the Correspondence SIG: the places only pointers into settingDesc.
  'L00002.xml': `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="L00002">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Bona an Ioannes, 29. 4. 1524</title></titleStmt>
      <publicationStmt><publisher>Musterverlag</publisher></publicationStmt>
      <sourceDesc><p>Letter #5823</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc><listPerson><person xml:id="BS"><persName>Bona Sforza</persName></person><person xml:id="ID"><persName>Ioannes Dantiscus</persName></person></listPerson></particDesc>
      <settingDesc><listPlace><place xml:id="CRA"><placeName>Cracovia</placeName></place><place xml:id="NAP"><placeName>Naples</placeName></place></listPlace></settingDesc>
      <correspDesc>
        <correspAction type="sent"><persName ref="#BS"/><placeName ref="#CRA"/><date when="1524-04-29"/></correspAction>
        <correspAction type="received"><persName ref="#ID"/><placeName/><date when="1524-06-26"/></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text><body><p>Magnifice noster carissime.</p></body></text>
</TEI>
`,
  // As example07 of the Correspondence SIG: an anthology, each letter a div claiming its correspDesc.
  'L00003.xml': `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="L00003">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Zwei Briefe</title></titleStmt>
      <publicationStmt><publisher>Musterverlag</publisher></publicationStmt>
      <sourceDesc><bibl>Briefwechsel, Bd. 1</bibl></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc xml:id="letter1"><correspAction type="sent"><persName>Amalia Beer</persName></correspAction><correspAction type="received"><persName>Giacomo Meyerbeer</persName></correspAction></correspDesc>
      <correspDesc xml:id="letter2"><correspAction type="sent"><persName>L. Schoenberger</persName></correspAction><correspAction type="received"><persName>Giacomo Meyerbeer</persName></correspAction></correspDesc>
    </profileDesc>
  </teiHeader>
  <text><body><div decls="#letter1"><p>Mein lieber Sohn.</p></div><div decls="#letter2"><p>Lieber Freund.</p></div></body></text>
</TEI>
`,
};

let work: string;
let built: BuildResult;
const site = (path: string): string => readFileSync(join(work, 'site', path), 'utf8');
/** The page's text without tags, whitespace collapsed. */
const words = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const json = (base: string): Record<string, unknown> => JSON.parse(site(`json/${base}.json`)) as never;
/** The card at the top of a page, as words: 'Label: value; '. */
const card = (base: string): string => {
  const html = site(`${base}.html`);
  return words(html.slice(html.indexOf('<dl class="card-list">'), html.indexOf('<details class="document-details"')).replace(/<\/dt>/g, ': </dt>').replace(/<\/dd>/g, '; </dd>'));
};
/** The full description under the card, as words: 'Label: value; '. */
const full = (base: string): string => {
  const html = site(`${base}.html`);
  return words(html.slice(html.indexOf('<details class="document-details"'), html.indexOf('class="reading-text"')).replace(/<\/dt>/g, ': </dt>').replace(/<\/dd>/g, '; </dd>'));
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-reading-'));
  const src = join(work, 'letters');
  mkdirSync(src);
  for (const [name, text] of Object.entries(letters)) writeFileSync(join(src, name), text);
  built = await buildEdition({ config: { ...genericConfig(src, undefined), cacheFolder: join(work, 'cache') }, out: join(work, 'site') });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('letters as the Schnitzler letters and the Correspondence SIG examples write them', () => {
  test('build, with no error, and their JSON is valid against the schema', () => {
    expect(built.validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.published).toBe(true);
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../schema/edition-json.schema.json'), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const name of Object.keys(letters)) {
      expect(validate(json(name.replace(/\.xml$/, ''))), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test("the archive is the first witness's msDesc when sourceDesc has none: on the card, in the full description once, in the JSON", () => {
    expect(card('L00001')).toContain('Archive: U.S.A., Yale, Beinecke Library, Muster Papers, MSS 31;');
    const described = full('L00001');
    expect(described).toContain('Repository: Beinecke Library, Yale, U.S.A.;');
    expect(described).toContain('Shelfmark: Muster Papers, MSS 31;');
    // The shelfmark once: not again in an archival reference put together, nor in the witness.
    expect(described.split('Muster Papers, MSS 31').length).toBe(2);
    // The witness keeps the rest of its description; the printed edition is a bibliography.
    expect(described).toContain('Briefpapier mit Trauerrand');
    expect(described).toContain('Bibliography: Briefwechsel, Wien, 1992;');
    expect(json('L00001').archive).toMatchObject({
      country: 'U.S.A.', settlement: 'Yale', repository: 'Beinecke Library', shelfmark: 'Muster Papers, MSS 31', fond: null,
    });
  });

  test('postal steps read in words with their place and date, never "not stated"; the JSON keeps them', () => {
    const c = card('L00001');
    expect(c).toContain('Sender: Muster, Clara, Wien, 22. 7. 1893; Transmitted: Wien, 22. 7. 1893; Redirected: Bad Ischl; Recipient: Beispiel, Karl, Salzburg, 23. 7. 1893;');
    expect(c).not.toContain('not stated');
    expect(c).not.toContain('Correspondence (');
    expect(json('L00001').steps).toEqual([
      { type: 'transmitted', ref: null, name: null, place: 'Wien', placeRef: '#pl1', date: { when: '1893-07-22', text: '22. 7. 1893' }, subtype: null },
      { type: 'redirected', ref: null, name: null, place: 'Bad Ischl', placeRef: '#pl3', date: { when: null, text: null }, subtype: null },
    ]);
    expect(json('L00002').steps).toEqual([]);
  });

  test('a place given by its pointer alone reads as the place it points at, as in the JSON; a missing part leaves no empty commas', () => {
    const c = card('L00002');
    expect(c).toContain('Sender: Bona Sforza, Cracovia, 29 April 1524;');
    expect(c).toContain('Recipient: Ioannes Dantiscus, 26 June 1524;');
    expect(c).not.toMatch(/, ,|\s,/);
    expect(site('L00002.html')).toContain('<a href="places/CRA.html" class="tei-placeName name">Cracovia</a>');
    expect((json('L00002').sender as Array<{ place: string }>)[0].place).toBe('Cracovia');
  });

  test("an anthology's second letter is labelled as a letter of the document, not as an embedded text", () => {
    const html = site('L00003.html');
    expect(html).toContain('<h3>Letter 2 of this document</h3>');
    expect(html).not.toContain('Embedded');
  });

  test("the text file marks additions and unclear readings as its legend says, an address a line a line, the archive's parts with commas", () => {
    const text = site('text/L00001.txt');
    expect(text).toContain('⌜ ⌝  added in the source');
    expect(text).toContain('a reading it is not sure of (word⟨?⟩)');
    expect(text).toContain('Wir waren ⌜gestern⌝ dort, ⟦aus⟧⌜in⌝ der Stadt, vielleicht⟨?⟩ lange,');
    expect(text).toContain('\nHerrn Karl Beispiel\nIschl\nSchulgasse 8\n');
    expect(text).toContain('\nU.S.A., Yale, Beinecke Library, Muster Papers, MSS 31\n');
    // The JSON reads the same marks; the address's lines run on there, separated by a space.
    const plain = json('L00001').text as string;
    expect(plain).toContain('Wir waren ⌜gestern⌝ dort, ⟦aus⟧⌜in⌝ der Stadt, vielleicht⟨?⟩ lange,');
    expect(plain).toContain('Herrn Karl Beispiel Ischl Schulgasse 8');
  });

  test('an envelope\'s address (div type="address") is headed, on the page and in the text, and does not run into the letter', () => {
    expect(site('L00001.html')).toMatch(/<div class="tei-div type-address"><h\d class="div-label">Address<\/h\d><span class="tei-address">/);
    expect(site('text/L00001.txt')).toContain('\n\n⟨Address⟩\n\nHerrn Karl Beispiel\nIschl\nSchulgasse 8\n\nWir waren');
    // The label is the edition's, a line of the text file only: the JSON's text starts with the address.
    expect((json('L00001').text as string).startsWith('Herrn Karl Beispiel')).toBe(true);
  });

  test('a three-letter language code is written as BCP 47 has it (fra → fr); foreign words are in italics', () => {
    const html = site('L00001.html');
    expect(html).toContain('<span class="tei-foreign" lang="fr">à bientôt</span>');
    expect(html).not.toMatch(/lang="fra"/);
    const css = readFileSync(resolve(import.meta.dirname, '../xslt/assets/edition.css'), 'utf8');
    expect(css).toMatch(/\.tei-foreign \{ font-style: italic; \}/);
    expect(site('assets/edition.css')).toContain('.tei-foreign { font-style: italic; }');
  });
});
