/**
 * The register pages of a foreign folder whose registers come from a
 * database (the PMB, as the Schnitzler letters' listplace.xml and
 * listorg.xml do): what a reader needs, not the database's internals.
 * A small hand-written folder; tests/conformance/schnitzler.test.ts holds
 * the same to the real letters.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/cli/main.js';
import { fakeTerminal } from './helpers/terminal.js';

const header = (title: string): string => `<teiHeader><fileDesc><titleStmt><title>${title}</title></titleStmt>
    <publicationStmt><publisher>Musterverlag</publisher></publicationStmt><sourceDesc><p>Hand-written.</p></sourceDesc></fileDesc></teiHeader>`;

const ids = (n: string): string => `<idno type="URL" subtype="pmb">https://pmb.acdh.oeaw.ac.at/entity/${n}/</idno>`;

const register = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  ${header('Orte und Institutionen')}
  <text><body>
    <listPlace>
      <place xml:id="pmb1">
        <placeName>Berlin</placeName>
        <placeName type="alternative-name">Reichshauptstadt Berlin</placeName>
        <desc type="entity_type">P.PPLC</desc>
        <desc type="entity_type_id">1418</desc>
        <location type="coords"><geo>52,52437 13,41053</geo></location>
        <location type="located_in_place">
          <placeName key="pmb2">Deutschland</placeName>
          <geo>51,5 10,5</geo>
          <note type="IDNO" subtype="gnd">https://d-nb.info/gnd/4011882-4</note>
        </location>
        <idno type="URL" subtype="geonames">https://sws.geonames.org/2950159/</idno>
        <idno type="URL" subtype="gnd">https://d-nb.info/gnd/4005728-8</idno>
        ${ids('1')}
        ${ids('92171')}
        <idno type="URL" subtype="wikidata">http://www.wikidata.org/entity/Q64</idno>
        <idno type="URL" subtype="wikidata">http://www.wikidata.org/entity/Q64</idno>
        <idno type="URL" subtype="wikipedia">https://de.wikipedia.org/wiki/Berlin</idno>
        <listBibl><bibl type="collections" n="24">manually created entity</bibl></listBibl>
      </place>
      <place xml:id="pmb2"><placeName>Deutschland</placeName><desc type="entity_type">A.PCLI</desc><desc type="entity_type_id">1422</desc></place>
      <place xml:id="pmb3">
        <placeName>?? [Hotel in Berlin 1901]</placeName>
        <desc type="entity_type">Hotel (K.HTL)</desc>
        <desc type="entity_type_id">30</desc>
        <location type="located_in_place"><placeName key="pmb1">Berlin</placeName><geo>52,52437 13,41053</geo></location>
        ${ids('3')}
        <idno type="URL">https:// www.hotel.example.org/1901</idno>
      </place>
      <place xml:id="pmb4"><placeName>Aachen</placeName></place>
      <place xml:id="Bonn"><placeName>Bonn</placeName></place>
      <place xml:id="pmb5">
        <placeName>Zollernstraße 3</placeName>
        <desc type="entity_type">Wohngebäude (K.WHS)</desc>
        <location type="located_in_place"><placeName key="pmb4">Aachen</placeName></location>
      </place>
    </listPlace>
    <listOrg>
      <org xml:id="pmb6">
        <orgName>»Freie Bühne« Verein für moderne Literatur</orgName>
        <orgName type="werk_link">https://freie-buehne.example.org/</orgName>
        <orgName type="werk_link">https:// www.buehne.example.org/</orgName>
        <desc type="entity_type">Literarische Vereinigung</desc>
        <desc type="entity_type_id">972</desc>
        <location type="located_in_place"><placeName key="pmb1">Berlin</placeName></location>
        ${ids('6')}
        <note type="references">https:// www.digital.example.org/periodical/63286</note>
        <note type="apis_dates"><date from-iso="1889-01-01" to-iso="1894-01-01">1889 – 1894</date></note>
      </org>
    </listOrg>
  </body></text>
</TEI>
`;

const letter = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="L1">
  <teiHeader>
    <fileDesc>
      <titleStmt><title level="a">Brief L1</title></titleStmt>
      <publicationStmt><publisher>Musterverlag</publisher>
        <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability></publicationStmt>
      <sourceDesc><p>Hand-written.</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc>
        <correspAction type="sent"><persName ref="#p1">Clara Muster</persName><placeName ref="#pmb1">Berlin</placeName><date when="1890-05-01">1. Mai 1890</date></correspAction>
        <correspAction type="received"><persName>Karl Beispiel</persName></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <p>Aus <placeName ref="#pmb1">Berlin</placeName> in <placeName ref="#pmb2">Deutschland</placeName>, im
        <placeName ref="#pmb3">Hotel</placeName>, nicht in der <placeName ref="#pmb5">Zollernstraße</placeName> oder in <placeName ref="#Bonn">Bonn</placeName>;
        die <orgName ref="#pmb6">Freie Bühne</orgName> grüßt.</p>
    </body>
    <back>
      <listPerson>
        <person xml:id="p1">
          <persName><forename>Clara</forename><surname>Muster</surname></persName>
          <birth><date when="1861-03-02">02.03.1861</date>
            <settlement ref="pmb1"><placeName type="pref">Berlin</placeName><location><geo>52,52437 13,41053</geo></location></settlement></birth>
          <sex value="female"/>
          <affiliation><term ref="pmb1182">Mitglied von</term>
            <orgName ref="pmb6">Freie Bühne</orgName>
            <note type="IDNO" subtype="pmb">https://pmb.acdh.oeaw.ac.at/entity/6/</note></affiliation>
          <listEvent>
            <event><desc>Reise</desc><placeName key="pmb1">Berlin</placeName></event>
            <event xml:lang="de"><desc>Kur</desc><placeName key="pmb4">Bad <hi>Aachen</hi> am Rhein</placeName></event>
          </listEvent>
          <note type="references"> </note>
          ${ids('11')}
        </person>
      </listPerson>
    </back>
  </text>
</TEI>
`;

let root: string;
let out: string;
let exitCode: number;
const read = (path: string): string => readFileSync(join(out, path), 'utf8');
/** The entry's details (its dl), and what of them a reader sees as text. */
const details = (path: string): string => /<dl class="entry-details">[\s\S]*?<\/dl>/.exec(read(path))?.[0] ?? '';
const visible = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const row = (html: string, dt: string): string => new RegExp(`<dt>${dt}</dt><dd[^>]*>([\\s\\S]*?)</dd>`).exec(html)?.[1] ?? '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'edition-foreign-registers-'));
  const src = join(root, 'letters');
  out = join(root, 'site');
  mkdirSync(src);
  writeFileSync(join(src, 'L1.xml'), letter);
  writeFileSync(join(src, 'listplace.xml'), register);
  const t = fakeTerminal(root);
  ({ exitCode } = await run(['node', 'edition', 'build', '--src', 'letters', '--out', 'site', '--format', 'json'], t));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a foreign folder's register pages (database-made entries)", () => {
  test('builds', () => {
    expect(exitCode).toBe(0);
  });

  test("show no database internals: no bare-number identifiers or descriptions, codes in words, no collections", () => {
    const berlin = details('places/pmb1.html');
    expect(visible(berlin)).not.toMatch(/\b1418\b/);
    expect(visible(berlin)).not.toContain('P.PPLC');
    expect(row(berlin, 'Kind')).toBe('Capital of a country');
    expect(visible(berlin)).not.toContain('manually created entity');
    expect(berlin).not.toContain('<dt>Description</dt>');
    const hotel = details('places/pmb3.html');
    expect(row(hotel, 'Kind')).toBe('Hotel');
    expect(visible(hotel)).not.toMatch(/\b30\b|K\.HTL/);
    const org = details('orgs/pmb6.html');
    expect(visible(org)).not.toMatch(/\b972\b/);
    expect(row(org, 'Kind')).toBe('Literarische Vereinigung');
    expect(visible(row(org, 'Dates')).trim()).toBe('1889 – 1894');
    // A name type in words.
    expect(berlin).toContain('<dt>Name (alternative name)</dt>');
  });

  test('link the place an entry lies in when it has a page, and name it otherwise; no coordinates or identifiers of it', () => {
    const berlin = details('places/pmb1.html');
    expect(row(berlin, 'Located in')).toBe('<a href="../places/pmb2.html">Deutschland</a>');
    expect(berlin).not.toMatch(/51[.,]5|4011882/);
    expect(row(details('places/pmb3.html'), 'Located in')).toBe('<a href="../places/pmb1.html">Berlin</a>');
    expect(row(details('orgs/pmb6.html'), 'Located in')).toBe('<a href="../places/pmb1.html">Berlin</a>');
    // Aachen is named by no letter, so it has no page: its name, unlinked.
    expect(row(details('places/pmb5.html'), 'Located in')).toBe('Aachen');
  });

  test('show web identifiers as one row of links named by their authority or host, each address once', () => {
    const links = row(details('places/pmb1.html'), 'Links');
    const anchors = [...links.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[2], m[1]]);
    expect(anchors).toEqual([
      ['GND', 'https://d-nb.info/gnd/4005728-8'],
      ['Wikidata', 'http://www.wikidata.org/entity/Q64'],
      ['GeoNames', 'https://sws.geonames.org/2950159/'],
      ['Wikipedia (de)', 'https://de.wikipedia.org/wiki/Berlin'],
      ['PMB 1', 'https://pmb.acdh.oeaw.ac.at/entity/1/'],
      ['PMB 2', 'https://pmb.acdh.oeaw.ac.at/entity/92171/'],
    ]);
    // A name or note that is a web address is a link of the row, not text.
    const org = details('orgs/pmb6.html');
    expect(row(org, 'Links')).toContain('<a href="https://freie-buehne.example.org/">freie-buehne.example.org</a>');
    expect(row(org, 'Links')).toContain('<a href="https://www.digital.example.org/periodical/63286">digital.example.org</a>');
    for (const page of ['places/pmb1.html', 'places/pmb3.html', 'orgs/pmb6.html', 'persons/p1.html']) {
      expect(visible(details(page)), page).not.toMatch(/https?:\/\//);
    }
  });

  test("link a person's birth place and an affiliation's organisation to their pages; coordinates to a map", () => {
    const person = details('persons/p1.html');
    expect(row(person, 'Born').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim()).toBe('02.03.1861, Berlin');
    expect(row(person, 'Born')).toContain('<a href="../places/pmb1.html">Berlin</a>');
    expect(row(person, 'Affiliation')).toContain('<a href="../orgs/pmb6.html">Freie Bühne</a>');
    expect(row(person, 'Sex')).toBe('Female');
    // An empty note is no row.
    expect(person).not.toContain('<dt>Note</dt>');
    expect(row(details('places/pmb1.html'), 'Coordinates'))
      .toBe('<a class="tei-geo" href="https://www.openstreetmap.org/?mlat=52.52437&amp;mlon=13.41053#map=14/52.52437/13.41053">52.52437, 13.41053</a>');
  });

  test('list entries without a usable name last, labelled, and names in brackets or quotation marks by their first word', () => {
    const labels = [...read('places.html').matchAll(/<li><a href="places\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Berlin', 'Bonn', 'Deutschland', 'Zollernstraße 3', '[Hotel in Berlin 1901] (name unknown)']);
    expect(read('places/pmb3.html')).toContain('<h1>[Hotel in Berlin 1901] (name unknown)</h1>');
    expect(read('places.html')).not.toContain('??');
  });
});

