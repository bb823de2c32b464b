import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkFiles, projectRoot, regressionFiles } from '../../src/dev/fuzz/harness.js';

// Inputs that once failed (saved by the fuzzer, or added by hand): each must now end in time with exit 0 or 1 and well-formed diagnostics.
const files = regressionFiles(join(projectRoot, 'tests', 'fixtures', 'regressions'));

test(`replay ${files.length} saved regression inputs`, async () => {
  expect(files.length).toBeGreaterThan(0);
  const outcomes = await checkFiles(files, {});
  expect(outcomes.filter((o) => !o.ok).map((o) => `${o.name}: ${o.failure}`)).toEqual([]);
  // Every one of them is reported on: none passes silently as a clean file unless it is one.
  expect(outcomes).toHaveLength(files.length);
}, 120_000);
