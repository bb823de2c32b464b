/**
 * Unset values are never shown to readers (README, "Unset values"): the
 * fixture edition of tests/fixtures/xslt/edition/, built with a header whose
 * citation paragraph holds PLACEHOLDER beside a sentence that is set, a
 * division that is all placeholder, and a register entry whose identifier is
 * not verified (cert="medium"). The set sentence stays on about.html, the
 * division goes with its heading, and the unverified identifier is on no
 * page, not in CMIF and not in the JSON; the TEI download keeps it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import type { BuildResult } from '../src/site/index.js';
import { tempEdition } from './helpers/edition.js';
import type { TempEdition } from './helpers/edition.js';

const fixture = join(import.meta.dirname, 'fixtures/xslt/edition');
const fixtureFile = (name: string): string => readFileSync(join(fixture, name), 'utf8');

const citationDivisions = `
      <div type="citation">
        <head>How to cite</head>
        <p>Fixture Correspondence 1920, version 0.1.0, document No. 901 (or the number concerned). PLACEHOLDER: the base URL of the published edition (open question). Give the date you read it.</p>
      </div>
      <div type="open">
        <head>Still to be decided</head>
        <p>PLACEHOLDER: what is still to be decided (open question).</p>
      </div>
      <div type="access">
        <head>Access</head>
        <p>The letters may be read [PLACEHOLDER: where] from the day of publication.</p>
      </div>
    </body>`;

let edition: TempEdition;
let result: BuildResult;
const output = (path: string): string => readFileSync(join(edition.config.output, path), 'utf8');

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const name of readdirSync(fixture)) files[name] = fixtureFile(name);
  files['edition.xml'] = files['edition.xml']!.replace('\n    </body>', citationDivisions);
  // Redfield's Wikidata identifier is not verified; a VIAF identifier beside it is.
  files['persons.xml'] = files['persons.xml']!.replace(
    '<idno type="wikidata">https://www.wikidata.org/entity/Q0000001</idno>',
    '<idno type="wikidata" cert="medium">https://www.wikidata.org/entity/Q0000001</idno>\n          <idno type="viaf" cert="high">102333412</idno>');
  expect(files['persons.xml']).toContain('cert="medium"');
  edition = tempEdition(files);
  edition.config.rules = { 'pointer-unresolved': 'off' };
  result = await buildEdition({ config: edition.config, cacheFolder: join(edition.root, 'cache'), workers: 0, sourceDateEpoch: 0 });
  expect(result.validation.errors, JSON.stringify(result.validation.diagnostics, null, 1)).toBe(0);
  expect(result.published).toBe(true);
}, 180_000);
afterAll(() => edition.cleanup());

/** The sections of about.html that hold the header's own text, by their heading. */
function aboutSections(): Map<string, string> {
  const html = output('about.html');
  const sections = new Map<string, string>();
  for (const m of html.matchAll(/<section class="edition-text">([\s\S]*?)<\/section>/g)) {
    const heading = /<h2[^>]*>([^<]*)<\/h2>/.exec(m[1]!)?.[1];
    if (heading !== undefined) sections.set(heading, m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
  }
  return sections;
}

describe('placeholder text on about.html', () => {
  test('the build names each placeholder as a warning', () => {
    const placeholders = result.unsetValues.filter((d) => d.rule === 'placeholder-text' && d.file.endsWith('edition.xml'));
    expect(placeholders.map((d) => d.message)).toEqual(expect.arrayContaining([
      expect.stringContaining('PLACEHOLDER: the base URL of the published edition'),
      expect.stringContaining('PLACEHOLDER: what is still to be decided'),
      expect.stringContaining('PLACEHOLDER: where'),
    ]));
  });

  test('only the words from PLACEHOLDER to the end of its sentence are left out; the sentences around it stay, under their heading', () => {
    const sections = aboutSections();
    expect(sections.get('How to cite')).toBe('How to cite Fixture Correspondence 1920, version 0.1.0, document No. 901 (or the number concerned). Give the date you read it.');
    expect(sections.get('Access')).toBe('Access The letters may be read from the day of publication.');
  });

  test('a division with nothing left but its heading is left out, heading and all', () => {
    const sections = aboutSections();
    expect([...sections.keys()]).toEqual(['Editorial principles', 'How to cite', 'Access']);
    expect(output('about.html')).not.toContain('Still to be decided');
  });

  test('no placeholder and no empty remains of one anywhere on the page', () => {
    const html = output('about.html');
    expect(html).not.toContain('PLACEHOLDER');
    // The header's publisher of the printed book is all placeholder ('[PLACEHOLDER: …]' after a gap): gone, brackets and all.
    expect(html).not.toContain('tei-publisher');
    expect(html).not.toMatch(/\[\s*\]|<p[^>]*>\s*<\/p>|<h2[^>]*>[^<]*<\/h2>\s*<\/(?:div|section)>/);
  });
});

describe('an identifier not verified (cert="medium")', () => {
  test('is named by the build', () => {
    expect(result.unsetValues.filter((d) => d.rule === 'unverified-identifier').map((d) => d.message)).toEqual([
      'Identifier "https://www.wikidata.org/entity/Q0000001" is not verified (cert="medium"): verify it and remove @cert, or set cert="high"',
    ]);
  });

  test('is not on the entry page; the verified one beside it is, linked', () => {
    const page = output('persons/redfield.html');
    expect(page).not.toContain('Q0000001');
    expect(page).not.toContain('Wikidata');
    expect(page).toContain('<dt>VIAF</dt><dd><a href="https://viaf.org/viaf/102333412">102333412</a></dd>');
  });

  test('is no authority URI in CMIF: the verified one stands for the person', () => {
    const cmif = output('cmif.xml');
    expect(cmif).not.toContain('Q0000001');
    expect(cmif).toContain('<persName ref="http://viaf.org/viaf/102333412">A. B. Redfield</persName>');
    // The other registers' verified identifiers are still used.
    expect(cmif).toContain('https://www.geonames.org/524901');
  });

  test('is not in the JSON', () => {
    const persons = JSON.parse(output('json/persons.json')) as { entries: Array<{ id: string; authority: string[] }> };
    expect(persons.entries.find((e) => e.id === 'redfield')?.authority).toEqual(['http://viaf.org/viaf/102333412']);
    for (const path of ['json/persons.json', 'json/index.json', 'json/doc901.json', 'json/doc902.json', 'index.html', 'persons.html', 'doc901.html', 'doc902.html']) {
      expect(output(path), path).not.toContain('Q0000001');
    }
  });

  test('stays in the TEI download, the source as it is', () => {
    expect(output('tei/persons.xml')).toContain('<idno type="wikidata" cert="medium">https://www.wikidata.org/entity/Q0000001</idno>');
  });
});
