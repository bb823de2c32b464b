/**
 * A foreign folder written as the Schnitzler letters write theirs (hand-written, real-shaped: their
 * empty references, glyphs, letterheads, postmarks, hands, physical description in attributes,
 * commentary notes, page breaks inside words, quoted paragraphs, names with several pointers),
 * built, and read as a reader would: page, text, JSON and search.
 * tests/conformance/schnitzler.test.ts holds the real letters to the same.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import type { BuildResult } from '../src/site/index.js';
import { genericConfig } from '../src/config.js';

const header = (id: string, title: string, date: string, physDesc: string): string => `<teiHeader>
    <fileDesc>
      <titleStmt><title level="s">Briefwechsel Muster</title><title level="a">${title}</title></titleStmt>
      <publicationStmt><publisher>Musterverlag</publisher>
        <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability></publicationStmt>
      <sourceDesc><listWit><witness n="1"><objectType corresp="karte" ana="postkarte"/><msDesc>
        <msIdentifier><settlement>Wien</settlement><repository>Musterarchiv</repository><idno>${id}</idno></msIdentifier>
        <physDesc>${physDesc}</physDesc></msDesc></witness></listWit></sourceDesc>
    </fileDesc>
    <profileDesc>
      <langUsage><language ident="de">German</language></langUsage>
      <correspDesc>
        <correspAction type="sent"><persName ref="#p1">Muster, Clara</persName><date when="${date}">${date}</date></correspAction>
        <correspAction type="received"><persName ref="#p2">Beispiel, Karl</persName></correspAction>
        <correspContext><ref type="withinCorrespondence" subtype="previous_letter" target="L00009">Beispiel an Muster, 18. 7. 1893</ref></correspContext>
      </correspDesc>
    </profileDesc>
  </teiHeader>`;

const persons = `<listPerson>
      <person xml:id="p1"><persName><forename>Clara</forename><surname>Muster</surname></persName></person>
      <person xml:id="p2"><persName><forename>Karl</forename><surname>Beispiel</surname></persName></person>
      <person xml:id="p3"><persName><forename>Lisa</forename><surname>Schreiber</surname></persName></person>
      <person xml:id="p4"><persName><forename>Anna</forename><surname>Benedikt</surname></persName></person>
      <person xml:id="p5"><persName><forename>Moritz</forename><surname>Benedikt</surname></persName></person>
    </listPerson>
    <listPlace><place xml:id="pl1"><placeName>Wien</placeName></place><place xml:id="pl2"><placeName>Salzburg</placeName></place></listPlace>`;

const letters: Record<string, string> = {
  'L00001.xml': `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="L00001">
  ${header('L00001', 'Clara Muster an Karl Beispiel, 22. 7. 1893', '1893-07-22',
    '<objectDesc><supportDesc><extent><measure unit="kuvert" quantity="1"/><measure unit="blatt" quantity="1"/><measure unit="seite" quantity="4"/></extent></supportDesc></objectDesc>'
    + '<typeDesc><typeNote medium="schreibmaschine"/></typeDesc>'
    + '<handDesc hands="2"><handNote xml:id="hand-first" medium="schwarze-tinte" style="deutsche-kurrent"/><handNote medium="bleistift" style="lateinische-kurrent" corresp="#p3"/></handDesc>'
    + '<additions><incident type="postal"><desc><stamp n="1"><placeName ref="#pl1">Wien 9/3</placeName><date>22. 7. 93</date><time>2–3 M</time></stamp></desc></incident>'
    + '<incident type="postal"><desc><stamp n="2"><placeName ref="#pl2">Salzburg Stadt</placeName><date>23 7 93</date><time>2 N</time></stamp></desc></incident>'
    + '<incident type="postal"><desc>ersetzt durch: »<quote><p>Post Restante</p><p><rs ref="#pl2" type="place">Salzburg</rs></p></quote>«</desc></incident></additions>')}
  <text>
    <body>
      <div type="writingSession" n="1">
        <opener><seg type="letterhead"><seg rend="left">»Die Woche«</seg><seg rend="right">Wien, den 22. Juli</seg></seg><seg type="letterhead">Telephon Nr. 6415.</seg></opener>
        <p>Redaction<note type="footnote">Briefe an die Redaction.</note> und Freund <c rendition="#kaufmannsund"/> Jeckel, 10<c rendition="#prozent"/>, <c rendition="#geschwungene-klammer-auf"/>2, 4<c rendition="#geschwungene-klammer-zu"/>, Ausweg hat<c rendition="#dots" n="3"/> und<c rendition="#dots"/> und <c rendition="#unbekannt"/> und Wei<c rendition="#langesS">s</c>e <hi rend="underline" n="2">sehr</hi> <hi rend="spaced-out">nicht</hi>.</p>
        <p>Wir waren ein<pb facs="x_002"/>mal dort und <rs ref="#p5 #p4" type="person">Benedikt</rs>s kamen, in <rs ref="#pl1" type="place">Wien<note type="commentary">Damals im dritten Bezirk.</note></rs>.<anchor type="commentary" xml:id="K1"/>Gestern<note type="commentary" corresp="K1">Im Brief vom <ref type="schnitzler-briefe" target="L00009" subtype="date-only"/>; <ref type="schnitzler-briefe" target="L00002" subtype="See"/>; <ref type="schnitzler-tagebuch" target="1900-10-28" subtype="cf"/>; <ref type="schnitzler-briefe" target="L04444"/>.</note>.</p>
        <closer>Deine<signed><handShift scribe="#p3"/>Lisa</signed><handShift/>und <handShift new="#hand-first"/>Clara</closer>
      </div>
    </body>
    <back>${persons}</back>
  </text>
</TEI>
`,
  'L00002.xml': `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="L00002">
  ${header('L00002', 'Karl Beispiel an Clara Muster, 30. 7. 1893', '1893-07-30', '<objectDesc><supportDesc><extent><measure unit="karte" quantity="1"/></extent></supportDesc></objectDesc>'
    + '<handDesc hands="1"><handNote medium="blaue-tinte" style="nicht-anzuwenden"/></handDesc>')}
  <text><body><div type="writingSession" n="1"><p>Danke für <ref type="schnitzler-briefe" target="L00001" subtype="date-only"/>.</p>
    <p>Im Netz: <ref target="https://example.org/muster"><persName ref="#p1">Clara</persName> dort<note type="commentary">Eine Anmerkung im Link.</note></ref>.</p></div></body>
    <back>${persons}</back></text>
</TEI>
`,
};

let work: string;
let built: BuildResult;
const site = (path: string): string => readFileSync(join(work, 'site', path), 'utf8');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-commentary-'));
  const src = join(work, 'letters');
  mkdirSync(src);
  for (const [name, text] of Object.entries(letters)) writeFileSync(join(src, name), text);
  built = await buildEdition({ config: { ...genericConfig(src, undefined), cacheFolder: join(work, 'cache') }, out: join(work, 'site') });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The page's text without tags, whitespace collapsed. */
