/**
 * The benchmark's corpus generator: deterministic, and what it makes is a
 * valid edition (no error, no warning from `edition validate`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateEdition, writeEdition } from '../src/bench/generate.js';

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
