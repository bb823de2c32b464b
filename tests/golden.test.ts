/**
 * Golden files: the small fixture edition in tests/fixtures/xslt/edition/,
 * built, and compared output by output with tests/fixtures/golden/.
 * Outputs are normalised first (HTML whitespace between tags, JSON
 * re-serialised), so only meaningful changes fail.
 * Regenerate after an intended change with UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts
 * and read the diff before committing it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEdition } from '../src/site/index.js';
import type { EditionConfig } from '../src/config.js';
import { anyXmlSchema } from './helpers/edition.js';

const root = resolve(import.meta.dirname, '..');
const fixture = join(root, 'tests/fixtures/xslt/edition');
const goldenFolder = join(root, 'tests/fixtures/golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

/** The outputs kept as golden files: per-document HTML, text and JSON, and the pages that span the edition. */
const kept = (path: string): boolean => /^(doc\d+\.html|text\/doc\d+\.txt|json\/doc\d+\.json|index\.html|persons\.html|json\/index\.json|cmif\.xml)$/.test(path);

export function normalise(path: string, content: string): string {
  if (path.endsWith('.json')) return `${JSON.stringify(JSON.parse(content), null, 2)}\n`;
  if (path.endsWith('.html') || path.endsWith('.xml')) return `${content.replace(/>\s+</g, '>\n<').replace(/[ \t]+\n/g, '\n').trim()}\n`;
  return `${content.replace(/[ \t]+\n/g, '\n').trimEnd()}\n`;
}

function listFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

let work: string;
let outputs: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edition-golden-'));
  // The fixtures exercise the stylesheets with more than the edition's schema allows (hi, a dangling @wit),
  // so they are checked against a schema that accepts any XML, with the pointer check off.
  const schema = join(work, 'any.rng');
  writeFileSync(schema, anyXmlSchema);
  const config: EditionConfig = {
    file: undefined, root: fixture, title: 'Golden test edition', source: fixture, schema,
    output: join(work, 'dist'), header: 'edition.xml', registers: { persons: 'persons.xml', places: 'places.xml', orgs: 'orgs.xml' },
    dateRange: { from: 1912, to: 1927 }, rules: { 'pointer-unresolved': 'off' }, baseUrl: 'https://example.org/golden/', licence: { url: 'https://example.org/licence', label: 'Example licence' },
    editionRules: true, cacheFolder: join(work, 'cache'),
  };
  const result = await buildEdition({ config, sourceDateEpoch: 0 });
  expect(result.validation.errors, JSON.stringify(result.validation.diagnostics, null, 1)).toBe(0);
  expect(result.published).toBe(true);
  outputs = listFiles(join(work, 'dist')).map((f) => relative(join(work, 'dist'), f)).filter(kept);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('golden files', () => {
  test('the fixture edition gives the outputs the golden folder holds', () => {
    if (update) return;
    const golden = listFiles(goldenFolder).map((f) => relative(goldenFolder, f)).filter((p) => p !== 'README.md');
    expect(outputs.sort()).toEqual(golden.sort());
  });

  test('every output matches its golden file', () => {
    expect(outputs.length).toBeGreaterThan(5);
    for (const path of outputs) {
      const actual = normalise(path, readFileSync(join(work, 'dist', path), 'utf8'));
      const goldenPath = join(goldenFolder, path);
      if (update) {
        mkdirSync(dirname(goldenPath), { recursive: true });
        writeFileSync(goldenPath, actual);
        continue;
      }
      expect(existsSync(goldenPath), `golden file ${path}`).toBe(true);
      expect(actual, path).toBe(readFileSync(goldenPath, 'utf8'));
    }
  });
});
