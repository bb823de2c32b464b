/**
 * Reproducible builds: the same sources give the same bytes, wherever the
 * project lies and whenever it is built; SOURCE_DATE_EPOCH is the only date
 * that reaches the outputs; incremental builds give what a cold --force
 * build gives.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { dosDate, readZip } from '../helpers/zip.js';
import { cleanupTemp, makeFolder, makeProject, runCli, treeDigest } from './build-helpers.js';

// A build takes seconds; compiling the stylesheets (once, when xslt/ changed) takes much longer.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

const EPOCH = 86400 * 365 * 30; // 1999-12-25T00:00:00Z
const EPOCH_DATE = '1999-12-25';
const noEpoch = { SOURCE_DATE_EPOCH: undefined };
const withEpoch = { SOURCE_DATE_EPOCH: String(EPOCH) };

let X: string;
let Y: string;
let Z: string;

/** The sources may carry today's date (a release date): move it, so that today's date in an output can only come from the clock. */
function withoutToday(root: string): string {
  for (const name of readdirSync(join(root, 'tei'))) {
    const file = join(root, 'tei', name);
    let text = readFileSync(file, 'utf8');
    for (const today of todayDates()) text = text.split(today).join('1921-01-02');
    writeFileSync(file, text);
  }
  return root;
}

beforeAll(async () => {
  X = withoutToday(await makeProject('repro-x'));
  // Another absolute path, of another length, with a space in it.
  Y = withoutToday(await makeProject('repro-y', join(makeFolder('repro-y'), 'somewhere else', 'project')));
  Z = withoutToday(await makeProject('repro-z'));
});

afterAll(() => cleanupTemp());

async function build(root: string, args: string[], env: Record<string, string | undefined>): Promise<void> {
  const result = await runCli(root, ['build', ...args], env);
  expect(result.code, `${root}: ${result.stderr}`).toBe(0);
}

/** The zip holds every source file, byte for byte, each entry stamped with `iso`. */
function expectZip(root: string, iso: string): void {
  const entries = readZip(readFileSync(join(root, 'dist', 'tei', 'edition.zip')));
  const sources = ['doc068.xml', 'doc069.xml', 'edition.xml', 'orgs.xml', 'persons.xml', 'places.xml'];
  expect(entries.map((e) => e.name).sort()).toEqual(sources);
  const stamp = dosDate(iso);
  for (const e of entries) {
    expect({ name: e.name, time: e.time, day: e.day }).toEqual({ name: e.name, ...stamp });
    expect(e.content.equals(readFileSync(join(root, 'tei', e.name))), e.name).toBe(true);
  }
}

/** Output files (text formats) that contain `needle`. */
function filesContaining(root: string, needle: string): string[] {
  return Object.keys(treeDigest(join(root, 'dist')))
    .filter((f) => /\.(html|txt|json|xml|js)$/.test(f))
    .filter((f) => readFileSync(join(root, 'dist', f), 'utf8').includes(needle));
}

function todayDates(): string[] {
  const now = new Date();
  const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return [...new Set([now.toISOString().slice(0, 10), local])];
}

describe('reproducible builds', () => {
  let plain: Record<string, string>;

  test('two builds in different folders give byte-identical trees (zip included), without SOURCE_DATE_EPOCH', async () => {
    await build(X, [], noEpoch);
    await build(Y, [], noEpoch);
    plain = treeDigest(join(X, 'dist'));
    expect(treeDigest(join(Y, 'dist'))).toEqual(plain);
    // The trees compared hold every kind of output the build makes.
    const kinds = ['index.html', 'doc068.html', 'persons.html', 'text/doc068.txt', 'text/edition.txt', 'json/doc068.json', 'tei/doc068.xml', 'tei/edition.zip', 'cmif.xml', 'search-index.js'];
    expect(kinds.filter((k) => plain[k] === undefined)).toEqual([]);
    // No clock reaches the outputs: not today's date, and the zip's fixed 1980-01-01.
    for (const today of todayDates()) expect(filesContaining(X, today), today).toEqual([]);
    expectZip(X, '1980-01-01T00:00:00Z');
    // Nor the folder the project lies in.
    expect(filesContaining(Y, 'somewhere else')).toEqual([]);
    expect(filesContaining(X, X)).toEqual([]);
  });

  test('with SOURCE_DATE_EPOCH, dated outputs carry that date, the zip entries that time, and two runs agree', async () => {
    await build(X, [], withEpoch);
    await build(Z, ['--force'], withEpoch);
    const dated = treeDigest(join(X, 'dist'));
    expect(treeDigest(join(Z, 'dist'))).toEqual(dated);
    expect(dated).not.toEqual(plain);
    const htmlPages = Object.keys(dated).filter((f) => f.endsWith('.html'));
    expect(htmlPages.length).toBeGreaterThan(10);
    for (const page of htmlPages) {
      expect(readFileSync(join(X, 'dist', page), 'utf8'), page).toContain(`Generated ${EPOCH_DATE}.`);
    }
    expect(readFileSync(join(X, 'dist', 'text', 'edition.txt'), 'utf8')).toContain(`Generated: ${EPOCH_DATE}`);
    expect(readFileSync(join(X, 'dist', 'cmif.xml'), 'utf8')).toContain(EPOCH_DATE);
    for (const today of todayDates()) expect(filesContaining(X, today), today).toEqual([]);
    expectZip(X, `${EPOCH_DATE}T00:00:00Z`);
    expectZip(Z, `${EPOCH_DATE}T00:00:00Z`);
  });

  test('incremental builds give the bytes of a cold --force build', async () => {
    const cold = treeDigest(join(Z, 'dist'));
    // Nothing touched.
    await build(X, [], withEpoch);
    expect(treeDigest(join(X, 'dist'))).toEqual(cold);
    // One letter changed: the outputs change (so the comparison below means something) …
    const file = join(X, 'tei', 'doc069.xml');
    const original = readFileSync(file, 'utf8');
    expect(original).toContain('Received encryption.');
    writeFileSync(file, original.replace('Received encryption.', 'Received encryptiom.'));
    await build(X, [], withEpoch);
    const changed = treeDigest(join(X, 'dist'));
    const differing = Object.keys(cold).filter((k) => changed[k] !== cold[k]).sort();
    expect(differing).toEqual(expect.arrayContaining(['doc069.html', 'json/doc069.json', 'text/doc069.txt', 'text/edition.txt', 'tei/doc069.xml', 'tei/edition.zip']));
    // The changed state built cold gives the same bytes.
    const zFile = join(Z, 'tei', 'doc069.xml');
    writeFileSync(zFile, original.replace('Received encryption.', 'Received encryptiom.'));
    await build(Z, ['--force'], withEpoch);
    expect(treeDigest(join(Z, 'dist'))).toEqual(changed);
    expectZip(X, `${EPOCH_DATE}T00:00:00Z`);
    writeFileSync(zFile, original);
    // … and changed back: the same bytes as the cold build again.
    writeFileSync(file, original);
    await build(X, [], withEpoch);
    expect(treeDigest(join(X, 'dist'))).toEqual(cold);
  });
});
