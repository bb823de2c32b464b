/**
 * Issue 14: a folder of someone else's TEI, real-shaped and awkwardly
 * named, builds into a sane edition. Made at test time: a clone on a
 * case-insensitive file system cannot hold both index.xml and Index.xml.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/cli/main.js';
import type { DocumentListEntry } from '../src/edition/list.js';
import { formatDocumentTable } from '../src/edition/list.js';
import { outputBaseNames } from '../src/site/output-names.js';
import { fakeTerminal } from './helpers/terminal.js';

const series = 'Briefe an und von Clara Muster';

/** A letter as a real correspondence edition writes it: pointers into a register of its own name, inline notes, lb, keywords. */
function letter(id: string, o: { to?: string; from?: string; next?: string; extra?: string; back?: string; correspondence?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${id}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title level="s">${series}</title><title level="a">Brief ${id}</title></titleStmt>
      <publicationStmt><publisher>Musterverlag</publisher>
        <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability></publicationStmt>
      <sourceDesc>
        <msDesc><msIdentifier><settlement>Wien</settlement><repository>Musterarchiv</repository><idno>Nachlass ${id}</idno></msIdentifier></msDesc>
        <listBibl><bibl>Muster: Gesammelte Briefe. Wien 1990, S. 12</bibl></listBibl>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <langUsage><language ident="de">Deutsch</language></langUsage>
      <textClass><keywords><term>Reise</term><term>Familie</term></keywords></textClass>
      <correspDesc>
        ${o.correspondence ?? `<correspAction type="sent"><persName ref="#${o.from ?? 'p1'}">Clara Muster</persName><placeName ref="#pl1">Wien</placeName><date when="1890-05-01">1. Mai 1890</date></correspAction>
        <correspAction type="received"><persName ref="#${o.to ?? 'p2'}">Karl Beispiel</persName></correspAction>`}
        <correspContext><ref type="next" target="${o.next ?? 'L404'}"/><ref type="prev" target="L404"/></correspContext>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <p>Lieber <persName ref="#p2">Karl</persName>, in <placeName ref="#pl1">Wien</placeName> ist es schön<note place="foot">Eine Anmerkung der Ausgabe.</note>.<lb/>Die Reise war lang und anstren<lb break="no"/>gend. Grüße vom <orgName key="O1">Musterverein</orgName>.${o.extra ?? ''}</p>
    </body>${o.back ? `
    <back>${o.back}</back>` : ''}
  </text>
</TEI>
`;
}

const register = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Register</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <listPerson>
      <person xml:id="p1"><persName>Muster, Clara</persName></person>
      <person xml:id="p2"><persName>Beispiel, Karl</persName></person>
    </listPerson>
    <listPlace><place xml:id="pl1"><placeName>Wien</placeName>
      <location type="coords"><geo>48,208333 16,373056</geo></location>
      <location type="located_in_place"><placeName key="pl9">Österreich</placeName><geo>47,33333 13,33333</geo></location></place></listPlace>
  </body></text>
</TEI>
`;

/** A person as a letter describes her in its back (L11; L14 the same, laid out otherwise). */
const zweig = '<person xml:id="p3"><persName><surname>Zweig</surname><forename>Anna</forename></persName>'
  + '<birth><date when="1861-03-02">2. 3. 1861</date> <settlement ref="pl1"><placeName type="pref">Wien</placeName>'
  + '<location><geo>48,208333 16,373056</geo></location></settlement></birth><death when="1930">1930</death></person>';

const letters: Record<string, string> = {
  'index.xml': letter('L1', { next: 'L2' }),
  'Index.xml': letter('L2'),
  'search.xml': letter('L3'),
  'persons.xml': letter('L4'),
  'edition.xml': letter('L5'),
  'a b.xml': letter('L6', { next: 'x%20y.xml' }),
  'x%20y.xml': letter('L7'),
  'Über 1890.xml': letter('L8'),
  'Brief (Kopie).xml': letter('L9', { extra: ' Siehe <persName ref="#nowhere">Niemand</persName>.' }),
  'L2.xml': letter('L10'),
  // As the Schnitzler letters do: the persons a letter names described in its own back/listPerson, not in a register.
  // p3 is in no register; p1 is, and the register's entry wins over the letter's.
  'L11.xml': letter('L11', {
    extra: ' Gruß an <persName ref="#p3">Anna</persName>.',
    back: `<listPerson>${zweig}<person xml:id="p1"><persName>Clara aus dem Brief</persName></person></listPerson>`,
  }),
  // Names p3 without describing her: the entry another letter gives is hers.
  'L12.xml': letter('L12', { extra: ' Und <persName ref="#p3">Frau Zweig</persName>.' }),
  // Describes p3 as L11 does, in another layout: no conflict.
  'L14.xml': letter('L14', { back: `<listPerson>\n        ${zweig.replace(/></g, '>\n          <')}\n      </listPerson>` }),
  // Several senders and recipients: two persons in one correspAction, two correspActions of each type, names with commas.
  'L13.xml': letter('L13', {
    correspondence: '<correspAction type="sent"><persName ref="#p1">Clara Muster</persName><persName>Muster, Anna</persName>'
      + '<placeName ref="#pl1">Wien</placeName><date when="1890-06-01">1. Juni 1890</date></correspAction>'
      + '<correspAction type="sent"><orgName>Musterverein</orgName></correspAction>'
      + '<correspAction type="received"><persName ref="#p2">Beispiel, Karl</persName></correspAction>'
      + '<correspAction type="received"><persName>Beispiel, Hans</persName><placeName>Graz</placeName></correspAction>',
  }),
};

let root: string;
let out: string;
let result: { exitCode: number; out: string; err: string };
let listed: { exitCode: number; out: string; err: string };
const bases = outputBaseNames([...Object.keys(letters).map((name) => ({ name, document: true })), { name: 'Verzeichnis.xml', document: false }]);
const page = (name: string): string => readFileSync(join(out, `${bases.get(name)!}.html`), 'utf8');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'edition-foreign-'));
  const src = join(root, 'letters');
  out = join(root, 'site');
  mkdirSync(src);
  for (const [name, text] of Object.entries(letters)) writeFileSync(join(src, name), text);
  writeFileSync(join(src, 'Verzeichnis.xml'), register);
  const t = fakeTerminal(root);
  const { exitCode } = await run(['node', 'edition', 'build', '--src', 'letters', '--out', 'site', '--format', 'json'], t);
  result = { exitCode, out: t.out, err: t.err };
  const l = fakeTerminal(root);
  listed = { exitCode: (await run(['node', 'edition', 'list', '--src', 'letters', '--json'], l)).exitCode, out: l.out, err: l.err };
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a foreign folder of awkwardly named letters', () => {
  test('builds, with warnings only', () => {
    expect(result.exitCode, result.err + result.out).toBe(0);
    const rows = JSON.parse(result.out) as Array<{ severity: string }>;
    expect(rows.filter((r) => r.severity === 'error')).toEqual([]);
  });

  test('every letter has its page, text and JSON; the register is no letter', () => {
    for (const name of Object.keys(letters)) {
      const base = bases.get(name)!;
      for (const path of [`${base}.html`, `text/${base}.txt`, `json/${base}.json`, `tei/${base}.xml`]) expect(existsSync(join(out, path)), `${name}: ${path}`).toBe(true);
      expect(readFileSync(join(out, `text/${base}.txt`), 'utf8')).toContain('Die Reise war lang');
    }
    expect(existsSync(join(out, 'Verzeichnis.html'))).toBe(false);
    expect(existsSync(join(out, 'tei/Verzeichnis.xml'))).toBe(true);
  });

  test("the site's index is the index, and lists every letter", () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('data-sender=');
    for (const name of Object.keys(letters)) expect(index).toContain(`href="${bases.get(name)!}.html"`);
    for (const site of ['search.html', 'persons.html', 'about.html']) expect(readFileSync(join(out, site), 'utf8')).not.toContain('Die Reise war lang');
    expect(readFileSync(join(out, 'text/edition.txt'), 'utf8')).toContain('Die Reise war lang');
  });

  test('the unresolved pointer is one warning', () => {
    const rows = JSON.parse(result.out) as Array<{ rule: string; message: string; file: string }>;
    const unresolved = rows.filter((r) => r.rule === 'pointer-unresolved');
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toContain('#nowhere');
    expect(unresolved[0]!.file).toContain('Brief (Kopie).xml');
  });

  test("an entry a letter describes otherwise than the register is one warning with both places; the same description is none", () => {
    const rows = JSON.parse(result.out) as Array<{ rule: string; severity: string; message: string; file: string; line: number; column: number }>;
    const conflicts = rows.filter((r) => r.rule === 'register-entry-conflict');
    expect(conflicts.map((r) => [r.file.replace(/^.*\//, ''), r.severity, r.message])).toEqual([
      ['L11.xml', 'warning', '<person xml:id="p1"> differs from its description at Verzeichnis.xml:6:7, which the pages use'],
    ]);
    const line = readFileSync(join(root, 'letters/L11.xml'), 'utf8').split('\n')[conflicts[0]!.line - 1]!;
    expect([...line].slice(conflicts[0]!.column - 1).join('')).toMatch(/^<person xml:id="p1">/);
  });

  test('names link into the register, whatever its file name, and its entry pages exist', () => {
    const html = page('a b.xml');
    expect(html).toContain('href="persons/p2.html"');
    expect(html).toContain('href="places/pl1.html"');
    expect(existsSync(join(out, 'persons/p2.html'))).toBe(true);
    expect(readFileSync(join(out, 'persons/p2.html'), 'utf8')).toContain(`href="../${bases.get('a b.xml')!}.html"`);
  });

  test("persons a letter describes in its own back are register entries: listed with their life dates, with pages, linked", () => {
    const persons = readFileSync(join(out, 'persons.html'), 'utf8');
    expect(persons).toContain('<a href="persons/p3.html">Zweig, Anna</a><span class="life-dates">, 1861–1930</span><span class="count"> (named in the text of 2 documents)</span>');
    const entry = readFileSync(join(out, 'persons/p3.html'), 'utf8');
    for (const name of ['L11.xml', 'L12.xml']) {
      expect(entry).toContain(`href="../${bases.get(name)!}.html"`);
      expect(page(name)).toContain('href="persons/p3.html"');
    }
    // The register's entry, not the letter's copy, is p1's.
    expect(readFileSync(join(out, 'persons/p1.html'), 'utf8')).toContain('Muster, Clara');
    expect(readFileSync(join(out, 'persons/p1.html'), 'utf8')).not.toContain('Clara aus dem Brief');
    const json = JSON.parse(readFileSync(join(out, 'json/persons.json'), 'utf8')) as { entries: Array<{ id: string; label: string; documents: unknown[] }> };
    expect(json.entries.find((e) => e.id === 'p3')).toMatchObject({ label: 'Zweig, Anna' });
    expect(json.entries.find((e) => e.id === 'p3')!.documents).toHaveLength(2);
  });

  test('every sender and recipient of a letter is in its JSON, in index.json and in edition list, each apart', () => {
    const wien = { place: 'Wien', placeRef: '#pl1', date: { when: '1890-06-01', text: '1. Juni 1890' }, subtype: null };
    const nowhere = { place: null, placeRef: null, date: { when: null, text: null }, subtype: null };
    const sender = [
      { ref: '#p1', name: 'Clara Muster', ...wien },
      { ref: null, name: 'Muster, Anna', ...wien },
      { ref: null, name: 'Musterverein', ...nowhere },
    ];
    const recipient = [
      { ref: '#p2', name: 'Beispiel, Karl', ...nowhere },
      { ref: null, name: 'Beispiel, Hans', place: 'Graz', placeRef: null, date: { when: null, text: null }, subtype: null },
    ];
    const json = JSON.parse(readFileSync(join(out, 'json/L13.json'), 'utf8')) as Record<string, unknown>;
    expect({ sender: json['sender'], recipient: json['recipient'] }).toEqual({ sender, recipient });
    const index = JSON.parse(readFileSync(join(out, 'json/index.json'), 'utf8')) as { documents: Array<Record<string, unknown>> };
    const row = index.documents.find((d) => d['file'] === 'L13');
    expect({ sender: row?.['sender'], recipient: row?.['recipient'] }).toEqual({ sender, recipient });
    // A letter of one sender and one recipient: arrays of one.
    expect((JSON.parse(readFileSync(join(out, 'json/L12.json'), 'utf8')) as { sender: unknown[] }).sender).toEqual([
      { ref: '#p1', name: 'Clara Muster', place: 'Wien', placeRef: '#pl1', date: { when: '1890-05-01', text: '1. Mai 1890' }, subtype: null },
    ]);
    // The page's card lists every correspAction; its schema.org data and citation tags name every sender and recipient too.
    const html = page('L13.xml');
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!) as { sender: Array<{ name: string }>; recipient: Array<{ name: string }> };
    expect([ld.sender.map((p) => p.name), ld.recipient.map((p) => p.name)]).toEqual([['Clara Muster', 'Muster, Anna', 'Musterverein'], ['Beispiel, Karl', 'Beispiel, Hans']]);
    expect([...html.matchAll(/<meta name="citation_author" content="([^"]*)">/g)].map((m) => m[1])).toEqual(['Clara Muster', 'Muster, Anna', 'Musterverein']);
    expect(listed.exitCode, listed.err).toBe(0);
    const rows = JSON.parse(listed.out) as DocumentListEntry[];
    const l13 = rows.find((r) => r.file === 'L13.xml')!;
    expect(l13).toMatchObject({ sender: ['Clara Muster', 'Muster, Anna', 'Musterverein'], recipient: ['Beispiel, Karl', 'Beispiel, Hans'] });
    // The table separates the names with semicolons: a name may hold a comma.
    expect(formatDocumentTable([l13])).toContain('Clara Muster; Muster, Anna; Musterverein  Beispiel, Karl; Beispiel, Hans');
  });

  test("an entry page names a person's birth place without its coordinates; a place's page gives its own as 'lat, long'", () => {
    const born = /<dt>Born<\/dt><dd>([\s\S]*?)<\/dd>/.exec(readFileSync(join(out, 'persons/p3.html'), 'utf8'))?.[1] ?? '';
    expect(born).toContain('Wien');
    expect(born).toContain('1861');
    // Its date and its place are parts apart: '2. 3. 1861, Wien'.
    expect(born.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim()).toBe('2. 3. 1861, Wien');
    expect(born).not.toMatch(/48[.,]208333|16[.,]373056/);
    const place = readFileSync(join(out, 'places/pl1.html'), 'utf8');
    expect(place).toMatch(/<dt>Coordinates<\/dt><dd>[^]*?48\.208333, 16\.373056/);
    expect(place).toMatch(/<dt>Located in<\/dt><dd>[^]*?Österreich/);
    // The coordinates of the place it lies in are that place's, not shown here.
    expect(place).not.toMatch(/47[.,]33333/);
  });

  test('related letters link when they are in the folder, and are text otherwise', () => {
    expect(page('a b.xml')).toContain(`href="${bases.get('x%20y.xml')!}.html"`);
    expect(page('index.xml')).toContain('href="L2.html"');
    const html = page('Index.xml');
    expect(html).not.toContain('href="L404');
    expect(html).toContain('L404');
    const rows = JSON.parse(result.out) as Array<{ rule: string; message: string }>;
    expect(rows.some((r) => r.rule === 'corresp-context-target' && r.message.includes('L404'))).toBe(true);
    expect(rows.some((r) => r.rule === 'corresp-context-target' && r.message.includes('"L2"'))).toBe(false);
  });

  test("the page reads the source's structure: inline note in place, keywords, bibliography, every lb", () => {
    const html = page('Über 1890.xml');
    expect(html).not.toContain('No anchor in the text');
    expect(html).not.toContain('numbered as printed there');
    expect(html).toMatch(/schön<sup class="noteref">/);
    expect(html).toContain('Reise; Familie');
    expect(html).toContain('Muster: Gesammelte Briefe');
    expect(html).toContain('anstren<br class="lb-in-word">gend');
    // Every other lb is a line break too, with a space after it for the reading view, which runs the lines of such a text on.
    expect(html).toContain('schön<sup class="noteref">');
    expect(html).toMatch(/<br class="lb"> Die Reise/);
    // The text output runs the lines on and joins the word.
    expect(readFileSync(join(out, `text/${bases.get('Über 1890.xml')!}.txt`), 'utf8')).toMatch(/\. Die Reise war lang und anstrengend\./);
  });

  test("identity from the corpus: its title and licence, the text's language; the page stays English", () => {
    const html = page('Über 1890.xml');
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en">/);
    expect(html).toMatch(/<div class="text-body" lang="de">/);
    expect(html).toContain(series);
    expect(html).toContain('creativecommons.org/licenses/by/4.0');
    expect(html).not.toMatch(/Bolshevik/i);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(series);
  });

  test('names with a @key and no register are grouped by key on their register page', () => {
    const orgs = readFileSync(join(out, 'orgs.html'), 'utf8');
    expect(orgs).toContain('Musterverein');
    expect(orgs).toContain('[O1]');
    expect(orgs).toContain(`href="${bases.get('a b.xml')!}.html"`);
  });

  test('the page offers its source under its original name', () => {
    expect(page('Brief (Kopie).xml')).toContain('download="Brief (Kopie).xml"');
  });
});

