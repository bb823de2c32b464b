/**
 * The citation files (cite/FILE.bib, cite/FILE.json; html/edition.xsl,
 * fp:citation-files) of the fixture edition of tests/fixtures/xslt/edition/,
 * built with two editors and with a title holding every character BibTeX
 * or LaTeX treats as special. The BibTeX must parse in classic BibTeX and
 * biblatex alike and say what the page says: the title braced (no style
 * lowercases a name), the edition, its editors and version in a field
 * classic @misc styles print (howpublished), each special character escaped
 * so that the braces of a field stay balanced.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import { tempEdition } from './helpers/edition.js';
import type { TempEdition } from './helpers/edition.js';

const fixture = join(import.meta.dirname, 'fixtures/xslt/edition');
const plainTitle = 'Telegram of A. B. Redfield to C. D. Stone';
// A lone '{', a lone '}' after it, and the rest of TeX's specials; in XML, '&' is written '&amp;'.
const oddTitle = 'Telegram of A. B. Redfield { to C. D. Stone: 100% &amp; #2, $5 ~ a^b \\ c_d }{';

let edition: TempEdition;
const output = (path: string): string => readFileSync(join(edition.config.output, path), 'utf8');

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const name of readdirSync(fixture)) files[name] = readFileSync(join(fixture, name), 'utf8');
  files['doc901.xml'] = files['doc901.xml']!.replaceAll(`>${plainTitle}<`, `>${oddTitle}<`);
  expect(files['doc901.xml']).toContain(oddTitle);
  files['edition.xml'] = files['edition.xml']!.replace('<editor xml:id="editors">The fixture editors</editor>',
    '<respStmt xml:id="editors"><resp>encoded the documents</resp><persName>Ann Editor</persName><persName>Ben Editor</persName></respStmt>');
  expect(files['edition.xml']).toContain('Ben Editor');
  edition = tempEdition(files);
  edition.config.rules = { 'pointer-unresolved': 'off' };
  edition.config.title = 'Fixture Correspondence 1920';
  // A base URL with characters BibTeX escapes in text: the url field keeps them as they are (it is read verbatim).
  edition.config.baseUrl = 'https://example.org/ed_1/%7Ex/';
  const result = await buildEdition({ config: edition.config, cacheFolder: join(edition.root, 'cache'), workers: 0, sourceDateEpoch: 0 });
  expect(result.validation.errors, JSON.stringify(result.validation.diagnostics, null, 1)).toBe(0);
  expect(result.published).toBe(true);
}, 180_000);
afterAll(() => edition.cleanup());

/**
 * The fields of a BibTeX entry as BibTeX reads them: a value in braces ends
 * at the brace that balances its opening one (a backslash does not escape a
 * brace for BibTeX). Throws where BibTeX would stop: a value never closed.
 */
function bibtexFields(entry: string): Map<string, string> {
  const fields = new Map<string, string>();
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(entry);
  if (!head) throw new Error(`no entry head in ${entry}`);
  let at = head[0].length;
  for (;;) {
    const name = /^\s*(\w+) = \{/.exec(entry.slice(at));
    if (!name) break;
    at += name[0].length;
    let depth = 1;
    const start = at;
    for (; depth > 0; at += 1) {
      if (at >= entry.length) throw new Error(`field ${name[1]} is never closed: premature end of file`);
      if (entry[at] === '{') depth += 1;
      else if (entry[at] === '}') depth -= 1;
    }
    fields.set(name[1]!, entry.slice(start, at - 1));
    if (entry[at] === ',') at += 1;
  }
  expect(entry.slice(at).trim(), 'the entry ends after its last field').toBe('}');
  return fields;
}

describe('BibTeX (cite/FILE.bib)', () => {
  test('every special character is escaped: braces and backslash as commands in braces of their own, ~ and ^ as text commands, & % $ # _ with a backslash', () => {
    const fields = bibtexFields(output('cite/doc901.bib'));
    expect(fields.get('title')).toBe('{Telegram of A. B. Redfield {\\textbraceleft} to C. D. Stone: 100\\% \\& \\#2, \\$5 {\\textasciitilde} a{\\textasciicircum}b {\\textbackslash} c\\_d {\\textbraceright}{\\textbraceleft}}');
    // No brace of the text is left as one BibTeX counts: each stands in a group with its command alone.
    expect(fields.get('title')!.replace(/\{\\text[a-z]+\}/g, '')).toMatch(/^\{[^{}]*\}$/);
    // No accent command where a character was meant.
    expect(output('cite/doc901.bib')).not.toMatch(/\\[~^{}]/);
  });

  test('the title is braced, so classic styles keep its capitals; the edition, its editors and version are in howpublished, which classic @misc styles print', () => {
    const bib = output('cite/doc902.bib');
    expect(bib.startsWith('@misc{doc902,\n')).toBe(true);
    expect(bib.endsWith('\n}\n')).toBe(true);
    const fields = bibtexFields(bib);
    expect([...fields.keys()]).toEqual(['author', 'title', 'howpublished', 'date', 'year', 'number', 'url']);
    expect(fields.get('author')).toBe('C. D. Stone');
    expect(fields.get('title')).toBe('{Telegram from C. D. Stone to A. B. Redfield}');
    expect(fields.get('howpublished')).toBe('In: Fixture Correspondence 1920, edited by Ann Editor and Ben Editor, version 0.1.0');
    expect(fields.get('date')).toMatch(/^1920-\d\d-\d\d$/);
    expect(fields.get('year')).toBe('1920');
    expect(fields.get('number')).toBe('902');
    expect(fields.get('url')).toBe('https://example.org/ed_1/%7Ex/doc902.html');
    // biblatex would print an editor or version field, importers a booktitle, beside howpublished a second time.
    for (const field of ['editor', 'version', 'booktitle']) expect(fields.has(field), field).toBe(false);
  });

  test('the CSL-JSON beside it keeps the title as written and the editors as names', () => {
    const csl = JSON.parse(output('cite/doc901.json')) as Array<Record<string, unknown>>;
    expect(csl[0]).toMatchObject({
      id: 'doc901', type: 'letter', title: oddTitle.replace('&amp;', '&'), 'container-title': 'Fixture Correspondence 1920',
      editor: [{ literal: 'Ann Editor' }, { literal: 'Ben Editor' }], version: '0.1.0', number: '901',
    });
  });
});
