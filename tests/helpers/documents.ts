/**
 * Documents for the stylesheet tests: the project's two letters and twelve
 * generated ones (some with an apparatus, embedded texts, notes), and each
 * one's outputs as build.xsl makes them for the document on its own.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeEdition } from '../../src/dev/bench/generate.js';
import { buildEntry, callTemplate, parseForTransform } from '../../src/transform/saxon.js';
import type { StylesheetParams } from '../../src/transform/saxon.js';
import type { CompiledStylesheet } from '../../src/transform/stylesheets.js';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface TestDocument {
  base: string;
  text: string;
  /** Base names of its neighbours in the list ('' for none). */
  prev: string;
  next: string;
}

/** The project's doc068 and doc069, then twelve generated letters (seed 7), each with its neighbours in this list. */
export function testDocuments(): TestDocument[] {
  const work = mkdtempSync(join(tmpdir(), 'edition-documents-'));
  try {
    writeEdition({ letters: 12, seed: 7, folder: join(work, 'generated'), projectRoot });
    const generated = join(work, 'generated', 'tei');
    const sources = [
      ...['doc068', 'doc069'].map((base) => ({ base, text: readFileSync(join(projectRoot, 'tei', `${base}.xml`), 'utf8') })),
      ...readdirSync(generated)
        .filter((f) => /^doc\d+\.xml$/.test(f))
        .sort()
        .map((f) => ({ base: f.replace(/\.xml$/, ''), text: readFileSync(join(generated, f), 'utf8') })),
    ];
    return sources.map((s, i) => ({ ...s, prev: sources[i - 1]?.base ?? '', next: sources[i + 1]?.base ?? '' }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The parameters of one document on its own. */
export function documentParams(params: StylesheetParams, d: TestDocument): StylesheetParams {
  return { ...params, 'doc-file': d.base, 'prev-doc': d.prev, 'next-doc': d.next };
}

/** Each document on its own through build.xsl (its one-document template): every output by href (page, text, JSON, summary). */
export async function oneByOne(build: CompiledStylesheet, documents: readonly TestDocument[], params: StylesheetParams): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  for (const d of documents) {
    callTemplate(build, buildEntry.oneDocument, await parseForTransform(d.text), documentParams(params, d), (href, content) => outputs.set(href, content));
  }
  return outputs;
}
