/**
 * build.xsl's batch (its initial template) makes several documents in one transformation; it must make
 * exactly what build.xsl makes for each document on its own (its one-document template, which
 * tests/entry-stylesheets.test.ts holds to html.xsl, text.xsl, json.xsl and summary.xsl), and refuse
 * (so the caller goes one at a time) when a document's own header would give a value the parameters do not.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { documentOutputs } from '../src/site/plan.js';
import { transformDocuments } from '../src/transform/document.js';
import type { DocumentContext, DocumentJob } from '../src/transform/document.js';
import { BatchUnsuitableError, parseForTransform, transformBatch } from '../src/transform/saxon.js';
import type { StylesheetParams } from '../src/transform/saxon.js';
import { loadStylesheets } from '../src/transform/stylesheets.js';
import type { CompiledStylesheet } from '../src/transform/stylesheets.js';
import { testStylesheetParams } from './helpers/edition.js';
import { oneByOne, projectRoot, testDocuments } from './helpers/documents.js';
import type { TestDocument } from './helpers/documents.js';

let build: CompiledStylesheet;
let sources: TestDocument[];

const params: StylesheetParams = testStylesheetParams;

beforeAll(async () => {
  sources = testDocuments();
  ({ build } = await loadStylesheets(join(projectRoot, 'xslt'), join(projectRoot, '.cache'), ['build']));
}, 600_000);

describe('the batch of build.xsl, as the build runs it', () => {
  test('makes, byte for byte, what build.xsl makes for each document on its own', async () => {
    const expected = await oneByOne(build, sources, params);
    const made = new Map<string, string>();
    transformBatch(build, {
      documents: await Promise.all(sources.map((s) => parseForTransform(s.text))),
      files: sources.map((s) => s.base),
      prev: sources.map((s) => s.prev),
      next: sources.map((s) => s.next),
    }, params, (href, content) => made.set(href, content));
    expect(made.size).toBe(4 * sources.length);
    expect([...made.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [href, content] of expected) expect(made.get(href), href).toBe(content);
    // The neighbours really differ per document: the first page has no previous link, the second one has.
    expect(made.get('doc068.html')).not.toContain('rel="prev"');
    expect(made.get('doc069.html')).toContain('href="doc068.html" rel="prev"');
  }, 300_000);

  test('refuses a batch when the licence must come from each document, and transformDocuments then goes one at a time', async () => {
    const withoutLicence = { ...params, licence: '', 'licence-label': '' };
    const documents = await Promise.all(sources.slice(0, 3).map((s) => parseForTransform(s.text)));
    expect(() =>
      transformBatch(build, { documents, files: ['a', 'b', 'c'], prev: ['', '', ''], next: ['', '', ''] }, withoutLicence, () => undefined),
    ).toThrow(BatchUnsuitableError);

    const context: DocumentContext = { stylesheet: build, params: withoutLicence, batching: true };
    const jobs: DocumentJob[] = sources.map((s, i) => ({ index: i, base: s.base, outputs: documentOutputs(s.base), text: s.text, prev: s.prev, next: s.next }));
    const results = await transformDocuments(context, jobs);
    expect(context.batching).toBe(false);
    expect(results.map((r) => [r.index, r.ok])).toEqual(jobs.map((j) => [j.index, true]));
    // Every output goes back to the caller, by the names the plan gave the job.
    const returned = new Map<string, string>();
    for (const r of results) {
      if (!r.ok) continue;
      const { base, outputs } = jobs[r.index]!;
      returned.set(outputs.page, r.page).set(outputs.text, r.text).set(outputs.json, r.json).set(`summary/${base}.xml`, r.summary);
    }
    const expected = await oneByOne(build, sources, withoutLicence);
    expect([...returned.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [href, content] of expected) expect(returned.get(href), href).toBe(content);
  }, 300_000);

  test('refuses a batch that holds a teiCorpus', async () => {
    const corpus = await parseForTransform('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></teiCorpus>');
    const letter = await parseForTransform(sources[0]!.text);
    expect(() =>
      transformBatch(build, { documents: [letter, corpus], files: ['a', 'b'], prev: ['', ''], next: ['', ''] }, params, () => undefined),
    ).toThrow(BatchUnsuitableError);
  });
});
