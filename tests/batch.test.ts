/**
 * build.xsl's batch (its initial template) makes several documents in one transformation; it must make
 * exactly what html.xsl, text.xsl, json.xsl and summary.xsl make for each
 * document on its own, and refuse (so the caller goes one at a time) when a document's
 * own header would give a value the parameters do not.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeEdition } from '../src/dev/bench/generate.js';
import { documentOutputs } from '../src/site/plan.js';
import { transformDocuments } from '../src/transform/document.js';
import type { DocumentContext, DocumentJob } from '../src/transform/document.js';
import { BatchUnsuitableError, parseForTransform, transform, transformBatch } from '../src/transform/saxon.js';
import type { StylesheetParams } from '../src/transform/saxon.js';
import { loadStylesheets } from '../src/transform/stylesheets.js';
import { testStylesheetParams } from './helpers/edition.js';
import type { Stylesheets } from '../src/transform/stylesheets.js';
import { testedStylesheets } from './setup/stylesheets.js';

const root = join(import.meta.dirname, '..');
let work: string;
let sheets: Pick<Stylesheets, (typeof testedStylesheets)[number]>;
/** The project's two letters and twelve generated ones (some with an apparatus, embedded texts, notes). */
let sources: Array<{ base: string; text: string }>;

const params: StylesheetParams = testStylesheetParams;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-batch-'));
  writeEdition({ letters: 12, seed: 7, folder: join(work, 'generated'), projectRoot: root });
  const generated = join(work, 'generated', 'tei');
  sources = [
    ...['doc068', 'doc069'].map((base) => ({ base, text: readFileSync(join(root, 'tei', `${base}.xml`), 'utf8') })),
    ...readdirSync(generated)
      .filter((f) => /^doc\d+\.xml$/.test(f))
      .sort()
      .map((f) => ({ base: f.replace(/\.xml$/, ''), text: readFileSync(join(generated, f), 'utf8') })),
  ];
  sheets = await loadStylesheets(join(root, 'xslt'), join(root, '.cache'), testedStylesheets);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const neighbours = (i: number): { prev: string; next: string } => ({
  prev: i > 0 ? sources[i - 1]!.base : '',
  next: i + 1 < sources.length ? sources[i + 1]!.base : '',
});

/** Each document on its own: the outputs by href, as the batch names them. */
async function oneByOne(p: StylesheetParams): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  for (const [i, s] of sources.entries()) {
    const source = await parseForTransform(s.text);
    const { prev, next } = neighbours(i);
    const single = { ...p, 'doc-file': s.base, 'prev-doc': prev, 'next-doc': next };
    outputs.set(`${s.base}.html`, transform(sheets.html, source, single).principal);
    outputs.set(`text/${s.base}.txt`, transform(sheets.text, source, single).principal);
    outputs.set(`json/${s.base}.json`, transform(sheets.json, source, single).principal);
    outputs.set(`summary/${s.base}.xml`, transform(sheets.summary, source, single).principal);
  }
  return outputs;
}

describe('the batch of build.xsl, as the build runs it', () => {
  test('makes, byte for byte, what the four stylesheets make for each document on its own', async () => {
    const expected = await oneByOne(params);
    const made = new Map<string, string>();
    transformBatch(sheets.build, {
      documents: await Promise.all(sources.map((s) => parseForTransform(s.text))),
      files: sources.map((s) => s.base),
      prev: sources.map((_, i) => neighbours(i).prev),
      next: sources.map((_, i) => neighbours(i).next),
    }, params, (href, content) => made.set(href, content));
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
      transformBatch(sheets.build, { documents, files: ['a', 'b', 'c'], prev: ['', '', ''], next: ['', '', ''] }, withoutLicence, () => undefined),
    ).toThrow(BatchUnsuitableError);

    const context: DocumentContext = { stylesheet: sheets.build, params: withoutLicence, batching: true };
    const jobs: DocumentJob[] = sources.map((s, i) => ({ index: i, base: s.base, outputs: documentOutputs(s.base), text: s.text, ...neighbours(i) }));
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
    const expected = await oneByOne(withoutLicence);
    expect([...returned.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [href, content] of expected) expect(returned.get(href), href).toBe(content);
  }, 300_000);

  test('refuses a batch that holds a teiCorpus', async () => {
    const corpus = await parseForTransform('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></teiCorpus>');
    const letter = await parseForTransform(sources[0]!.text);
    expect(() =>
      transformBatch(sheets.build, { documents: [letter, corpus], files: ['a', 'b'], prev: ['', ''], next: ['', ''] }, params, () => undefined),
    ).toThrow(BatchUnsuitableError);
  });
});