const words = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
/** The a and button start tags that stand inside an a (HTML allows neither). */
const nestedInLinks = (html: string): string[] => {
  const nested: string[] = [];
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)(a|button)\b[^>]*>/g)) {
    if (m[1] === '/') depth = m[2] === 'a' ? Math.max(0, depth - 1) : depth;
    else {
      if (depth > 0) nested.push(m[0]);
      if (m[2] === 'a') depth++;
    }
  }
  return nested;
};
const json = (base: string): { text: string; notes: Array<{ text: string }> } => JSON.parse(site(`json/${base}.json`)) as never;
const searchText = (): string => readdirSync(join(work, 'site/search')).filter((n) => n.startsWith('documents-')).map((n) => site(`search/${n}`)).join('\n');

describe('letters written as the Schnitzler letters are', () => {
  test('build, with no error', () => {
    expect(built.validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.published).toBe(true);
  });

  test("an empty ref reads as its target's title or date, a date as a date, with its lead word; an unresolved one stays marked", () => {
    const html = site('L00001.html');
    // In the folder: a link with the letter's title; subtype See leads with 'See'.
    expect(html).toContain('See <a href="L00002.html" class="tei-ref type-schnitzler-briefe">Karl Beispiel an Clara Muster, 30. 7. 1893</a>');
    // Not in the folder, but named by the letter's correspContext: its date there.
    expect(words(html)).toContain('Im Brief vom 18. 7. 1893;');
    expect(words(html)).toContain('cf. 28 October 1900;');
    expect(html).toMatch(/<span class="tei-ref link-refused ref-unresolved type-schnitzler-briefe" title="Reference to L04444, which this edition does not hold">L04444<\/span>/);
    // date-only to a letter of the folder: its date.
    expect(site('L00002.html')).toContain('<a href="L00001.html" class="tei-ref type-schnitzler-briefe">22 July 1893</a>');
    const text = site('text/L00001.txt');
    expect(text).toContain('Im Brief vom 18. 7. 1893; See Karl Beispiel an Clara Muster, 30. 7. 1893; cf. 28 October 1900; ⟨L04444⟩.');
    expect(json('L00002').text).toContain('Danke für 22 July 1893.');
  });

  test('a link holds no link and no button: a name or a note inside a ref with a target is no link or button of its own', () => {
    const html = site('L00002.html');
    expect(html).toMatch(/<a href="https:\/\/example\.org\/muster" class="tei-ref">[^]*?Clara[^]*?<\/a>/);
    for (const page of readdirSync(join(work, 'site')).filter((n) => n.endsWith('.html'))) {
      expect(nestedInLinks(site(page)), page).toEqual([]);
    }
  });

  test('an empty glyph is its character, a dots glyph @n dots; an undescribed one a visible placeholder; c with content keeps it', () => {
    const expected = 'Freund & Jeckel, 10%, {2, 4}, Ausweg hat... und… und ⟨glyph: unbekannt⟩ und Weise sehr nicht.';
    expect(site('text/L00001.txt')).toContain(expected);
    expect(json('L00001').text).toContain(expected);
    expect(searchText()).toContain('Freund & Jeckel');
    const html = words(site('L00001.html'));
    expect(html).toContain('Freund & Jeckel, 10%, {2, 4}, Ausweg hat... und… und ⟨unbekannt⟩ und Weise sehr nicht.');
    expect(site('L00001.html')).toContain('class="tei-c glyph-unknown" title="Glyph unbekannt, not described by the source"');
  });

  test("a letterhead's segs are lines of their own: blocks on the page, paragraphs in the text and JSON", () => {
    const html = site('L00001.html');
    expect(html).toContain('<span class="tei-seg seg-line rend-left">»Die Woche«</span> <span class="tei-seg seg-line rend-right">Wien, den 22. Juli</span>');
    expect(site('text/L00001.txt')).toMatch(/»Die Woche«\n\nWien, den 22\. Juli\n\nTelephon Nr\. 6415\./);
    expect(json('L00001').text).toContain('»Die Woche«\n\nWien, den 22. Juli\n\nTelephon');
    expect(readFileSync(join(import.meta.dirname, '../xslt/assets/edition.css'), 'utf8')).toMatch(/\.seg-line \{ display: block; \}/);
  });

  test('postmarks: parts separated by commas, stamps by semicolons; a quote of paragraphs in running text stays inline', () => {
    const html = site('L00001.html');
    expect(words(html)).toContain('Wien 9/3, 22. 7. 93, 2–3 M; Salzburg Stadt, 23 7 93, 2 N; ersetzt durch: »Post Restante / Salzburg«');
    const description = html.slice(html.indexOf('ersetzt durch'));
    expect(description.slice(0, description.indexOf('«'))).not.toMatch(/<(p|div)\b/);
  });

  test('hands: handShift @scribe names the person, a bare one says so; handNote @corresp, @medium and @style show; the hand\'s person has a page', () => {
    const html = site('L00001.html');
    expect(html).toContain('⟨Lisa Schreiber’s hand begins⟩');
    expect(html).toContain('⟨Change of hand⟩');
    expect(html).not.toMatch(/⟨Hand +begins⟩/);
    expect(html).toContain('<dd>First hand (schwarze tinte, deutsche kurrent); Lisa Schreiber’s hand (bleistift, lateinische kurrent)</dd>');
    expect(html).toContain('⟨First hand begins⟩');
    // A hand with neither name nor id, but its ink: no 'unidentified'.
    expect(site('L00002.html')).toContain('<dd>Hand (blaue tinte)</dd>');
    expect(words(html)).toContain('Lisa Schreiber: bleistift, lateinische kurrent');
    expect(html).not.toContain('unidentified');
    expect(site('L00002.html')).not.toContain('unidentified');
    const text = site('text/L00001.txt');
    expect(text).toContain('⟨hand: Lisa Schreiber⟩ Lisa');
    expect(text).toContain('⟨change of hand⟩');
    expect(text).not.toContain('⟨hand: ⟩');
    // Named only by hands, the person has an entry page, which the letter's list links.
    expect(html).toContain('href="persons/p3.html"');
    expect(site('persons/p3.html')).toContain('Schreiber');
  });

  test('a physical description in attributes reads as words', () => {
    const html = words(site('L00001.html'));
    expect(html).toContain('1 Kuvert, 1 Blatt, 4 Seiten');
    expect(html).toContain('Schreibmaschine');
    expect(html).toContain('Postkarte');
    expect(words(site('L00002.html'))).toContain('1 Karte');
  });

  test("commentary notes are this edition's; the source's printed footnote stays the source's", () => {
    const html = site('L00001.html');
    expect(html).toMatch(/<section class="notes notes-source"[^]*Briefe an die Redaction[^]*<\/section>/);
    const editorial = html.slice(html.indexOf('class="notes notes-editorial"'));
    expect(editorial).toContain('Damals im dritten Bezirk.');
    expect(editorial).toContain('Im Brief vom');
    expect(editorial).not.toContain('Briefe an die Redaction');
    const text = site('text/L00001.txt');
    expect(text).toContain('Redaction[1] und');
    expect(text).toContain('Gestern⟨2⟩');
  });

  test('a page break inside a word joins it in the text, the JSON and the search', () => {
    expect(site('text/L00001.txt')).toContain('Wir waren einmal dort');
    expect(json('L00001').text).toContain('einmal');
    expect(searchText()).toContain('Wir waren einmal dort');
  });

  test('rend values of the letters have their styles', () => {
    const css = readFileSync(join(import.meta.dirname, '../xslt/assets/edition.css'), 'utf8');
    for (const c of ['.rend-spaced-out', '.rend-italics', '.rend-capitals', '.underline-double']) expect(css).toContain(c);
    const html = site('L00001.html');
    expect(html).toContain('<span class="tei-hi rend-underline underline-double">sehr</span>');
    expect(html).toContain('<span class="tei-hi rend-spaced-out">nicht</span>');
  });

  test('a name with several pointers links each; a note inside a linked name has a working marker after the link', () => {
    const html = site('L00001.html');
    expect(html).toContain('<a href="persons/p5.html" class="tei-rs name type-person">Benedikt</a><sup class="name-more"><a href="persons/p4.html" title="Also: Benedikt, Anna" aria-label="Also: Benedikt, Anna">+</a></sup>s kamen');
    expect(html).toMatch(/<a href="places\/pl1\.html" class="tei-rs name type-place">Wien<\/a><sup class="noteref noteref-editorial"><button type="button"/);
    expect(html).not.toMatch(/<a [^>]*>[^<]*<sup/);
  });
});
