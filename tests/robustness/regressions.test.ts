import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkFiles, projectRoot, regressionFiles } from '../../src/dev/fuzz/harness.js';

// Inputs that once failed (saved by the fuzzer, or added by hand): each must now end in time with exit 0 or 1
// and well-formed diagnostics, and get the one error it is kept for, where it is.
const files = regressionFiles(join(projectRoot, 'tests', 'fixtures', 'regressions'));

/** What each saved input must get. A new one needs its line here. */
const expected: Record<string, string> = {
  // 10,000 nested elements: libxml2's depth limit, not a crash or a hang.
  'deep-10000.xml': '1:136 error xml-not-well-formed',
  // An entity declaration behind a processing instruction in the DOCTYPE is still found.
  'doctype-entity-behind-pi.xml': '1:28 error xml-entity-declaration',
  // Bytes that are not Shift_JIS: located at their line and column.
  'shift-jis-invalid.xml': '3:6 error encoding-invalid',
  // A declaration of UTF-16 in a file written one byte per character.
  'utf16-declared-8bit.xml': '1:1 error encoding-invalid',
};

test(`replay ${files.length} saved regression inputs`, async () => {
  expect(files.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  const outcomes = await checkFiles(files, {});
  expect(outcomes.filter((o) => !o.ok).map((o) => `${o.name}: ${o.failure}`)).toEqual([]);
  const got = Object.fromEntries(
    outcomes.map((o) => [
      o.name,
      (o.diagnostics as Array<{ file: string; line: number; column: number; severity: string; rule: string }>)
        .filter((d) => d.file.endsWith(`/${o.name}`))
        .map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)
        .join('; '),
    ]),
  );
  expect(got).toEqual(expected);
}, 120_000);
