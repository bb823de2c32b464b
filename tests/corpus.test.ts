/**
 * corpus.xsl makes every output of the teiCorpus in one transformation; it
 * must make exactly what html.xsl, json.xsl, cmif.xsl and text.xsl make of
 * the corpus one by one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeEdition } from '../src/bench/generate.js';
import { collectionOrder } from '../src/build/index.js';
import { assembleCorpus, corpusDocument } from '../src/build/corpus.js';
import { loadConfig } from '../src/config.js';
import { parseForTransform, transform } from '../src/transform/saxon.js';
import type { StylesheetParams } from '../src/transform/saxon.js';
import { loadStylesheets } from '../src/transform/stylesheets.js';
import type { Stylesheets } from '../src/transform/stylesheets.js';
import { validate } from '../src/validate/index.js';
import { testStylesheetParams } from './helpers/edition.js';

const root = join(import.meta.dirname, '..');
let work: string;
let sheets: Stylesheets;

const params: StylesheetParams = {
  ...testStylesheetParams,
  'doc-file': '',
  'prev-doc': '',
  'next-doc': '',
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-corpus-'));
  writeEdition({ letters: 12, seed: 7, folder: join(work, 'generated'), projectRoot: root });
  sheets = await loadStylesheets(join(root, 'xslt'), join(root, '.cache'));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The teiCorpus a build of the edition configured in `configFile` assembles. */
async function corpusOf(configFile: string): Promise<string> {
  const config = loadConfig(configFile);
  const { files } = await validate({ config });
  const readable = files.filter((f) => f.text !== undefined && f.summary !== undefined);
  const header = readable.find((f) => f.summary!.kind === 'header');
  return assembleCorpus({
    header: header?.text,
    registers: readable.filter((f) => f.summary!.kind === 'register').map((f) => f.text!),
    documents: collectionOrder(readable).map((d) => corpusDocument(d.text!, d.summary!)),
    title: config.title,
  });
}

function collect(into: Map<string, string>, prefix = ''): (href: string, content: string) => void {
  return (href, content) => void into.set(`${prefix}${href}`, content);
}

describe('corpus.xsl', () => {
  for (const [label, configFile] of [
    ['the project edition', (): string => join(root, 'edition.config.json')],
    ['a generated edition of 12 letters', (): string => join(work, 'generated', 'edition.config.json')],
  ] as const) {
    test(`makes of ${label} what the four stylesheets make one by one, byte for byte`, async () => {
      const corpus = await parseForTransform(await corpusOf(configFile()));
      const separate = new Map<string, string>();
      transform(sheets.html, corpus, params, collect(separate));
      transform(sheets.json, corpus, params, collect(separate, 'json/'));
      separate.set('cmif.xml', transform(sheets.cmif, corpus, params).principal);
      separate.set('edition-header.txt', transform(sheets.text, corpus, params).principal);
      const together = new Map<string, string>();
      transform(sheets.corpus, corpus, params, collect(together));
      expect([...together.keys()].sort()).toEqual([...separate.keys()].sort());
      expect(together.size).toBeGreaterThan(10);
      for (const [href, content] of separate) expect(together.get(href), href).toBe(content);
    });
  }
});
