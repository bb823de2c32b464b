// Issue 14: 294 real letters of another edition (../shared, read in place)
// and two of its registers build into a sane edition, though their person
// pointers go into a register that is not there.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../../src/site/index.js';
import type { BuildResult } from '../../src/site/index.js';
import { outputBaseNames } from '../../src/site/output-names.js';
import { genericConfig } from '../../src/config.js';
import { ancestor as ancestorNamed, childElements, descendants, descendantsNamed, localName, parseXml, textOf } from '../../src/parse/tree.js';
import type { XmlElement } from '../../src/parse/tree.js';
import { pointerAttributes } from '../../src/edition/files.js';
import { sharedFolder } from './shared-folder.ts';
import { textOfTei, wordsOf } from './text-of-tei.ts';

const folder = join(sharedFolder(), 'fixtures/schnitzler-letters');
const registers = ['listorg.xml', 'listplace.xml'];
const letters = readdirSync(folder).filter((n) => n.endsWith('.xml') && !registers.includes(n)).sort();
const bases = outputBaseNames(letters.map((name) => ({ name, document: true })));
let work: string;
let built: BuildResult;
let seconds: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-schnitzler-'));
  const started = Date.now();
  built = await buildEdition({ config: { ...genericConfig(folder, undefined), cacheFolder: join(work, 'cache') }, out: join(work, 'site') });
  seconds = (Date.now() - started) / 1000;
}, 1_800_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = (path: string): string => join(work, 'site', path);

