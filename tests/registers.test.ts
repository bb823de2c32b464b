/**
 * Issue 15 in the built edition (the project's tei/): the register lists
 * count as their entry pages do, in words; the entry pages label birth,
 * death and the name types in words and link bare Wikidata and GeoNames
 * identifiers; the compilers' interventions say whose they are; quoted words
 * keep their quotation marks in the HTML; a date range is no single <time>.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import { loadConfig } from '../src/config.js';

const root = join(import.meta.dirname, '..');
let work: string;
const page = (path: string): string => readFileSync(join(work, 'dist', path), 'utf8');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-registers-'));
  const config = { ...loadConfig(join(root, 'edition.config.json')), cacheFolder: join(work, 'cache') };
  const result = await buildEdition({ config, out: join(work, 'dist'), workers: 0 });
  expect(result.problems).toEqual([]);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The items of an entry page's section, by the id of its heading. */
function sectionItems(html: string, heading: string): number {
  const start = html.indexOf(`<h2 id="${heading}">`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return (html.slice(start, end).match(/<li>/g) ?? []).length;
}

describe('register lists', () => {
  test.each(['persons', 'places', 'orgs'])('%s.html counts each entry as its page does', (kind) => {
    const list = page(`${kind}.html`);
    const items = [...list.matchAll(/<a href="(\w+\/[^"]+\.html)">[^<]*<\/a>(?:<span class="life-dates">[^<]*<\/span>)?<span class="count"> \(([^)]*)\)<\/span>/g)];
    expect(items.length).toBeGreaterThan(5);
    for (const [, href, count] of items) {
      const entry = page(href!);
      const number = (pattern: RegExp): number => Number(pattern.exec(count!)?.[1] ?? 0);
      const expected = {
        correspondence: sectionItems(entry, 'correspondence-heading'),
        text: sectionItems(entry, 'documents-heading'),
        notes: sectionItems(entry, 'notes-heading'),
      };
      expect({
        correspondence: number(/(?:correspondent in|place of sending or receipt of) (\d+) documents?/),
        text: number(/named in the text of (\d+) documents?/),
        notes: number(/(\d+) notes?\b/),
      }, `${href}: "${count}"`).toEqual(expected);
      if (Object.values(expected).every((n) => n === 0)) expect(count).toBe('not named in the documents');
      expect(count).not.toMatch(/^\d/);
    }
    // A person's years of birth and death (persons.xml: birth when="1878", death when="1953") stand beside the name.
    expect(page('persons.html')).toContain('Stalin, Iosif Vissarionovich</a><span class="life-dates">, 1878–1953</span><span class="count"> (correspondent in 2 documents; named in the text of 2 documents; in 2 notes)');
    // No life dates where the register gives none.
    expect(page('persons.html')).toContain('Grushin, M.</a><span class="count">');
  });

  test('the entry pages say "named in the text" and "in the notes", as the lists do', () => {
    const entry = page('persons/lenin.html');
    expect(entry).toContain('<h2 id="documents-heading">Named in the text</h2>');
    expect(entry).toContain('<h2 id="notes-heading">Named in the notes</h2>');
  });
});

describe('register entry pages', () => {
  test('birth, death and the name types are labelled in words', () => {
    const trotsky = page('persons/trotsky.html');
    for (const [label, value] of [['Born', '1879'], ['Died', '1940'], ['Name at birth', 'Bronstein'], ['Transliterated name', 'Trotskiy, Lev Davidovich']]) {
      expect(trotsky).toMatch(new RegExp(`<dt>${label}</dt>\\s*<dd>(<[^>]+>)*${value}`));
    }
    expect(page('places/kharkov.html')).toMatch(/<dt>Present-day name<\/dt>\s*<dd>(<[^>]+>)*Kharkiv/);
    expect(page('places/kuban.html')).toMatch(/<dt>Kind<\/dt>\s*<dd>River<\/dd>/);
    for (const path of ['persons/trotsky.html', 'persons/stalin.html', 'places/moscow.html', 'orgs/rgaspi.html']) {
      const html = page(path);
      expect(html, path).not.toMatch(/<dt>(birth|death|[a-z]\w*)<\/dt>|<dt>Name \(|<dt>Identifier \(/);
      expect(html, path).not.toContain('not yet verified');
    }
  });

  test('every Wikidata and GeoNames identifier in the registers links to its record', () => {
    for (const [register, kind] of [['persons.xml', 'persons'], ['places.xml', 'places'], ['orgs.xml', 'orgs']]) {
      const tei = readFileSync(join(root, 'tei', register), 'utf8');
      for (const entry of tei.split(/<(?:person|place|org) xml:id="/).slice(1)) {
        const id = entry.slice(0, entry.indexOf('"'));
        for (const [, type, value] of entry.matchAll(/<idno type="(wikidata|geonames)">([^<]+)<\/idno>/g)) {
          const href = type === 'wikidata' ? `https://www.wikidata.org/wiki/${value}` : `https://www.geonames.org/${value}`;
          expect(page(`${kind}/${id}.html`), `${id} ${type}`).toContain(`<dt>${type === 'wikidata' ? 'Wikidata' : 'GeoNames'}</dt><dd><a href="${href}">${value}</a></dd>`);
        }
      }
    }
    // The identifiers issue 15 lists, all there.
    expect(page('persons/trotsky.html')).toContain('https://www.wikidata.org/wiki/Q33391');
    expect(page('places/moscow.html')).toContain('https://www.geonames.org/524901');
  });
});

describe('documents', () => {
  test('the compilers\' year and omissions say whose they are (issue 15, point 14)', () => {
    expect(page('doc069.html')).toContain('title="Supplied by the compilers of the source (undated)"><span class="bracket">[</span>1920<span class="bracket">]</span>');
    expect(page('doc068.html')).toContain('title="Omitted by the compilers of the source">[…]');
    expect(page('doc069.html')).not.toContain('Supplied by the editors');
  });

  test('a range is no <time> that claims its first day (point 5), and the archive is today\'s, with its country (point 6)', () => {
    const html = page('doc068.html');
    expect(html).toContain('<span class="tei-date date-range" id="doc068-grozny-taken" title="Between 23 March 1920 and 10 April 1920 (certainty: medium)">late March - early April 1920');
    expect(html).not.toMatch(/<time datetime="[^"]*"[^>]*id="doc068-grozny-taken"/);
    expect(page('doc069.html')).toContain('<dt>Repository</dt><dd>Russian State Archive of Socio-Political History (RGASPI), Moscow, Russia</dd>');
  });

  test('quoted words keep their quotation marks in the HTML', () => {
    const html = page('doc069.html');
    expect(html).toContain('<q class="tei-q">“Executed on 21/III”</q>');
    expect(html).toContain('<span class="tei-mentioned">“Pre”</span>');
  });
});
