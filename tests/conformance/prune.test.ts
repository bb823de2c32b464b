// tei_all pruned to the element names in use (src/validate/prune.ts) gives
// every file the verdict the full tei_all gives: the TEI SIG's example
// letters, the edition's sources, and deliberately invalid variants of
// them (an element TEI does not have, a TEI element where it may not
// stand, a required element missing, a bad attribute, a wrong order).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../src/read/positions.js';
import { elementNamesIn, pruneSchema } from '../../src/validate/prune.js';
import type { LintFile, LintResult } from '../../src/validate/xmllint.js';
import { lintFiles } from '../../src/validate/xmllint.js';
import { sharedFolder } from './shared-folder.ts';

const teiAll = readFileSync(join(sharedFolder(), 'schemas/tei_all.rng'), 'utf8');
const fixtures = join(sharedFolder(), 'fixtures/correspDesc-examples');

function xmlIn(folder: string): Array<[string, string]> {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => [join(folder, name), readFileSync(join(folder, name), 'utf8')]);
}

const originals = [...xmlIn(fixtures), ...xmlIn(resolve('tei'))];

/** Invalid variants: each edit applies to the first place it fits. */
const edits: Array<[string, (text: string) => string]> = [
  ['unknown element', (t) => t.replace(/<p>/, '<p><bogusElement>x</bogusElement>')],
  ['TEI element out of place', (t) => t.replace(/<p>/, '<p><div><p>x</p></div>')],
  ['TEI element out of place, in the header', (t) => t.replace(/<fileDesc>/, '<fileDesc><lg><l>x</l></lg>')],
  ['required element missing', (t) => t.replace(/<titleStmt>[\s\S]*?<\/titleStmt>/, '<titleStmt></titleStmt>')],
  ['header missing', (t) => t.replace(/<teiHeader[\s\S]*?<\/teiHeader>/, '')],
  ['bad attribute', (t) => t.replace(/<p>/, '<p bogus="1">')],
  ['bad attribute value', (t) => t.replace(/<p>/, '<p xml:id="1 2">')],
  ['wrong order', (t) => t.replace(/(<teiHeader[\s\S]*?<\/teiHeader>)(\s*)(<text[\s\S]*<\/text>)/, '$3$2$1')],
  ['element in another namespace', (t) => t.replace(/<p>/, '<p><x:y xmlns:x="urn:example"/>')],
];

const variants: Array<[string, string]> = [];
for (const [file, text] of originals) {
  for (const [label, edit] of edits) {
    const changed = edit(text);
    if (changed !== text) variants.push([`${file} (${label})`, changed]);
  }
}
const all: LintFile[] = [...originals, ...variants].map(([file, text]) => ({ file, text, lines: new LineIndex(text) }));

function verdicts(result: LintResult): Map<string, boolean> {
  expect(result.schemaProblem).toBeUndefined();
  return new Map(all.map((f) => [f.file, (result.byFile.get(f.file) ?? []).length === 0]));
}

describe('tei_all pruned to the names in use gives the verdicts tei_all gives', () => {
  let full: LintResult;

  test('the full tei_all: the originals are valid, every variant is invalid', { timeout: 300_000 }, async () => {
    expect(variants.length).toBeGreaterThan(60);
    full = await lintFiles(all, { file: 'tei_all.rng', text: teiAll });
    const byFile = verdicts(full);
    for (const [file] of originals) expect(byFile.get(file), file).toBe(true);
    for (const [file] of variants) expect(byFile.get(file), file).toBe(false);
  });

  test('pruned to the names of the unchanged files only (the SIG examples and tei/): all valid, compiled promptly', { timeout: 120_000 }, async () => {
    const unchanged = all.filter((f) => !f.file.includes(' ('));
    const pruned = pruneSchema(teiAll, elementNamesIn(unchanged.map((f) => f.text)))!;
    expect(pruned).toBeDefined();
    const got = await lintFiles(unchanged, { file: 'tei_all.rng', text: pruned.text }, { timeoutMs: 60_000 });
    expect(got.schemaProblem).toBeUndefined();
    expect([...got.byFile.values()].flat()).toEqual([]);
  });

  test('pruned to the names of all the files at once: same verdicts, and the same messages', { timeout: 120_000 }, async () => {
    const pruned = pruneSchema(teiAll, elementNamesIn(all.map((f) => f.text)))!;
    expect(pruned).toBeDefined();
    expect(pruned.text.length).toBeLessThan(teiAll.length / 5);
    const got = await lintFiles(all, { file: 'tei_all.rng', text: pruned.text });
    expect(verdicts(got)).toEqual(verdicts(full));
    for (const f of all) {
      const messages = got.byFile.get(f.file) ?? [];
      for (const d of messages) {
        expect(d.line, f.file).toBeGreaterThanOrEqual(1);
        expect(d.column, f.file).toBeGreaterThanOrEqual(1);
      }
      expect(messages, f.file).toEqual(full.byFile.get(f.file));
    }
  });

  test('pruned to each file\'s own names: same verdict for every file', { timeout: 300_000 }, async () => {
    const own = new Map<string, boolean>();
    // Each schema compiles on its own: the originals, and the variants of two of them.
    const some = all.filter((f) => !f.file.includes(' (') || /example01_basic|doc068/.test(f.file));
    for (const f of some) {
      const pruned = pruneSchema(teiAll, elementNamesIn([f.text]));
      // Without a pruned schema (start would be notAllowed) the full one is used; nothing to compare.
      if (!pruned) continue;
      const result = await lintFiles([f], { file: 'tei_all.rng', text: pruned.text });
      expect(result.schemaProblem, f.file).toBeUndefined();
      own.set(f.file, (result.byFile.get(f.file) ?? []).length === 0);
      if (!own.get(f.file)) expect(result.byFile.get(f.file)!.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
    }
    expect(own.size).toBeGreaterThan(some.length / 2);
    const expected = verdicts(full);
    for (const [file, valid] of own) expect(valid, file).toBe(expected.get(file));
  });
});