describe('where a foreign folder is published (--base-url)', () => {
  const projectRoot = join(import.meta.dirname, '..');

  test("a foreign folder takes no base URL from this edition's configuration; --base-url gives one, ending in /", async () => {
    const { resolveProfile } = await import('../src/config.js');
    const elsewhere = mkdtempSync(join(tmpdir(), 'edition-foreign-base-'));
    try {
      expect(resolveProfile({ cwd: projectRoot }).baseUrl).not.toBe('');
      expect(resolveProfile({ cwd: projectRoot, source: elsewhere }).baseUrl).toBe('');
      expect(resolveProfile({ cwd: projectRoot, source: elsewhere, baseUrl: 'https://example.net/briefe' }).baseUrl).toBe('https://example.net/briefe/');
      for (const bad of ['briefe/', 'ftp://example.net/', 'https://example.net/?a=1', 'https://example.net/#x']) {
        expect(() => resolveProfile({ cwd: projectRoot, source: elsewhere, baseUrl: bad }), bad).toThrow(/--base-url must/);
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  test("with --base-url the pages' permanent links and CMIF's addresses are absolute under it", async () => {
    const root = mkdtempSync(join(tmpdir(), 'edition-foreign-base-'));
    try {
      mkdirSync(join(root, 'letters'));
      writeFileSync(join(root, 'letters', 'a b.xml'), letter('L1'));
      writeFileSync(join(root, 'letters', 'Verzeichnis.xml'), register);
      const t = fakeTerminal(root);
      const { exitCode } = await run(['node', 'edition', 'build', '--src', 'letters', '--out', 'site', '--quiet', '--base-url', 'https://example.net/briefe'], t);
      expect(exitCode, t.err + t.out).toBe(0);
      const base = outputBaseNames([{ name: 'a b.xml', document: true }]).get('a b.xml')!;
      const html = readFileSync(join(root, 'site', `${base}.html`), 'utf8');
      expect(html).toContain(`https://example.net/briefe/${base}.html`);
      const cmif = readFileSync(join(root, 'site', 'cmif.xml'), 'utf8');
      expect(cmif).toContain(`<correspDesc ref="https://example.net/briefe/${base}.html"`);
      expect(cmif).toContain('<idno type="url">https://example.net/briefe/cmif.xml</idno>');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('edition list of a foreign folder', () => {
  test('lists the letters in the order of the site: unnumbered letters by date of sending, then by file name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'edition-foreign-list-'));
    try {
      mkdirSync(join(root, 'letters'));
      const sent = (date: string): string => `<correspAction type="sent"><persName ref="#p1">Clara Muster</persName><date when="${date}">${date}</date></correspAction>
        <correspAction type="received"><persName ref="#p2">Karl Beispiel</persName></correspAction>`;
      writeFileSync(join(root, 'letters', 'A.xml'), letter('L1', { correspondence: sent('1902-11-20') }));
      writeFileSync(join(root, 'letters', 'B.xml'), letter('L2', { correspondence: sent('1889-06-18') }));
      writeFileSync(join(root, 'letters', 'C.xml'), letter('L3', { correspondence: sent('1902-11') }));
      writeFileSync(join(root, 'letters', 'Verzeichnis.xml'), register);
      const t = fakeTerminal(root);
      expect((await run(['node', 'edition', 'list', '--src', 'letters', '--json'], t)).exitCode, t.err).toBe(0);
      expect((JSON.parse(t.out) as DocumentListEntry[]).map((e) => e.file)).toEqual(['B.xml', 'C.xml', 'A.xml']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
