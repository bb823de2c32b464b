// The hash of the toolchain's compiled code in every cache key
// (src/version.ts): the code, not where it lies; the developers' tools left out.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { compiledCodeHash } from '../src/version.js';

const work = mkdtempSync(join(tmpdir(), 'edition-version-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('compiledCodeHash: changed by the toolchain\'s code, not by build/dev/, by other files or by the folder\'s place', () => {
  const build = join(work, 'build');
  mkdirSync(join(build, 'dev', 'bench'), { recursive: true });
  mkdirSync(join(build, 'rules'), { recursive: true });
  writeFileSync(join(build, 'version.js'), 'export const a = 1;');
  writeFileSync(join(build, 'rules', 'rule.js'), 'export const b = 2;');
  writeFileSync(join(build, 'dev', 'bench', 'run.js'), 'export const c = 3;');
  const first = compiledCodeHash(build);
  // The developers' tools, source maps, and the folder moved elsewhere: the same hash.
  writeFileSync(join(build, 'dev', 'bench', 'run.js'), 'export const c = 4;');
  writeFileSync(join(build, 'rules', 'rule.js.map'), '{}');
  cpSync(build, join(work, 'elsewhere', 'build'), { recursive: true });
  expect(compiledCodeHash(build)).toBe(first);
  expect(compiledCodeHash(join(work, 'elsewhere', 'build'))).toBe(first);
  // A rule changed, or the same code under another name: another hash.
  writeFileSync(join(build, 'rules', 'rule.js'), 'export const b = 5;');
  expect(compiledCodeHash(build)).not.toBe(first);
  writeFileSync(join(build, 'rules', 'rule.js'), 'export const b = 2;');
  expect(compiledCodeHash(build)).toBe(first);
  rmSync(join(build, 'rules'), { recursive: true });
  mkdirSync(join(build, 'site'));
  writeFileSync(join(build, 'site', 'rule.js'), 'export const b = 2;');
  expect(compiledCodeHash(build)).not.toBe(first);
});
