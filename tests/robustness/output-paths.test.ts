import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isSafeOutputPath, outputPath, OutputPathError } from '../../src/site/output-paths.js';
import { outputBaseName } from '../../src/site/plan.js';

const root = mkdtempSync(join(tmpdir(), 'edition-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const accepted = ['index.html', 'doc068.html', 'persons/trotsky.html', 'text/doc068.txt', 'json/index.json', 'tei/edition.zip', 'assets/edition.css', 'a_b-c.d.e', '_x', 'a/b/c/d.html'];

const refused = [
  '', '.', '..', '../x', '../../etc/passwd', 'a/../../x', 'a/..', 'a/./b', './a', 'a//b', 'a/', '/a', '/etc/passwd',
  'C:\\x', 'C:/x', 'a\\b', '..\\x', '\\\\server\\share', 'file:///etc/passwd', 'http://x/y', '~/x', '$HOME/x',
  '.hidden', 'a/.git/config', 'a..b', 'x.', 'x..html', 'a b', 'a\tb', 'a\nb', 'a\u0000b', 'x.html\n',
  // odd Unicode: look-alike dots and slashes, full-width forms, bidi overrides, combining marks, non-Latin letters
  '\u2024\u2024/x', '\uFF0E\uFF0E\uFF0Fx', 'a\u2215b', 'a\u2044b', '\u202Egnp.exe', 'e\u0301.html', 'троцкий.html', '😀.html', 'a\uFEFFb', 'a\u00A0b',
  // Windows device names, with or without an extension
  'con', 'CON.html', 'nul.txt', 'aux', 'prn.html', 'com1.json', 'LPT9', 'persons/con.html',
  'x'.repeat(256), `${'a/'.repeat(127)}b/c`,
];

describe('isSafeOutputPath and outputPath', () => {
  test.each(accepted)('accepts %j, inside the root', (path) => {
    expect(isSafeOutputPath(path)).toBe(true);
    const absolute = outputPath(root, path);
    expect(absolute.startsWith(root + sep)).toBe(true);
    expect(relative(root, absolute).split(sep).join('/')).toBe(path);
  });

  test.each(refused)('refuses %j with an OutputPathError', (path) => {
    expect(isSafeOutputPath(path)).toBe(false);
    expect(() => outputPath(root, path)).toThrow(OutputPathError);
  });

  test('the message names the path and says why', () => {
    expect(() => outputPath(root, '../../etc/passwd')).toThrow(/Refused output path "\.\.\/\.\.\/etc\/passwd": .*stay inside the output folder/);
  });

  test('random strings never yield a path outside the root (property)', () => {
    // Deterministic: a linear congruential generator over an alphabet full of path syntax.
    const alphabet = ['.', '.', '/', '/', '\\', ':', 'a', 'b', '_', '-', '~', '%', '\u0000', '\u2024', '\uFF0F', 'C', ' ', '\n'];
    let state = 12345;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 8;
    };
    let acceptedCount = 0;
    for (let k = 0; k < 20000; k++) {
      const length = 1 + (next() % 12);
      let path = '';
      for (let i = 0; i < length; i++) path += alphabet[next() % alphabet.length];
      let absolute: string;
      try {
        absolute = outputPath(root, path);
      } catch (error) {
        expect(error).toBeInstanceOf(OutputPathError);
        continue;
      }
      acceptedCount++;
      expect(absolute.startsWith(root + sep), path).toBe(true);
      expect(relative(root, absolute).split(sep)).not.toContain('..');
    }
    // The property is not vacuous: some random paths are accepted.
    expect(acceptedCount).toBeGreaterThan(50);
  });
});

describe('outputBaseName', () => {
  test.each([
    ['doc068.xml', 'doc068'],
    ['DOC1.XML', 'DOC1'],
    ['a-b_c.xml', 'a-b_c'],
  ])('%j gives %j', (name, base) => {
    expect(outputBaseName(name)).toBe(base);
  });

  test.each(['../x.xml', '..xml', '.xml', 'a/b.xml', 'a b.xml', 'трот.xml', 'con.xml', 'x..xml', '-rf.xml'.replace('-', '.'), 'x.\u202Exml'])('refuses %j', (name) => {
    expect(outputBaseName(name)).toBeUndefined();
  });
});