describe("a foreign folder's register pages: parts that name entries", () => {
  test('keep their element around them: the events of a listEvent apart, each with its class and language', () => {
    const person = details('persons/p1.html');
    const events = /<dt>[^<]*<\/dt><dd[^>]*>((?:(?!<\/dd>)[\s\S])*tei-event[\s\S]*?)<\/dd>/.exec(person)?.[1] ?? '';
    expect(events).toMatch(/^<div class="tei-listEvent">\s*<div class="tei-event"><span class="tei-desc">Reise<\/span><a href="..\/places\/pmb1.html">Berlin<\/a><\/div>/);
    expect(events).toContain('<div class="tei-event" lang="de"><span class="tei-desc">Kur</span>Bad Aachen am Rhein</div>');
    expect(visible(events)).toMatch(/Reise Berlin .*Kur Bad Aachen am Rhein/);
    // An affiliation is its element too.
    expect(row(person, 'Affiliation')).toMatch(/^<(div|span) class="tei-affiliation">/);
  });

  test('read a name of mixed content in document order', () => {
    expect(visible(details('persons/p1.html'))).toContain('Kur Bad Aachen am Rhein');
  });

  test('show an address broken after its scheme once, as a link, never as an identifier or a name', () => {
    const hotel = details('places/pmb3.html');
    expect(hotel).not.toContain('<dt>Identifier');
    expect(row(hotel, 'Links')).toContain('<a href="https://www.hotel.example.org/1901">hotel.example.org</a>');
    const org = details('orgs/pmb6.html');
    expect(org).not.toContain('buehne.example.org</dd>');
    expect(row(org, 'Links')).toContain('<a href="https://www.buehne.example.org/">buehne.example.org</a>');
    expect(visible(org)).not.toMatch(/https?:\/\//);
  });

  test('list an entry whose id is its name among the named entries', () => {
    const labels = [...read('places.html').matchAll(/<li><a href="places\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Berlin', 'Bonn', 'Deutschland', 'Zollernstraße 3', '[Hotel in Berlin 1901] (name unknown)']);
  });
});