describe('the Schnitzler letters', () => {
  test('build, with no error', () => {
    expect(letters.length).toBe(294);
    expect(built.validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.problems).toEqual([]);
    expect(built.published).toBe(true);
    expect(built.documents).toBe(294);
    console.info(`Schnitzler folder: ${letters.length} letters and 2 registers built in ${seconds.toFixed(1)} s`);
  });

  test('every letter has a page, a text and a JSON, and every word of its body is in its text', () => {
    const incomplete: string[] = [];
    for (const name of letters) {
      const base = bases.get(name)!;
      if (![`${base}.html`, `text/${base}.txt`, `json/${base}.json`].every((p) => existsSync(site(p)))) {
        incomplete.push(`${name}: outputs missing`);
        continue;
      }
      const body = descendantsNamed(parseXml(readFileSync(join(folder, name), 'utf8')).root, 'body')[0];
      const missing = new Map<string, number>();
      for (const w of wordsOf(body ? bodyText(serialise(body)) : '')) missing.set(w, (missing.get(w) ?? 0) + 1);
      const words = wordsOf(readFileSync(site(`text/${base}.txt`), 'utf8'));
      for (const w of words) if (missing.has(w)) missing.set(w, missing.get(w)! - 1);
      // A word the source splits with an element the helper cannot know joins a word ("<rs>Hebbel</rs>eindrücke"):
      // found inside the text's words run together, it is there.
      const run = words.join('');
      const lost = [...missing].filter(([w, n]) => n > 0 && !run.includes(w)).map(([w]) => w);
      if (lost.length > 0) incomplete.push(`${name}: ${lost.slice(0, 5).join(' ')}`);
    }
    expect(incomplete).toEqual([]);
  });

  test('the registers are no letters, and names link into both', () => {
    for (const r of registers) expect(existsSync(site(r.replace(/\.xml$/, '.html')))).toBe(false);
    const pages = letters.map((name) => readFileSync(site(`${bases.get(name)!}.html`), 'utf8'));
    const linked = (kind: string): string[] => [...new Set(pages.flatMap((p) => [...p.matchAll(new RegExp(`href="(${kind}/[^"]+\\.html)"`, 'g'))].map((m) => m[1]!)))];
    for (const kind of ['places', 'orgs']) {
      const targets = linked(kind);
      expect(targets.length, kind).toBeGreaterThan(10);
      expect(targets.filter((t) => !existsSync(site(t))), `${kind} entry pages`).toEqual([]);
    }
  });

  // The letters carry the persons they name in their own back/listPerson (the ids of the edition's
  // listperson.xml), so every '#pmb…' resolves in some file of the folder.
  test('every #id pointer resolves across the folder', () => {
    const pointers = letters.flatMap((name) => hashPointers(readFileSync(join(folder, name), 'utf8')));
    expect(pointers.length).toBeGreaterThan(5000);
    expect(built.validation.diagnostics.filter((d) => d.rule === 'pointer-unresolved')).toEqual([]);
  });

  test("every person a letter describes in its back and any letter names has an entry page, listed with the letters' life dates, and the names link there", () => {
    // The first description of each person, in collection order: the letters have no @n, so by the date of
    // sending (undated last), then by file name.
    const described = new Map<string, XmlElement>();
    const trees = letters.map((name) => ({ name, tei: parseXml(readFileSync(join(folder, name), 'utf8')).root }));
    const sentOn = (tei: XmlElement): string => {
      const sent = descendantsNamed(tei, 'correspAction').find((a) => a.attributes['type'] === 'sent');
      const date = sent ? childElements(sent, 'date')[0] : undefined;
      return date?.attributes['when'] ?? date?.attributes['notBefore'] ?? date?.attributes['from'] ?? '\uffff';
    };
    const inCollectionOrder = [...trees].sort((a, b) => (sentOn(a.tei) < sentOn(b.tei) ? -1 : sentOn(a.tei) > sentOn(b.tei) ? 1 : a.name < b.name ? -1 : 1));
    for (const { tei } of inCollectionOrder) {
      for (const list of descendantsNamed(tei, 'listPerson')) {
        for (const person of childElements(list, 'person')) if (!described.has(person.attributes['xml:id']!)) described.set(person.attributes['xml:id']!, person);
      }
    }
    const named = new Set<string>();
    const unlinked: string[] = [];
    for (const { name, tei } of trees) {
      const page = readFileSync(site(`${bases.get(name)!}.html`), 'utf8');
      for (const e of descendants(tei)) {
        if (!['persName', 'rs'].includes(localName(e.name)) || ancestorNamed(e, 'listPerson')) continue;
        // A name inside another linked name (<rs type="org" ref="#…"><rs type="person" ref="#…">Henze</rs>’sche Zeitung</rs>)
        // cannot be a link of its own: HTML does not nest links.
        if (['rs', 'persName', 'placeName', 'orgName'].some((n) => ancestorNamed(e, n)?.attributes['ref'] !== undefined)) continue;
        const id = /^#(\S+)$/.exec(e.attributes['ref'] ?? '')?.[1];
        if (id === undefined || !described.has(id)) continue;
        named.add(id);
        if (!page.includes(`href="persons/${id}.html"`)) unlinked.push(`${name}: #${id}`);
      }
    }
    expect(named.size).toBeGreaterThan(300);
    expect(unlinked).toEqual([]);
    const persons = readFileSync(site('persons.html'), 'utf8');
    const year = (event: XmlElement | undefined): string | undefined =>
      event ? (/^\d{4}/.exec(childElements(event, 'date')[0]?.attributes['when'] ?? event.attributes['when'] ?? '')?.[0]) : undefined;
    let withDates = 0;
    for (const id of named) {
      expect(existsSync(site(`persons/${id}.html`)), id).toBe(true);
      const item = new RegExp(`<li><a href="persons/${id}\\.html">[^<]*</a>(<span class="life-dates">, ([^<]*)</span>)?`).exec(persons);
      expect(item, id).not.toBeNull();
      const person = described.get(id)!;
      const born = year(childElements(person, 'birth')[0]);
      const died = year(childElements(person, 'death')[0]);
      if (born && died) {
        withDates++;
        expect(item![2], id).toBe(`${born}–${died}`);
      }
    }
    expect(withDates).toBeGreaterThan(200);
  });

  // The letters' copies of an entry and the registers' are merged by id; where they differ (the letters carry
  // PMB records of different dates, listplace.xml a fuller one), the build says so instead of merging silently.
  test('an entry described differently in two files is one warning naming the description the pages show; identical copies are none', () => {
    const conflicts = built.validation.diagnostics.filter((d) => d.rule === 'register-entry-conflict');
    expect(conflicts.length).toBeGreaterThan(100);
    expect(conflicts.every((d) => d.severity === 'warning')).toBe(true);
    const ids = conflicts.map((d) => /xml:id="([^"]+)"/.exec(d.message)?.[1]);
    expect(new Set(ids).size, 'one warning per id').toBe(conflicts.length);
    // Both places are where that entry is described: the warning's own, and the file:line:column it names.
    const lines = new Map<string, string[]>();
    const described = (file: string, line: number, column: number, id: string): boolean => {
      if (!lines.has(file)) lines.set(file, readFileSync(file, 'utf8').split('\n'));
      const from = [...(lines.get(file)![line - 1] ?? '')].slice(column - 1).join('');
      return new RegExp(`^<(person|personGrp|place|org)\\b[^>]*\\bxml:id="${id}"`).test(from);
    };
    const misplaced = conflicts.filter((d, i) => {
      const shown = / at ([^:]+):(\d+):(\d+), which/.exec(d.message);
      return !shown || !described(d.file, d.line, d.column, ids[i]!) || !described(join(folder, shown[1]!), Number(shown[2]), Number(shown[3]), ids[i]!);
    });
    expect(misplaced.map((d) => d.message)).toEqual([]);
    // Schnitzler himself: 285 letters describe him alike, 9 otherwise; the first letter's description is the one
    // shown, first in collection order, which for these unnumbered letters is by date: L02640 of 18 June 1889.
    expect(conflicts.filter((_, i) => ids[i] === 'pmb2121').map((d) => [d.file.slice(folder.length + 1), d.message])).toEqual([
      ['L04330.xml', '<person xml:id="pmb2121"> differs from its description at L02640.xml:168:13, which the pages use; 8 more descriptions differ (8 files)'],
    ]);
    // Felix Salten: 41 letters describe him, all alike.
    expect(ids).not.toContain('pmb2167');
  });

  // Without the letters' own lists, their person pointers go into the edition's listperson.xml, which is
  // not in the folder: the build reports each missing id once, with its count of uses and files.
  test('the missing listperson.xml ids are grouped warnings, one per id with its uses and files', async () => {
    const variant = join(work, 'without-listPerson');
    mkdirSync(variant);
    const texts = new Map(letters.slice(0, 20).map((name) => [name, readFileSync(join(folder, name), 'utf8').replace(/<listPerson>[\s\S]*?<\/listPerson>/g, '')]));
    for (const [name, text] of texts) writeFileSync(join(variant, name), text);
    const declared = new Set([...texts.values()].flatMap((t) => [...t.matchAll(/\sxml:id="([^"]+)"/g)].map((m) => m[1]!)));
    const expected = new Map<string, { uses: number; files: Set<string> }>();
    for (const [name, text] of texts) {
      for (const id of hashPointers(text).filter((i) => !declared.has(i))) {
        const e = expected.get(id) ?? { uses: 0, files: new Set<string>() };
        e.uses++;
        e.files.add(name);
        expected.set(id, e);
      }
    }
    const result = await buildEdition({ config: { ...genericConfig(variant, undefined), cacheFolder: join(work, 'variant-cache') }, out: join(work, 'variant-site') });
    expect(result.published).toBe(true);
    const unresolved = result.validation.diagnostics.filter((d) => d.rule === 'pointer-unresolved');
    expect(unresolved.every((d) => d.severity === 'warning')).toBe(true);
    const reported = new Map(unresolved.map((d) => {
      const m = /^#(\S+) does not resolve: .*; used (?:once|(\d+) times in (?:this file|(\d+) files))\)$/.exec(d.message);
      expect(m, d.message).not.toBeNull();
      return [m![1]!, { uses: Number(m![2] ?? 1), files: Number(m![3] ?? 1) }];
    }));
    expect(unresolved).toHaveLength(reported.size);
    expect(Object.fromEntries(reported)).toEqual(Object.fromEntries([...expected].map(([id, e]) => [id, { uses: e.uses, files: e.files.size }])));
    // Among them the persons the letters' lists described (Schnitzler himself, pmb2121, in most of them).
    expect(reported.get('pmb2121')?.files).toBeGreaterThan(10);
  }, 600_000);

  // Issue 14, point 8: the index's Sender and Recipient are the correspActions' names; the Type is the
  // letter's objectType, not the type of its first division ("address", "writingSession").
  test("the index's Sender, Recipient and Type columns are the letters' own", () => {
    const index = readFileSync(site('index.html'), 'utf8');
    const wrong: string[] = [];
    for (const name of letters) {
      const { root: tei } = parseXml(readFileSync(join(folder, name), 'utf8'));
      const correspDesc = descendantsNamed(tei, 'correspDesc')[0]!;
      const names = (type: string): string => (childElements(correspDesc, 'correspAction').find((a) => a.attributes['type'] === type)
        ? childElements(correspDesc, 'correspAction').filter((a) => a.attributes['type'] === type)
          .flatMap((a) => childElements(a).filter((c) => ['persName', 'orgName', 'name', 'rs'].includes(localName(c.name))).map((c) => textOf(c)))
        : []).join('|');
      const objectType = descendantsNamed(tei, 'objectType')[0];
      const type = objectType ? (textOf(objectType) || objectType.attributes['ana'] || objectType.attributes['corresp'] || '') : '';
      const base = bases.get(name)!;
      const row = new RegExp(`<tr [^>]*data-sender="([^"]*)" data-recipient="([^"]*)">\\s*<td class="number"[^>]*><a href="${base}\\.html">[\\s\\S]*?<td class="type" data-label="Type">([^<]*)</td>`).exec(index);
      const found = row ? { sender: row[1], recipient: row[2], type: row[3] } : undefined;
      const expected = { sender: names('sent'), recipient: names('received'), type };
      if (JSON.stringify(found) !== JSON.stringify(expected)) wrong.push(`${name}: ${JSON.stringify(found)} instead of ${JSON.stringify(expected)}`);
    }
    expect(wrong).toEqual([]);
  });

  test("a letter's own index of what it names (back/listPerson …) is listed on its page and is no reading text", () => {
    const problems: string[] = [];
    let entries = 0;
    for (const name of letters) {
      const base = bases.get(name)!;
      const back = descendantsNamed(parseXml(readFileSync(join(folder, name), 'utf8')).root, 'back')[0];
      if (!back) continue;
      const page = readFileSync(site(`${base}.html`), 'utf8');
      const text = readFileSync(site(`text/${base}.txt`), 'utf8');
      for (const list of back.children.filter((c): c is import('../../src/parse/tree.js').XmlElement => typeof c !== 'string' && /^list(Person|Place|Org|Event|Bibl)$/.test(c.name))) {
        for (const entry of list.children) {
          if (typeof entry === 'string' || !entry.attributes['xml:id']) continue;
          entries++;
          if (!page.includes(`<li id="${entry.attributes['xml:id']}">`)) problems.push(`${name}: no line for ${entry.attributes['xml:id']}`);
        }
        // coordinates are in the lists only: none of them may reach the reading text
        for (const geo of descendantsNamed(list, 'geo')) {
          const value = geo.children.filter((c) => typeof c === 'string').join('').trim();
          if (value !== '' && text.includes(value)) problems.push(`${name}: text holds ${value}`);
        }
      }
    }
    expect(entries).toBeGreaterThan(1000);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  // The defects a reader's review of this folder's build found (/work/notes/review-foreign.md), each read where the review saw it.
  describe("what a reader reads: the review's places", () => {
    const page = (id: string): string => readFileSync(site(`${bases.get(`${id}.xml`)!}.html`), 'utf8');
    const text = (id: string): string => readFileSync(site(`text/${bases.get(`${id}.xml`)!}.txt`), 'utf8');
    const words = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    const search = (): string => readdirSync(site('search')).filter((n) => n.startsWith('documents-')).map((n) => readFileSync(site(`search/${n}`), 'utf8')).join('\n');

    test('an empty ref reads as a title or a date, with its lead word, never as the bare id of a letter the edition can name', () => {
      // date-only to a letter not in the folder, which the letter's correspContext names with its date
      expect(text('L00240')).toMatch(/in seinem Brief vom 18\.\s7\.\s1893 sprach/);
      expect(text('L01080')).toContain('See 28 October 1900.');
      expect(text('L00045')).toContain('Am Sonntag, den 22 November 1891 trafen');
      // a letter of the folder: a link with its title
      expect(page('L03315')).toContain('Dazu kam es nicht, cf. <a href="L03330.html" class="tei-ref type-schnitzler-briefe">Felix Salten an Arthur Schnitzler, 22. 5. 1902</a>.');
      // a target the edition cannot resolve: as written, marked
      expect(page('L03705')).toMatch(/<span class="tei-ref link-refused ref-unresolved [^"]*" title="Reference to pmb42011, which this edition does not hold">pmb42011<\/span>/);
      expect(text('L03705')).toContain('⟨pmb42011⟩');
      // A letter an empty ref names that is not in the folder is a warning, as a related letter is.
      expect(built.validation.diagnostics.some((d) => d.rule === 'corresp-context-target' && d.severity === 'warning'
        && d.file.endsWith('L00240.xml') && d.message.startsWith('An empty ref points at "L00237"'))).toBe(true);
      // no empty ref whose target is a date or a letter of the folder is shown as its target
      const bare: string[] = [];
      for (const name of letters) {
        const xml = readFileSync(join(folder, name), 'utf8');
        const html = readFileSync(site(`${bases.get(name)!}.html`), 'utf8');
        for (const m of xml.matchAll(/<ref\b[^>]*\btarget="([^"]+)"[^>]*\/>/g)) {
          const target = m[1]!;
          if ((/^\d{4}-\d{2}-\d{2}$/.test(target) || bases.has(`${target}.xml`)) && html.includes(`>${target}</`)) bare.push(`${name}: ${target}`);
        }
      }
      expect(bare).toEqual([]);
    });

    test('an empty glyph is its character in page, text, JSON and search', () => {
      expect(words(page('L00255'))).toContain('Freund & Jeckel');
      expect(text('L00255')).toContain('Freund & Jeckel');
      expect(search()).toContain('Freund & Jeckel');
      expect(text('L00495')).toContain('Ausweg hat...');
      expect(text('L00090')).toContain('Ich ..?....! – ?');
      expect(text('L00630')).toMatch(/Wien, den \.{10} 189\.\./);
      expect(text('L00375')).toContain('{2, 4, 6, 8');
      // Every glyph these letters use is known: no placeholder anywhere.
      expect(letters.filter((name) => readFileSync(site(`${bases.get(name)!}.html`), 'utf8').includes('glyph-unknown'))).toEqual([]);
    });

    test("a letterhead's segs are apart: lines on the page, paragraphs in the text, words in the search", () => {
      // (the letters write no-break spaces in their dates: \s)
      expect(text('L00540')).toMatch(/»Die Zeit«\n\nWien, den 14\.\sMärz\s1896\n\nWiener Wochenschrift\n\nIX\/3, Günthergasse 1\.\n\nHerausgeber:/);
      expect(text('L00135')).toMatch(/Redaction\.\[1\]\n\nFrankfurt a\. M\., 17\.\sNovbr\.\s1892/);
      expect(search()).toContain('Wiener Wochenschrift');
      expect(page('L00540')).toContain('<span class="tei-seg seg-line rend-left">');
    });

    test('postmarks read as postmarks', () => {
      expect(words(page('L00240'))).toContain('Wien 9/3, 22. 7. 93, 2–3 M; Salzburg Stadt, 23 7 93, 2 N; von unbekannter Hand');
      expect(words(page('L00045'))).toContain('Maximilianstrasse Wien, 21. 11. 91, 6 A; Wien 3/2, 22-11 91, 8.10. V, Bestellt');
    });

    test('hands are named from @scribe and @corresp, described by @medium and @style; never an empty name; the hands\' persons have pages', () => {
      const empty: string[] = [];
      for (const name of letters) {
        const base = bases.get(name)!;
        const html = readFileSync(site(`${base}.html`), 'utf8');
        const txt = readFileSync(site(`text/${base}.txt`), 'utf8');
        if (/Hand +begins|unidentified/.test(html) || txt.includes('⟨hand: ⟩')) empty.push(name);
      }
      expect(empty).toEqual([]);
      expect(page('L01650')).toContain('⟨Hermann Bahr’s hand begins⟩');
      expect(page('L01650')).toContain('⟨Lisa Clarus’s hand begins⟩');
      expect(text('L01650')).toContain('⟨hand: Lisa Clarus⟩');
      expect(page('L00240')).toContain('<dt>Hands</dt><dd>Hand (schwarze tinte, deutsche kurrent)</dd>');
      expect(page('L01650')).toContain('Lisa Clarus’s hand (blaue tinte, lateinische kurrent)');
      // Every person page a letter links exists, Lisa Clarus's (named only by hands) too.
      const linked = [...new Set(letters.flatMap((name) => [...readFileSync(site(`${bases.get(name)!}.html`), 'utf8').matchAll(/href="(persons\/[^"]+\.html)"/g)].map((m) => m[1]!)))];
      expect(linked).toContain('persons/pmb27910.html');
      expect(linked.filter((t) => !existsSync(site(t)))).toEqual([]);
    });

    test('a physical description in attributes reads as words', () => {
      expect(words(page('L00240'))).toContain('1 Kuvert, 1 Blatt, 4 Seiten, 1582 Zeichen');
      expect(words(page('L00210'))).toContain('Schreibmaschine');
      expect(page('L00240')).toContain('<span class="tei-objectType">Brief</span>');
    });

    test("the commentary is this edition's notes; the source's printed footnote stays its own", () => {
      const l135 = page('L00135');
      const source = l135.slice(l135.indexOf('class="notes notes-source"'), l135.indexOf('class="notes notes-editorial"'));
      expect(source).toContain('Für die Redaktion bestimmte Briefe');
      expect(source).not.toContain('Uraufführung');
      expect(l135.slice(l135.indexOf('class="notes notes-editorial"'))).toContain('Uraufführung');
      expect(text('L00135')).toContain('Redaction.[1]');
      expect(text('L00135')).toMatch(/jüngsthin⟨1⟩/);
      // A letter whose notes are all commentary has no list of the source's notes.
      const wrong = letters.filter((name) => {
        const xml = readFileSync(join(folder, name), 'utf8');
        const types = [...xml.matchAll(/<note\b[^>]*\btype="([^"]+)"/g)].map((m) => m[1]!);
        return types.length > 0 && types.every((t) => t === 'commentary' || t === 'textConst')
          && readFileSync(site(`${bases.get(name)!}.html`), 'utf8').includes('class="notes notes-source"');
      });
      expect(wrong).toEqual([]);
    });

    test('a page break inside a word does not split it', () => {
      expect(text('L01650')).toContain('einmal');
      expect(text('L00690')).toContain('Vogelfutter');
      expect(text('L00210')).toContain('theilnahmsvollem');
      expect(search()).toContain('Vogelfutter');
    });

    test('a name with several pointers links each; a quote of paragraphs stays inline; a note in a linked name has a working marker', () => {
      const l240 = page('L00240');
      expect(l240).toMatch(/>Benedikt<\/a><sup class="name-more"><a href="persons\/pmb13970\.html"/);
      expect(words(l240)).toContain('ersetzt durch: »Post Restante / Salzburg«');
      expect(text('L00165')).toContain('Vgl. »Sonntag 22. / Die beiden Russinnen.«');
      expect(page('L01530')).toMatch(/Kremsmünster<\/a><sup class="noteref noteref-editorial"><button /);
      for (const id of ['L01530', 'L00120']) expect(page(id), id).not.toMatch(/<sup class="noteref[^"]*"><span id=/);
    });

    // The second review's places (the reading of the letters: archive, postal steps, marks, envelope, languages).
    const json = (id: string): Record<string, unknown> => JSON.parse(readFileSync(site(`json/${bases.get(`${id}.xml`)!}.json`), 'utf8')) as never;

    test("the archive is the first witness's msDesc: on the card and in the JSON of every letter", () => {
      expect(page('L00240')).toContain('<dd class="signature">U.S.A., Yale, Beinecke Rare Book and Manuscript Library, Yale Collection of German Literature, MSS 31</dd>');
      expect(json('L00240').archive).toMatchObject({
        country: 'U.S.A.', settlement: 'Yale', repository: 'Beinecke Rare Book and Manuscript Library', shelfmark: 'Yale Collection of German Literature, MSS 31',
      });
      // Every letter whose witness names a repository has one in its JSON (a few are known from a printed edition only).
      const described = letters.filter((name) => /<witness\b[\s\S]*?<msDesc>[\s\S]*?<repository>/.test(readFileSync(join(folder, name), 'utf8')));
      expect(described.length).toBeGreaterThan(250);
      const without = described.filter((name) => (JSON.parse(readFileSync(site(`json/${bases.get(name)!}.json`), 'utf8')) as { archive: { repository: string | null } }).archive.repository === null);
      expect(without).toEqual([]);
    });

    test('postal steps read in words, with their place and date, never "not stated"; the JSON keeps them', () => {
      expect(page('L01305')).toMatch(/<dt>Transmitted<\/dt><dd><a [^>]*>Hochschneeberg<\/a>, <time datetime="1903-07-29">29\.\s7\.\s1903<\/time><\/dd>/);
      expect(page('L00240')).toMatch(/<dt>Redirected<\/dt><dd><a [^>]*>Bad Ischl<\/a><\/dd>/);
      const stated = letters.filter((name) => /<dd><span class="unknown">not stated<\/span>/.test(readFileSync(site(`${bases.get(name)!}.html`), 'utf8')));
      expect(stated).toEqual([]);
      expect(json('L00240').steps).toMatchObject([{ type: 'redirected', place: 'Bad Ischl' }]);
      expect(json('L01305').steps).toMatchObject([{ type: 'transmitted', place: 'Hochschneeberg', date: { when: '1903-07-29' } }]);
    });

    test('the text marks additions and unclear readings, an address one line a line, headed as the page heads it', () => {
      expect(text('L00240')).toContain('Was gibts ⟦aus⟧⌜in⌝ Ischl?');
      expect(text('L00585')).toContain('Hugo (?) ⌜wo ist er?⌝');
      expect(text('L00585')).toMatch(/\n⟨Address⟩\n\nHerrn\nDr Arthur Schnitzler\nWien\nIX Frankgasse\s1\n\n⟨Li⟩eber Arthur!/);
      expect(page('L00585')).toMatch(/<div class="tei-div type-address"><h\d class="div-label">Address<\/h\d>/);
    });

    test('three-letter language codes are written as BCP 47 has them', () => {
      const fra = letters.filter((name) => readFileSync(site(`${bases.get(name)!}.html`), 'utf8').includes('lang="fra"'));
      expect(fra).toEqual([]);
    });
  });

  // A scholar's review of the register pages (places, orgs, persons): the PMB's internals were shown, places
  // named by key unlinked, raw URLs, and '?? […]' entries first in the lists.
  test('the register entry pages show what a reader needs: no internal codes, no raw addresses, places linked to their pages', () => {
    const pages = ['places', 'orgs', 'persons'].flatMap((kind) => readdirSync(site(kind)).map((f) => `${kind}/${f}`));
    expect(pages.length).toBeGreaterThan(900);
    const problems: string[] = [];
    for (const path of pages) {
      const dl = /<dl class="entry-details">[\s\S]*?<\/dl>/.exec(readFileSync(site(path), 'utf8'))?.[0] ?? '';
      const text = dl.replace(/<[^>]*>/g, ' ');
      // (listorg.xml's pmb29781 breaks one after its scheme: 'https:// www.digital.wienbibliothek.at/…'.)
      if (/https?:\/\//.test(text)) problems.push(`${path}: a raw address`);
      if (/<dd>\s*\d+\s*<\/dd>/.test(dl)) problems.push(`${path}: a bare number`);
      if (/<dd>\s*<\/dd>/.test(dl)) problems.push(`${path}: an empty row`);
      if (/manually created entity|\b[A-Z]\.[A-Z]{2,}\d?\b/.test(text)) problems.push(`${path}: a database code`);
      for (const m of dl.matchAll(/href="\.\.\/([^"#]+)"/g)) if (!existsSync(site(m[1]!))) problems.push(`${path}: ${m[1]} missing`);
      // Each address once in the row of links.
      const links = /<dt>Links<\/dt><dd[^>]*>([\s\S]*?)<\/dd>/.exec(dl)?.[1] ?? '';
      const hrefs = [...links.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]);
      if (new Set(hrefs).size !== hrefs.length) problems.push(`${path}: a link twice`);
    }
    expect(problems).toEqual([]);
    // listorg.xml: Le Chat Noir, <desc type="entity_type_id">1042</desc>, located in Paris (key pmb182).
    const chat = readFileSync(site('orgs/pmb117961.html'), 'utf8');
    expect(chat).toMatch(/<dt>Kind<\/dt><dd>Kabarett<\/dd>/);
    expect(chat).not.toMatch(/\b1042\b/);
    expect(chat).toMatch(/<dt>Located in<\/dt><dd><a href="\.\.\/places\/pmb182\.html">Paris<\/a><\/dd>/);
    expect(chat).toMatch(/<a href="https:\/\/d-nb\.info\/gnd\/4283522-7">GND<\/a>/);
    // listplace.xml: the Delikatessenhandlung in Marienbad lies in Marienbad (key pmb772); a street in Vienna's Währing.
    expect(readFileSync(site('places/pmb169267.html'), 'utf8')).toMatch(/<dt>Located in<\/dt><dd><a href="\.\.\/places\/pmb772\.html">Marienbad<\/a>/);
    // A person's birth place (settlement ref="pmb50") links to Vienna's page.
    expect(readFileSync(site('persons/pmb10589.html'), 'utf8')).toMatch(/<dt>Born<\/dt><dd>(?:(?!<\/dd>)[\s\S])*<a href="\.\.\/places\/pmb50\.html">Wien<\/a>/);
    // The lists: nameless ('?? […]') entries last, labelled; no '??'.
    for (const kind of ['places', 'orgs']) {
      const labels = [...readFileSync(site(`${kind}.html`), 'utf8').matchAll(new RegExp(`<li><a href="${kind}/[^"]+">([^<]+)</a>`, 'g'))].map((m) => m[1]!);
      expect(labels.length, kind).toBeGreaterThan(50);
      expect(labels.some((l) => l.includes('??')), kind).toBe(false);
      const unnamed = labels.filter((l) => l.endsWith(' (name unknown)'));
      expect(unnamed.length, kind).toBeGreaterThan(0);
      expect(labels.slice(-unnamed.length), kind).toEqual(unnamed);
    }
  });

  test("the site's identity is the corpus's: its title, licence and language", () => {
    const index = readFileSync(site('index.html'), 'utf8');
    expect(index).toContain('Arthur Schnitzler: Briefwechsel mit Autorinnen und Autoren');
    expect(index).toMatch(/<html lang="en">/);
    const page = readFileSync(site(`${bases.get(letters[0]!)!}.html`), 'utf8');
    expect(page).toContain('creativecommons.org/licenses/by/4.0');
    expect(page).toMatch(/<div class="text-body" lang="de/);
    expect(page).not.toMatch(/Bolshevik/i);
  });
});

/** The ids of the '#id' pointers of a letter, once per use (every token of every pointer attribute, as the rule counts them). */
function hashPointers(xml: string): string[] {
  const ids: string[] = [];
  for (const m of xml.matchAll(/\s([\w:]+)="([^"]*)"/g)) {
    if (!pointerAttributes.has(m[1]!)) continue;
    for (const token of m[2]!.split(/\s+/)) if (token.startsWith('#') && token.length > 1) ids.push(token.slice(1));
  }
  return ids;
}

/**
 * The words of a letter's body as a reader has them: the elements this
 * edition puts inside words (c for a long s, hi, unclear, supplied, g,
 * damage) join their neighbours; every other element boundary is a space
 * (textOfTei puts a space at every boundary, which splits "be<c>s</c>ten").
 */
function bodyText(xml: string): string {
  const joined = xml.replace(/<\/?(c|hi|unclear|supplied|g|damage)\b[^>]*>/g, '');
  return textOfTei(joined);
}

/** An element back to XML, for the text-of-TEI helper. */
function serialise(e: XmlElement): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const attributes = Object.entries(e.attributes).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const inner = e.children.map((c) => (typeof c === 'string' ? escape(c) : serialise(c))).join('');
  return `<${e.name}${attributes}>${inner}</${e.name}>`;
}
