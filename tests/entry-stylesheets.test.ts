/**
 * The entry stylesheets a document's outputs can also be made with, one at
 * a time (html.xsl, text.xsl, json.xsl, summary.xsl: what the bench's Java
 * pipeline runs), make, byte for byte, what build.xsl makes for the
 * document on its own (tests/batch.test.ts holds build.xsl's batch to
 * that). A slow suite: it compiles the four (tests/setup/entry-stylesheets.ts).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseForTransform, transform } from '../src/transform/saxon.js';
import type { StylesheetParams } from '../src/transform/saxon.js';
import { loadStylesheets } from '../src/transform/stylesheets.js';
import type { Stylesheets } from '../src/transform/stylesheets.js';
import { testStylesheetParams } from './helpers/edition.js';
import { documentParams, oneByOne, projectRoot, testDocuments } from './helpers/documents.js';
import type { TestDocument } from './helpers/documents.js';
import { documentStylesheets } from './setup/entry-stylesheets.js';

let sheets: Pick<Stylesheets, 'build' | (typeof documentStylesheets)[number]>;
let sources: TestDocument[];

beforeAll(async () => {
  sources = testDocuments();
  sheets = await loadStylesheets(join(projectRoot, 'xslt'), join(projectRoot, '.cache'), ['build', ...documentStylesheets]);
}, 900_000);

describe('html.xsl, text.xsl, json.xsl and summary.xsl', () => {
  for (const [label, params] of [
    ['with every parameter given', testStylesheetParams],
    ['with the licence to come from each document', { ...testStylesheetParams, licence: '', 'licence-label': '' }],
  ] as Array<[string, StylesheetParams]>) {
    test(`make what build.xsl makes for each document on its own, ${label}`, async () => {
      const expected = await oneByOne(sheets.build, sources, params);
      const made = new Map<string, string>();
      for (const d of sources) {
        const source = await parseForTransform(d.text);
        const single = documentParams(params, d);
        made.set(`${d.base}.html`, transform(sheets.html, source, single).principal);
        made.set(`text/${d.base}.txt`, transform(sheets.text, source, single).principal);
        made.set(`json/${d.base}.json`, transform(sheets.json, source, single).principal);
        made.set(`summary/${d.base}.xml`, transform(sheets.summary, source, single).principal);
      }
      expect([...made.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [href, content] of expected) expect(made.get(href), href).toBe(content);
    }, 300_000);
  }
});
