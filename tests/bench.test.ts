/**
 * The benchmark's corpus generator: deterministic, and what it makes is a
 * valid edition (no error, no warning from `edition validate`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateEdition, writeEdition } from '../src/dev/bench/generate.js';
import { parseXsltCost } from '../src/dev/bench/per-letter.js';
import { handWrittenPart, renderReport } from '../src/dev/bench/report.js';
import type { BenchData } from '../src/dev/bench/report.js';

const projectRoot = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'edition-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesOf(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) out[name] = readFileSync(join(folder, name), 'utf8');
  return out;
}

describe('bench corpus generator', () => {
  test('the same seed gives byte-identical editions; another seed does not', () => {
    const a = writeEdition({ letters: 20, seed: 7, folder: join(work, 'a'), projectRoot });
    const b = writeEdition({ letters: 20, seed: 7, folder: join(work, 'b'), projectRoot });
    const filesA = filesOf(join(work, 'a', 'tei'));
    const filesB = filesOf(join(work, 'b', 'tei'));
    expect(Object.keys(filesA)).toHaveLength(24); // 20 letters, 3 registers, the header
    expect(filesB).toEqual(filesA);
    expect(readFileSync(join(work, 'b', 'edition.config.json'), 'utf8')).toBe(readFileSync(join(work, 'a', 'edition.config.json'), 'utf8'));
    expect(b.letterBytes).toBe(a.letterBytes);
    const other = generateEdition({ letters: 20, seed: 8 });
    expect(other.files.get('doc001.xml')).not.toBe(filesA['doc001.xml']);
  });

  test('letters are 2–20 KB, some carry an apparatus, and the config points at the project schema', () => {
    const edition = generateEdition({ letters: 200, seed: 1 });
    const sizes = edition.letterNames.map((n) => Buffer.byteLength(edition.files.get(n)!));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2 * 1024);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20 * 1024);
    expect(edition.withApparatus).toBeGreaterThan(20);
    const withApp = edition.letterNames.map((n) => edition.files.get(n)!).find((t) => t.includes('<app '))!;
    expect(withApp).toContain('<listWit>');
    expect(withApp).toMatch(/<rdg wit="#doc\d+-w2">/);
    const config = JSON.parse(readFileSync(join(work, 'a', 'edition.config.json'), 'utf8')) as { schema: string; source: string };
    expect(config.schema).toBe(join(projectRoot, 'schema', 'edition.rng'));
    expect(config.source).toBe('tei');
  });

  test('a generated 20-letter edition passes `edition validate` with no error and no warning', () => {
    const folder = join(work, 'valid');
    writeEdition({ letters: 20, seed: 1, folder, projectRoot });
    const result = spawnSync(process.execPath, [join(projectRoot, 'bin', 'edition.js'), 'validate', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
    const diagnostics = JSON.parse(result.stdout || '[]') as Array<{ severity: string; rule: string; message: string }>;
    expect(diagnostics.map((d) => `${d.severity} ${d.rule} ${d.message}`)).toEqual([]);
    expect(result.status).toBe(0);
  });
});

describe('bench report: per-letter rows', () => {
  const printed = [
    '200 letters from ../shared/fixtures/schnitzler-letters, 20.9 KB mean; parse 4.8 ms/letter',
    'yardstick        4.7 ms/letter     1.0x yardstick',
    'html            71.5 ms/letter    15.2x yardstick',
    'text             6.1 ms/letter     1.3x yardstick',
    'json            38.5 ms/letter     8.2x yardstick',
    '  letters 8-20 KB (113): yardstick 3.4, html 48.9, text 23.4, json 25.3 ms',
  ].join('\n');

  test('reads what xslt-cost.mjs prints', () => {
    const parsed = parseXsltCost(printed);
    expect(parsed.yardstickMs).toBe(4.7);
    expect(parsed.sheets).toEqual([
      { name: 'html', ms: 71.5, ratio: 15.2 },
      { name: 'text', ms: 6.1, ratio: 1.3 },
      { name: 'json', ms: 38.5, ratio: 8.2 },
    ]);
    expect(parsed.letters).toMatch(/^200 letters/);
  });

  test('BENCHMARKS.md gives each stylesheet its limit and verdict', () => {
    const report = renderReport({
      machine: { cores: 2, cpuModel: 'test', ramGiB: 24, os: 'linux', node: 'v20' },
      java: {},
      date: '2026-12-02',
      command: 'npm run bench',
      runs: 3,
      seed: 1,
      teiAll: undefined,
      project: undefined,
      perLetter: { status: 'ok', command: 'node xslt-cost.mjs …', ...parseXsltCost(printed) },
      sizes: [],
    } as unknown as BenchData);
    expect(report).toContain('| `html.xsl` per letter, against the yardstick (real letters) | ≤ 3× | 15.2× (71.5 ms; yardstick 4.7 ms) | missed: 15.2× |');
    expect(report).toContain('| `text.xsl` per letter, against the yardstick (real letters) | ≤ 1.5× | 1.3× (6.1 ms; yardstick 4.7 ms) | met |');
    expect(report).toContain('| json.xsl | 38.5 | 8.2 | not measured |');
    expect(report).toContain('| rebuild after a one-line stylesheet edit | ≤ 20 s |');
    expect(report).not.toContain('≤ 8 s');
  });

  test('the floor of each stylesheet (an empty letter) is shown against the yardstick of the real letters', () => {
    const parsed = parseXsltCost(printed);
    const report = renderReport({
      machine: { cores: 2, cpuModel: 'test', ramGiB: 24, os: 'linux', node: 'v20' },
      java: {}, date: '2026-12-02', command: 'npm run bench', runs: 3, seed: 1, teiAll: undefined, project: undefined, sizes: [],
      perLetter: { status: 'ok', command: 'node xslt-cost.mjs …', ...parsed, floor: { command: 'node xslt-cost.mjs --letters EMPTY …', sheets: [{ name: 'html', ms: 9.4, ratio: 2 }, { name: 'text', ms: 2.4, ratio: 0.5 }, { name: 'json', ms: 3.3, ratio: 0.7 }] } },
    } as unknown as BenchData);
    expect(report).toContain('| html.xsl | 71.5 | 15.2 | 9.4 | 2.0 |');
    expect(report).toContain('| text.xsl | 6.1 | 1.3 | 2.4 | 0.5 |');
    expect(report).toContain('`node xslt-cost.mjs --letters EMPTY …`');
  });

  test('a new report keeps the notes written by hand below the embedded results', () => {
    const report = renderReport({
      machine: { cores: 2, cpuModel: 'test', ramGiB: 24, os: 'linux', node: 'v20' },
      java: {}, date: '2026-12-02', command: 'npm run bench', runs: 3, seed: 1, teiAll: undefined, project: undefined, sizes: [],
    } as unknown as BenchData);
    expect(handWrittenPart(report)).toBe('');
    const notes = '## Notes added by hand\n\n- a figure the bench does not make\n';
    const kept = handWrittenPart(`${report}\n${notes}`);
    expect(kept).toBe(`\n${notes}`);
    expect(handWrittenPart(report + kept)).toBe(kept);
  });
});
